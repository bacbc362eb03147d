package law.fmt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import law.syntax.Lexeme;
import law.syntax.Lexeme.Kind;

/**
 * Prints the formatter's lines with canonical indentation and spacing. The items of a
 * <code>{ }</code> block are indented two spaces past the line that opened it; a line continuing
 * a statement after an operator is indented four; inside {@code ( )}, {@code [ ]} and record
 * braces a continuation line lines up after the bracket (or is indented four when the bracket
 * ends its line). At most one blank line is kept between lines, none at the start and end of a
 * block. Trailing comments keep their column when the code leaves room for it (at least two
 * spaces), so comments aligned by hand stay aligned.
 */
final class Layout {
    /** An open bracket: where lines inside it start, and where a line starting with its closer starts. */
    private record Frame(boolean block, int content, int close) {
    }

    private final List<String> code = new ArrayList<>();
    private final List<Integer> blank = new ArrayList<>();
    private final Deque<Frame> frames = new ArrayDeque<>();

    private Layout() {
        frames.push(new Frame(true, 0, 0));
    }

    /** The formatted text of the lines, ending with one newline (empty input gives empty text). */
    static String print(List<Line> lines) {
        Layout layout = new Layout();
        int[] pad = Alignment.padding(lines);
        boolean continues = false;
        Line previous = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            layout.blank.add(previous == null || line.verbatim() != null || opens(previous) || closes(line)
                    ? 0 : Math.min(1, line.blankBefore()));
            if (line.verbatim() != null) {
                layout.verbatim(line);
            } else {
                layout.code.add(layout.line(line, pad[i], continues));
            }
            if (!line.commentOnly()) {
                continues = continues(line.last());
            }
            previous = line;
        }
        return Comments.place(lines, layout.code, layout.blank);
    }

    private String line(Line line, int pad, boolean continues) {
        Frame f = frames.peek();
        if (line.commentOnly()) {
            return " ".repeat(f.block() && continues ? f.content() + 4 : f.content());
        }
        int indent = line.first().kind() == Kind.CLOSE ? f.close()
                : f.block() && continues ? f.content() + 4 : f.content();
        StringBuilder out = new StringBuilder(" ".repeat(indent));
        List<Lexeme> tokens = line.code();
        for (int j = 0; j < tokens.size(); j++) {
            Lexeme t = tokens.get(j);
            if (j == 1) {
                out.append(" ".repeat(pad));
            }
            if (j > 0 && Spacing.space(tokens.get(j - 1), t)) {
                out.append(' ');
            }
            int column = width(out);
            out.append(t.text());
            track(t, column, indent, j + 1 < tokens.size());
        }
        return out.toString();
    }

    /** Keeps a line as written, following its brackets at their written columns. */
    private void verbatim(Line line) {
        code.add(line.verbatim());
        int indent = width(line.verbatim()) - width(line.verbatim().stripLeading());
        List<Lexeme> tokens = line.code();
        for (int j = 0; j < tokens.size(); j++) {
            Lexeme t = tokens.get(j);
            int column = Math.max(0, t.start() - line.lineStart());
            track(t, column, indent, j + 1 < tokens.size());
        }
    }

    private void track(Lexeme t, int column, int indent, boolean more) {
        if (t.kind() == Kind.OPEN) {
            Frame outer = frames.peek();
            if (isBlock(t)) {
                int base = outer.block() ? outer.content() : indent;
                frames.push(new Frame(true, base + 2, base));
            } else {
                frames.push(new Frame(false, more ? column + 1 : indent + 4, indent));
            }
        } else if (t.kind() == Kind.CLOSE && frames.size() > 1) {
            frames.pop();
        }
    }

    /** A brace that opens a block of items (not a record value, not a bracket). */
    static boolean isBlock(Lexeme t) {
        return t.text().equals("{") && t.role() != Lexeme.Role.RECORD;
    }

    /** True when a statement goes on after a line ending with this token. */
    static boolean continues(Lexeme last) {
        return switch (last.kind()) {
            case OPERATOR -> !last.text().equals("%");
            case COMMA -> last.role() != Lexeme.Role.SEPARATOR;
            case KEYWORD -> last.text().equals("and") || last.text().equals("or") || last.text().equals("not");
            default -> false;
        };
    }

    private static boolean opens(Line line) {
        return !line.commentOnly() && line.last().kind() == Kind.OPEN;
    }

    private static boolean closes(Line line) {
        return !line.commentOnly() && line.first().kind() == Kind.CLOSE;
    }

    /** The width of a text in code points (what editors count as columns). */
    static int width(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }
}
