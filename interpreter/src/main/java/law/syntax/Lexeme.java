package law.syntax;

/**
 * One token of a spec as the formatter and the language server see it, without ANTLR types:
 * its coarse kind, its text and place, and the part it plays where the parser knows it.
 *
 * @param kind  what kind of token it is
 * @param text  the text as written
 * @param start offset of its first character
 * @param end   offset after its last character
 * @param role  the part it plays in the statement ({@link Role#NONE} when unknown or plain)
 */
public record Lexeme(Kind kind, String text, int start, int end, Role role) {

    /** Coarse token kinds. */
    public enum Kind {
        /** A keyword ({@code law}, {@code fit}, {@code by} where it is not a name). */
        KEYWORD,
        /** A name, plain or back-quoted (a soft keyword used as a name is a name). */
        NAME,
        /** A number literal. */
        NUMBER,
        /** A string literal. */
        STRING,
        /** {@code (}, {@code [} or <code>{</code>. */
        OPEN,
        /** {@code )}, {@code ]} or <code>}</code>. */
        CLOSE,
        /** {@code ,}. */
        COMMA,
        /** Any other operator or punctuation ({@code =}, {@code ..}, {@code ->}, ...). */
        OPERATOR,
        /** {@code ;}, which ends a statement like a newline. */
        SEMICOLON,
        /** A {@code ##} documentation comment. */
        DOC,
        /** A {@code #} comment. */
        COMMENT,
        /** A character or string the lexer could not read (only in text with syntax errors). */
        ERROR
    }

    /** The part a token plays, as far as layout cares. */
    public enum Role {
        /** Nothing special. */
        NONE,
        /** A sign: {@code -x}, {@code +x}, {@code -1} in a table row. */
        UNARY,
        /** The parentheses of a call or a law's variables: {@code f(x)}, {@code csv("a.csv")}, {@code law f(N)}. */
        CALL,
        /** The braces of a record value: <code>{k = 1, m = 0}</code>. */
        RECORD,
        /** A comma that separates the items of a block. */
        SEPARATOR
    }
}
