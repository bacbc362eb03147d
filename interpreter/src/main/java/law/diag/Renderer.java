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

    /** Renders one diagnostic, ending with a newline; text from the spec is escaped ({@link Escape}). */
    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        String sev = d.severity().word();
        out.append(paint(d.isError() ? "1;31" : d.severity() == Severity.WARNING ? "1;33" : "1;36",
                sev + "[" + d.code().id() + "]"));
        out.append(paint("1", ": " + Escape.text(d.message()))).append('\n');
        Span s = d.span();
        String gutter = " ";
        if (s != null) {
            String number = Integer.toString(s.line());
            gutter = " ".repeat(number.length() + 1);
            out.append(gutter, 0, gutter.length() - 1).append(paint("1;34", "--> "))
                    .append(Escape.line(s.location())).append('\n');
            out.append(gutter).append(paint("1;34", "|")).append('\n');
            Quote q = Quote.of(s);
            out.append(paint("1;34", number + " |")).append(' ').append(q.text()).append('\n');
            out.append(gutter).append(paint("1;34", "|")).append(' ').append(" ".repeat(q.pad()))
                    .append(paint("1;31", "^".repeat(q.width()))).append('\n');
        }
        if (d.help() != null) {
            out.append(gutter).append(paint("1;34", "=")).append(" help: ").append(Escape.text(d.help())).append('\n');
        }
        for (String note : d.notes()) {
            out.append(gutter).append(paint("1;34", "=")).append(" note: ").append(Escape.text(note)).append('\n');
        }
        return out.toString();
    }

    private String paint(String ansi, String text) {
        return color ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
    }
}
