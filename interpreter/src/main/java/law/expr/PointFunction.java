package law.expr;

/**
 * A function of numbers that the {@code CALL} instruction applies point by point: a {@link Builtin},
 * or the root solve of an {@link Expr.Implicit} ({@link Roots}). Implementations are immutable and
 * thread-safe, with value equality (compiled code interns equal calls).
 */
interface PointFunction {
    /** The value at the given arguments. */
    double apply(double... x);

    /**
     * {@code out[off + i] = apply(x[0][i], ..., x[m-1][i])} for {@code i < n}; a function that is
     * cheaper over a whole block overrides it. Each result depends only on its own point.
     */
    default void block(double[][] x, int n, double[] out, int off) {
        double[] g = new double[x.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < g.length; j++) {
                g[j] = x[j][i];
            }
            out[off + i] = apply(g);
        }
    }
}
