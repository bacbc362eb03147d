/**
 * The interactive prompt, at the edge with the command line: JLine reads entries (with multi-line
 * input, completion, highlighting and history) and the one {@link law.session.Session} runs them.
 * {@code Tokens} is the only class here that touches the grammar.
 */
package law.repl;
