package law.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Renderer;

/** What every fuzz target asserts about the diagnostics of one input. */
final class Checks {
    /** Text that appears in Java stack traces and exception names but never in law's own messages. */
    private static final List<String> TRACE_MARKERS = List.of("\tat ", "Exception", "java.lang.", "java.util.",
            "at law.", ".java:");
    private Checks() {
    }

    /** No diagnostic is an internal error, and no rendered diagnostic shows a stack trace. */
    static void clean(List<Diagnostic> diagnostics, String input) {
        Renderer renderer = new Renderer(false);
        for (Diagnostic d : diagnostics) {
            String text = renderer.render(d);
            if (d.code() == Code.INTERNAL) {
                fail("internal error for input " + quote(input) + ":\n" + text);
            }
            text(text, input);
        }
    }

    /**
     * Output text shows no stack trace (markers that the input itself contains are quoted source, not
     * traces; so are markers of the input as it is shown, control characters escaped: {@code \u001a}
     * before {@code t law.} reads {@code at law.}).
     */
    static void text(String text, String input) {
        String shown = law.diag.Escape.text(input);
        for (String marker : TRACE_MARKERS) {
            assertFalse(text.contains(marker) && !input.contains(marker) && !shown.contains(marker),
                    "stack trace in user output for " + quote(input) + ":\n" + text);
        }
    }

    static String quote(String s) {
        String q = s.length() > 400 ? s.substring(0, 400) + "..." : s;
        return "\"" + q.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }
}
