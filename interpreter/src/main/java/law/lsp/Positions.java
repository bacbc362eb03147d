package law.lsp;

import law.diag.SourceFile;
import law.diag.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Offsets in a source and LSP positions (0-based lines, UTF-16 columns: what Java strings count). */
final class Positions {
    private Positions() {
    }

    static Position position(SourceFile s, int offset) {
        int o = Math.max(0, Math.min(offset, s.text().length()));
        int line = s.lineOf(o);
        return new Position(line - 1, o - s.lineStart(line));
    }

    static int offset(SourceFile s, Position p) {
        int line = p.getLine() + 1;
        if (line > s.lineCount()) {
            return s.text().length();
        }
        int start = s.lineStart(line);
        return Math.min(start + Math.max(0, p.getCharacter()), start + s.line(line).length());
    }

    static Range range(SourceFile s, int start, int end) {
        return new Range(position(s, start), position(s, end));
    }

    static Range range(Span span) {
        return range(span.source(), span.start(), span.end());
    }

    /** True when an offset lies in a span or at its end (a cursor just after a name is on it). */
    static boolean touches(Span span, int offset) {
        return span != null && span.start() <= offset && offset <= span.end();
    }
}
