package law.diag;

/**
 * The source line a diagnostic quotes, made safe and short: tabs become spaces, control
 * characters are escaped ({@link Escape}), and a line longer than {@link #MAX} characters is cut
 * to a window around the span, marked with {@code ...}, so a 5 MB line is not reprinted under
 * every error. {@code pad} and {@code width} place the caret under the span in the shown text.
 *
 * @param text  the line as shown
 * @param pad   the number of columns before the caret
 * @param width the number of carets (at least 1)
 */
record Quote(String text, int pad, int width) {
    /** The most characters of a line shown. */
    static final int MAX = 120;
    /** How many characters before the span a cut line keeps. */
    private static final int BEFORE = 40;

    static Quote of(Span s) {
        SourceFile src = s.source();
        int line = s.line();
        String raw = src.line(line);
        int start = src.lineStart(line);
        int a = Math.max(0, Math.min(s.start() - start, raw.length()));
        int b = Math.max(a, Math.min(s.end() - start, raw.length()));
        int from = 0;
        int to = raw.length();
        if (raw.length() > MAX) {
            from = a > BEFORE ? a - BEFORE : 0;
            to = Math.min(raw.length(), from + MAX);
            from = Math.max(0, Math.min(from, to - MAX));
            from = onBoundary(raw, from);
            to = onBoundary(raw, to);
        }
        String prefix = (from > 0 ? "..." : "") + shown(raw.substring(from, a));
        String inside = shown(raw.substring(a, Math.min(b, to)));
        String after = shown(raw.substring(Math.min(b, to), to)) + (to < raw.length() ? "..." : "");
        return new Quote(prefix + inside + after, columns(prefix), Math.max(1, columns(inside)));
    }

    /** An index moved off the middle of a surrogate pair. */
    private static int onBoundary(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) ? i - 1 : i;
    }

    private static String shown(String s) {
        return Escape.line(s.replace('\t', ' '));
    }

    private static int columns(String s) {
        return s.codePointCount(0, s.length());
    }
}
