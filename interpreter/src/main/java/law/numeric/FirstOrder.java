package law.numeric;

/**
 * The first-order check of a claim of convergence. A minimizer's decrement trusts its model's
 * curvature; a model far more curved than the function (Huber's exact Hessian where the loss's
 * quadratic zone is narrower than any step) predicts almost no decrease where the gradient is
 * real. So where the gradient times a free variable's length (its box's width, else
 * {@code max(1, |x|)}) is above {@code sqrt(tolerance)} of the objective, a step along {@code -g}
 * meant to decrease f by {@link #PROBE} of it is tried; if f falls by at least half that, the point
 * is not stationary. At a true minimum the quadratic term dominates so short a step (by about
 * {@code PROBE / tolerance}).
 */
final class FirstOrder {
    /** The decrease, relative to the objective, that the step aims at. */
    static final double PROBE = 1e-3;

    private FirstOrder() {
    }

    /**
     * Whether the point {@code x} (objective {@code f}, gradient {@code g}, free variables
     * {@code free[0 .. nf-1]}, box {@code lo..hi}) needs the step; if so, the step's point is in
     * {@code xn}.
     */
    static boolean probe(double[] x, double f, double floor, double[] g, int[] free, int nf, double[] lo, double[] hi,
                         double tolerance, double[] xn) {
        double level = Math.abs(f) + floor;
        double gl = 0;
        double gg = 0;
        for (int q = 0; q < nf; q++) {
            int j = free[q];
            double width = hi[j] - lo[j];
            gl = Math.max(gl, Math.abs(g[j]) * (width < Double.POSITIVE_INFINITY ? width : Math.max(1, Math.abs(x[j]))));
            gg += g[j] * g[j];
        }
        if (!(gl > Math.sqrt(tolerance) * level && gg > 0)) {
            return false;
        }
        double t = PROBE * level / gg;
        System.arraycopy(x, 0, xn, 0, x.length);
        for (int q = 0; q < nf; q++) {
            int j = free[q];
            xn[j] = Math.min(Math.max(x[j] - t * g[j], lo[j]), hi[j]);
        }
        return true;
    }

    /** Whether the step's value {@code fp} is below {@code f} by at least half the decrease it aimed at. */
    static boolean descends(double fp, double f, double floor) {
        return fp < f - 0.5 * PROBE * (Math.abs(f) + floor);
    }
}
