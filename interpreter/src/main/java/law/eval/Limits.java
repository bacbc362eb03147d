package law.eval;

/**
 * Resource limits of a session: work larger than a limit is refused before it starts, with a
 * diagnostic ({@code L0902}) that names the limit and the flag that raises it.
 *
 * @param maxStarts    fit starts (a grid, or {@code random(n)}) per fit; default 1,000,000 ({@code --max-starts})
 * @param maxBootstrap bootstrap replicates per fit; default 100,000 ({@code --max-bootstrap})
 * @param maxItems     elements of one range or list; default 1,000,000 ({@code --max-items})
 */
public record Limits(int maxStarts, int maxBootstrap, int maxItems) {

    /** Default limit on fit starts. */
    public static final int MAX_STARTS = 1_000_000;
    /** Default limit on bootstrap replicates. */
    public static final int MAX_BOOTSTRAP = 100_000;
    /** Default limit on the elements of a range. */
    public static final int MAX_ITEMS = 1_000_000;

    /**
     * The most nodes a law's body, a law call or a derivative may have when written out in full
     * (fixed). Laws are expanded at each call, so laws calling laws can grow exponentially (41 laws
     * each calling the previous twice); past this size the statement is refused before the work.
     */
    public static final int MAX_NODES = 200_000;

    public Limits {
        if (maxStarts < 1 || maxBootstrap < 0 || maxItems < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxStarts + ", " + maxBootstrap
                    + ", " + maxItems);
        }
    }

    /** The defaults. */
    public static Limits defaults() {
        return new Limits(MAX_STARTS, MAX_BOOTSTRAP, MAX_ITEMS);
    }

    /** Help for a law body or call over {@link #MAX_NODES}. */
    static final String CALLS_HELP = "call the laws fewer times (each call of a law copies its whole body), "
            + "or compute the repeated part as a data column";

    /** Fails with {@code L0902} at {@code at} when {@code e}, written out, has more than {@link #MAX_NODES} nodes. */
    public static void checkSize(law.expr.Expr e, String what, String help, law.diag.Span at) {
        checkSize(law.expr.Sizes.nodes(e, MAX_NODES + 1L), what, help, at);
    }

    /** Fails with {@code L0902} at {@code at} when an expression of {@code nodes} nodes is too large. */
    static void checkSize(long nodes, String what, String help, law.diag.Span at) {
        if (nodes > MAX_NODES) {
            throw Failure.at(law.diag.Code.LIMIT, at, what + " has more than " + MAX_NODES
                    + " terms when written out in full, which exceeds the limit", help);
        }
    }

    /** Fails with {@code L0902} at {@code at} when {@code n} exceeds {@code limit}. */
    public static void check(long n, int limit, String what, String flag, law.diag.Span at) {
        if (n > limit) {
            throw Failure.at(law.diag.Code.LIMIT, at, what + " (" + (n == Long.MAX_VALUE ? "more than " + limit : n)
                    + ") exceeds the limit of " + limit, "raise it with " + flag + " N on the command line "
                    + "(see docs/security.md), or ask for less");
        }
    }
}
