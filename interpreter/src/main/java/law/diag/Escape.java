package law.diag;

/**
 * Makes text from a spec or a data file safe to print on a terminal. A spec under review may hold
 * escape sequences ({@code ESC ] 0 ; title BEL}, {@code ESC [ 2 J}) in strings, comments, names or
 * data cells; printed raw they would retitle, clear or recolour the reviewer's terminal. Control
 * characters (C0 but newline and tab, DEL, C1) and the bidirectional overrides and isolates that
 * can make text display in another order than it is read (U+202A-U+202E, U+2066-U+2069) are shown
 * as {@code \u001b}-style escapes instead.
 */
public final class Escape {
    private Escape() {
    }

    /** Multi-line text (a result, a message): newlines and tabs are kept, other controls escaped. */
    public static String text(String s) {
        return escape(s, true);
    }

    /** One line (a quoted source line, a file name): every control character is escaped. */
    public static String line(String s) {
        return escape(s, false);
    }

    /** True when {@code c} is shown escaped by {@link #line}. */
    public static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    private static String escape(String s, boolean keepLines) {
        int i = 0;
        int n = s.length();
        while (i < n && !needs(s.charAt(i), keepLines)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (needs(c, keepLines)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean needs(char c, boolean keepLines) {
        return unsafe(c) && !(keepLines && (c == '\n' || c == '\t'));
    }
}
