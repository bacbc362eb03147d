package law.eval;

import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Span;

/** Turns an unexpected exception (a bug in law) into a diagnostic that says so, without a stack trace. */
public final class Internal {
    private Internal() {
    }

    /** The diagnostic for a bug met while running the statement at {@code span}. */
    public static Diagnostic diagnostic(Throwable e, Span span) {
        StackTraceElement top = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        String where = top == null ? "" : " at " + top.getClassName().replaceAll(".*\\.", "") + "."
                + top.getMethodName() + ":" + top.getLineNumber();
        return Diagnostic.error(Code.INTERNAL, span, "internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"))
                .withHelp("this is a bug in law, not in your spec; please report it with the spec that caused it")
                .withNote("raised" + where);
    }
}
