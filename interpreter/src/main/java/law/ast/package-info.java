/**
 * The abstract syntax tree: immutable records and sealed interfaces, every node with its source
 * span. Built in one place ({@code law.syntax.AstBuilder}); no other package sees ANTLR types.
 */
package law.ast;
