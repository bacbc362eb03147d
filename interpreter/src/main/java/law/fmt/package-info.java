/**
 * The formatter ({@code law fmt}): canonical indentation, spacing and alignment of {@code .law}
 * files from the tokens the syntax stage gives ({@code law.syntax.Lexemes}), keeping line breaks
 * and comments, and checked to leave the syntax tree unchanged ({@link law.fmt.SameTree}).
 */
package law.fmt;
