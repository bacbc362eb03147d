package law.appendix;

import java.util.HashMap;
import java.util.Map;
import law.ast.Program;
import law.ast.Stmt;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.diag.Span;
import law.syntax.SpecParser;

/**
 * The statements behind what a session defined, found again by their spans (each source parsed
 * once), and the comments written beside them: a report shows the {@code # parameters, with
 * embeddings} a data binding carries as that variable's counting convention.
 */
final class Sources {
    private final Map<SourceFile, Program> parsed = new HashMap<>();

    /** The statement of type {@code type} whose span is {@code span}, or {@code null}. */
    <T extends Stmt> T statement(Span span, Class<T> type) {
        if (span == null || span.source() == null) {
            return null;
        }
        Program p = parsed.computeIfAbsent(span.source(), s -> SpecParser.parse(s, new Diagnostics()));
        for (Stmt s : p.statements()) {
            if (type.isInstance(s) && s.span().start() == span.start() && s.span().end() == span.end()) {
                return type.cast(s);
            }
        }
        return null;
    }

    /**
     * The comment that documents a piece of a statement: the {@code # ...} after it on its last
     * line, else a whole-line {@code #} comment (not a {@code ##} doc) right above its first line;
     * {@code null} when there is none.
     */
    static String comment(Span span) {
        SourceFile src = span.source();
        int endLine = src.lineOf(Math.max(span.start(), span.end() - 1));
        String line = src.line(endLine);
        int from = Math.min(line.length(), Math.max(0, span.end() - src.lineStart(endLine)));
        int hash = trailingHash(line, from);
        if (hash >= 0) {
            return clean(line.substring(hash + 1));
        }
        String above = src.line(span.line() - 1).trim();
        if (span.line() > 1 && above.startsWith("#") && !above.startsWith("##")) {
            return clean(above.substring(1));
        }
        return null;
    }

    /** The first {@code #} at or after {@code from} outside a string or back-quoted name, or -1. */
    private static int trailingHash(String line, int from) {
        char quote = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '#') {
                return i;
            }
        }
        return -1;
    }

    private static String clean(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
