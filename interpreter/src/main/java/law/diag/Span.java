package law.diag;

/**
 * A half-open range of characters {@code [start, end)} in a source, the unit every AST node and
 * diagnostic carries.
 *
 * @param source the source the range lies in
 * @param start  offset of the first character
 * @param end    offset one past the last character ({@code end >= start})
 */
public record Span(SourceFile source, int start, int end) {

    /** A span for things that have no place in a source (e.g. a default). */
    public static Span none() {
        return new Span(SourceFile.of("<none>", ""), 0, 0);
    }

    /** The 1-based line of the first character. */
    public int line() {
        return source.lineOf(start);
    }

    /** The 1-based column of the first character. */
    public int column() {
        return source.columnOf(start);
    }

    /** The smallest span covering this one and another in the same source. */
    public Span to(Span other) {
        return new Span(source, Math.min(start, other.start), Math.max(end, other.end));
    }

    /** The text the span covers. */
    public String text() {
        String t = source.text();
        return t.substring(Math.min(start, t.length()), Math.min(end, t.length()));
    }

    /** {@code file:line:col}, the form editors jump to. */
    public String location() {
        return source.name() + ":" + line() + ":" + column();
    }
}
