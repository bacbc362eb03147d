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

    /** Fails with {@code L0902} at {@code at} when {@code n} exceeds {@code limit}. */
    public static void check(long n, int limit, String what, String flag, law.diag.Span at) {
        if (n > limit) {
            throw Failure.at(law.diag.Code.LIMIT, at, what + " (" + (n == Long.MAX_VALUE ? "more than " + limit : n)
                    + ") exceeds the limit of " + limit, "raise it with " + flag + " N on the command line "
                    + "(see docs/security.md), or ask for less");
        }
    }
}
