package law.diag;

import java.util.List;

/**
 * One problem found in a spec or its data: severity, stable code, where it is, a plain-English
 * message, and optionally a {@code help:} line and further notes.
 *
 * @param severity error, warning or note
 * @param code     the stable code
 * @param span     where in the spec, or {@code null} when the problem has no place in a source
 * @param message  one plain sentence, no trailing period
 * @param help     a suggestion for the fix, or {@code null}
 * @param notes    further lines of context (e.g. the data file and row), possibly empty
 */
public record Diagnostic(Severity severity, Code code, Span span, String message, String help,
                         List<String> notes) {

    public Diagnostic {
        notes = List.copyOf(notes);
    }

    /** An error at a span. */
    public static Diagnostic error(Code code, Span span, String message) {
        return new Diagnostic(Severity.ERROR, code, span, message, null, List.of());
    }

    /** A warning at a span. */
    public static Diagnostic warning(Code code, Span span, String message) {
        return new Diagnostic(Severity.WARNING, code, span, message, null, List.of());
    }

    /** A copy with a help line. */
    public Diagnostic withHelp(String newHelp) {
        return new Diagnostic(severity, code, span, message, newHelp, notes);
    }

    /** A copy with one more note. */
    public Diagnostic withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new Diagnostic(severity, code, span, message, help, more);
    }

    /** True for errors. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
