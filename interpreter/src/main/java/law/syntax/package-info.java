/**
 * The syntax stage: the ANTLR lexer and parser (from the grammar module), plain-English syntax
 * errors, and the {@code AstBuilder} that turns parse trees into the immutable AST. ANTLR types
 * never leave this package.
 */
package law.syntax;
