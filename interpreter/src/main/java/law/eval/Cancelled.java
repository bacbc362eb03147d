package law.eval;

/**
 * Thrown by long-running work (fits, bootstraps, sweeps, tables, plots) when its thread was
 * interrupted, e.g. by Ctrl-C in the REPL. The interpreter reports it as a cancelled statement,
 * rolls the session back as for any failed statement and runs nothing more of the program.
 *
 * <p>The interrupt is sticky: {@link #check()} leaves the thread's interrupt flag set, so code
 * that catches runtime exceptions to try something else (a failed bootstrap replicate, a start
 * that diverged) stops again at its next check instead of running on. {@code Session} clears the
 * flag once the cancellation has been reported.
 */
public final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A cancellation. */
    public Cancelled() {
        super("cancelled", null, false, false);
    }

    /** Throws {@link Cancelled} when the current thread has been interrupted (the flag stays set). */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Cancelled();
        }
    }

    /** Rethrows {@code e} when it is a cancellation, for code that catches runtime exceptions. */
    public static void rethrow(RuntimeException e) {
        if (e instanceof Cancelled c) {
            throw c;
        }
    }
}
