package law.fmt;

import java.util.ArrayList;
import java.util.List;
import law.diag.SourceFile;
import law.syntax.Lexeme;

/**
 * Splits a source into the formatter's lines: the input's own line breaks are kept (they end
 * statements and items), and so is every {@code ;}. Comment lines {@code # fmt: off} and
 * {@code # fmt: on} fence a region that is kept exactly as written.
 */
final class Lines {
    static final String OFF = "# fmt: off";
    static final String ON = "# fmt: on";

    private Lines() {
    }

    static List<Line> of(SourceFile source, List<Lexeme> lexemes) {
        List<List<Lexeme>> byLine = new ArrayList<>();
        for (int i = 0; i < source.lineCount(); i++) {
            byLine.add(new ArrayList<>());
        }
        for (Lexeme l : lexemes) {
            byLine.get(source.lineOf(l.start()) - 1).add(l);
        }
        List<Line> out = new ArrayList<>();
        int blanks = 0;
        boolean off = false;
        String text = source.text();
        int count = text.endsWith("\n") || text.endsWith("\r") ? source.lineCount() - 1 : source.lineCount();
        for (int n = 1; n <= count; n++) {
            List<Lexeme> tokens = byLine.get(n - 1);
            String marker = marker(tokens);
            if (off) {
                out.add(new Line(code(tokens), null, 0, 0, source.line(n), source.lineStart(n)));
                off = !ON.equals(marker);
                continue;
            }
            if (tokens.isEmpty() || tokens.stream().allMatch(t -> t.kind() == Lexeme.Kind.SEMICOLON)) {
                blanks++;
                continue;
            }
            Lexeme comment = tokens.stream().filter(Lines::isComment).findFirst().orElse(null);
            int column = comment == null ? 0 : source.columnOf(comment.start()) - 1;
            out.add(new Line(code(tokens), comment, column, blanks, null, source.lineStart(n)));
            blanks = 0;
            off = OFF.equals(marker);
        }
        return out;
    }

    /** The text of a line that holds only a {@code # fmt: off/on} comment, else {@code null}. */
    private static String marker(List<Lexeme> tokens) {
        if (tokens.size() == 1 && tokens.get(0).kind() == Lexeme.Kind.COMMENT) {
            String t = tokens.get(0).text().strip();
            return t.equals(OFF) || t.equals(ON) ? t : null;
        }
        return null;
    }

    private static List<Lexeme> code(List<Lexeme> tokens) {
        return tokens.stream().filter(t -> !isComment(t)).toList();
    }

    static boolean isComment(Lexeme t) {
        return t.kind() == Lexeme.Kind.COMMENT || t.kind() == Lexeme.Kind.DOC;
    }
}
