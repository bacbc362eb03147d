package law.eval;

/**
 * Thrown by long-running work (fits, bootstraps, sweeps) when its thread was interrupted, e.g. by
 * Ctrl-C in the REPL. The interpreter reports it as a cancelled statement and rolls the session
 * back, like any failed statement.
 */
public final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A cancellation. */
    public Cancelled() {
        super("cancelled", null, false, false);
    }

    /** Throws {@link Cancelled} when the current thread has been interrupted (and clears the flag). */
    public static void check() {
        if (Thread.interrupted()) {
            throw new Cancelled();
        }
    }
}
