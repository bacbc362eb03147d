package law.fmt;

import java.util.List;
import law.syntax.Lexeme;

/**
 * One line of the input as the formatter sees it: its code tokens, a trailing comment, how many
 * blank lines stood before it, and, inside a {@code # fmt: off} region, the text to keep as it is.
 *
 * @param code          the code tokens, in order (no comments)
 * @param comment       the comment ending the line (a {@code #} or {@code ##} comment), or {@code null}
 * @param commentColumn the comment's column in the input, 0-based, in code points
 * @param blankBefore   how many blank lines stood before this line in the input
 * @param verbatim      the input line to print unchanged, or {@code null} for a line to format
 * @param lineStart     the offset where the input line starts
 */
record Line(List<Lexeme> code, Lexeme comment, int commentColumn, int blankBefore, String verbatim, int lineStart) {

    Line {
        code = List.copyOf(code);
    }

    /** True when the line holds only a comment. */
    boolean commentOnly() {
        return code.isEmpty();
    }

    /** The first code token; only for lines with code. */
    Lexeme first() {
        return code.get(0);
    }

    /** The last code token; only for lines with code. */
    Lexeme last() {
        return code.get(code.size() - 1);
    }
}
