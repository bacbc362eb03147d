package law.eval;

import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Span;

/**
 * Abandons the current statement with a diagnostic. Thrown inside a statement, caught by the
 * interpreter at the statement boundary, which reports the diagnostic and rolls the session
 * back; it never escapes to the user as a stack trace.
 */
public final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    /** Wraps a diagnostic. */
    public Failure(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    /** An error at a span. */
    public static Failure at(Code code, Span span, String message) {
        return new Failure(Diagnostic.error(code, span, message));
    }

    /** An error at a span with a help line. */
    public static Failure at(Code code, Span span, String message, String help) {
        return new Failure(Diagnostic.error(code, span, message).withHelp(help));
    }

    /**
     * A data problem (from reading or cleaning a table) as a failure at the spec span that asked for
     * the data, with the data file, row and column in a note.
     */
    public static Failure of(law.data.DataException e, Span at) {
        Diagnostic d = Diagnostic.error(Code.byId(e.code()), at, e.detail());
        if (e.help().isPresent()) {
            d = d.withHelp(e.help().get());
        }
        return new Failure(d.withNote("in " + e.location()));
    }

    /** The diagnostic to report. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
