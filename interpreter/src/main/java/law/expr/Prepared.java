package law.expr;

/**
 * Data columns bound to one {@link Program}, with the values of its column-only subexpressions
 * (such as {@code log(N)}) computed once for all points. A fit evaluates the same data at many
 * parameter values; evaluating a {@code Prepared} skips that work on every call.
 *
 * <p>Immutable once built and safe to share between threads. It keeps references to the caller's
 * column arrays, which must not change while it is in use.
 */
public final class Prepared {
    final Program program;
    final double[][] columns;
    final double[][] cache;
    final int size;

    Prepared(Program program, double[][] columns, double[][] cache, int size) {
        this.program = program;
        this.columns = columns;
        this.cache = cache;
        this.size = size;
    }

    /** The number of points. */
    public int size() {
        return size;
    }

    /** The number of cached column-only values per point. */
    public int cachedPerPoint() {
        return cache.length;
    }
}
