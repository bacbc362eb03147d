package law.diag;

/**
 * Renders diagnostics the way rustc does: a header with severity and code, the location, the
 * source line with a caret run under the span, then help and notes.
 *
 * <pre>
 * error[L0201]: unknown name 'alhpa'
 *   --> spec.law:3:18
 *    |
 *  3 | law f(N) = A / N^alhpa { A &gt; 0 }
 *    |                  ^^^^^
 *    = help: did you mean 'alpha'?
 * </pre>
 */
public final class Renderer {
    private final boolean color;

    /** @param color whether to use ANSI colours (only on a terminal) */
    public Renderer(boolean color) {
        this.color = color;
    }

    /** Renders one diagnostic, ending with a newline. */
    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        String sev = d.severity().word();
        out.append(paint(d.isError() ? "1;31" : d.severity() == Severity.WARNING ? "1;33" : "1;36",
                sev + "[" + d.code().id() + "]"));
        out.append(paint("1", ": " + d.message())).append('\n');
        Span s = d.span();
        String gutter = " ";
        if (s != null) {
            int line = s.line();
            String number = Integer.toString(line);
            gutter = " ".repeat(number.length() + 1);
            out.append(gutter, 0, gutter.length() - 1).append(paint("1;34", "--> "))
                    .append(s.location()).append('\n');
            out.append(gutter).append(paint("1;34", "|")).append('\n');
            String text = s.source().line(line);
            out.append(paint("1;34", number + " |")).append(' ').append(untab(text)).append('\n');
            out.append(gutter).append(paint("1;34", "|")).append(' ').append(caret(s, text)).append('\n');
        }
        if (d.help() != null) {
            out.append(gutter).append(paint("1;34", "=")).append(" help: ").append(d.help()).append('\n');
        }
        for (String note : d.notes()) {
            out.append(gutter).append(paint("1;34", "=")).append(" note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private String caret(Span s, String text) {
        int col = s.column() - 1;
        int lineStart = s.source().lineStart(s.line());
        int endOnLine = Math.min(s.end(), lineStart + text.length());
        int width = Math.max(1, s.source().text().codePointCount(
                Math.min(s.start(), endOnLine), Math.max(s.start(), endOnLine)));
        String pad = " ".repeat(Math.max(0, col));
        return pad + paint("1;31", "^".repeat(width));
    }

    private static String untab(String text) {
        return text.replace('\t', ' ');
    }

    private String paint(String ansi, String text) {
        return color ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
    }
}
