package law.numeric;

/**
 * Minimises a small smooth convex function within a box {@code lo <= x <= hi} by projected Newton
 * steps (Bertsekas): variables at a bound that the gradient pushes outwards are held there, the
 * others take a Newton step on the exact Hessian (or, where that is singular, on a positive
 * definite majorant such as the IRLS matrix of a robust loss). Where the function gives its
 * derivatives along a ray the step goes to the minimum along the direction where that lies
 * inside the box (an exact line search, {@link LineMinimum}), else a projected backtracking
 * search keeps every iterate feasible. On a quadratic it ends in one step per change of the
 * active set; on Huber's piecewise quadratic loss the exact search crosses in one step any
 * number of the kinks where points enter or leave the quadratic zone (where a backtracking
 * search along a Newton direction that assumes the current zones mostly fails). The inner
 * problem of variable projection is solved this way.
 */
public final class BoxNewton {
    /** A convex function of a few variables. */
    public interface Convex {
        /**
         * The value at {@code x}; with {@code g} not null, also the gradient, the Hessian {@code h}
         * and a positive semi-definite majorant {@code m} of it (may equal {@code h}).
         */
        double evaluate(double[] x, double[] g, double[][] h, double[][] m);

        /**
         * Prepares the ray {@code x + t d} for {@link #slope}; false (the default) when the
         * function offers no derivatives along a ray, and the search then backtracks instead.
         */
        default boolean ray(double[] x, double[] d) {
            return false;
        }

        /**
         * The derivative of the function along the prepared ray at {@code t}, its second
         * derivative there into {@code curvature[0]} (one-sided where it jumps).
         */
        default double slope(double t, double[] curvature) {
            throw new UnsupportedOperationException("no ray");
        }
    }

    /**
     * Where the exact Hessian and the majorant are both singular on the free variables (the basis
     * functions are collinear there: {@code 1} and {@code x^-alpha} at {@code alpha = 0}), the step
     * is the majorant's with its diagonal raised by this fraction (Marquardt's damping), which
     * shares the change among the collinear variables and keeps the nearly collinear directions'
     * share of the step finite. Without it the inner problem kept its start, and the projected fit
     * called that point converged; with a damping of 1e-8 the nearly collinear directions made
     * steps no line search could take, and on Chinchilla's data two starts at
     * {@code alpha = beta = 0} stalled where the inner problem was not solved (objective 136
     * where the constant alone gives 9.9).
     */
    private static final double RIDGE = 1e-2;
    private final int k;
    private final double[] g;
    private final double[][] h;
    private final double[][] maj;
    private final double[] rhs;
    private final double[] dir;
    private final double[] trial;
    private final double[] ray;
    private final boolean[] held;
    private final int[] free;

    /** Workspace for {@code k} variables. */
    public BoxNewton(int k) {
        this.k = k;
        this.g = new double[k];
        this.h = new double[k][k];
        this.maj = new double[k][k];
        this.rhs = new double[k];
        this.dir = new double[k];
        this.trial = new double[k];
        this.ray = new double[k];
        this.held = new boolean[k];
        this.free = new int[k];
    }

    /**
     * Minimises {@code fn} from {@code x} (moved into the box), overwriting {@code x} with the
     * minimiser, until the decrease the Newton step predicts is at most {@code tolerance} times
     * the objective; {@code held} afterwards tells which variables ended at a bound that holds them.
     * Returns the minimum, or +inf when the function is not finite at the start.
     */
    public double minimize(Convex fn, double[] x, double[] lo, double[] hi, double tolerance, int maxIterations) {
        for (int j = 0; j < k; j++) {
            x[j] = Math.min(Math.max(x[j], lo[j]), hi[j]);
        }
        double f = fn.evaluate(x, g, h, maj);
        if (!Double.isFinite(f)) {
            return f;
        }
        for (int it = 0; it < maxIterations; it++) {
            int nf = activeSet(x, lo, hi);
            if (nf == 0 || !(step(fn, x, lo, hi, nf, f, tolerance) < f)) {
                break;
            }
            f = fn.evaluate(x, g, h, maj);
        }
        activeSet(x, lo, hi);
        return f;
    }

    /**
     * One projected step from {@code x}: Newton's on the exact Hessian where a short search finds
     * a decrease along it, else on the majorant (where a robust loss's Hessian counts only the
     * few points inside its quadratic zone, Newton's step can overshoot far; the majorant's, an
     * IRLS step, always decreases a convex function), else where both are singular on the damped
     * majorant ({@link #RIDGE}). Moves {@code x} and returns the new value,
     * or returns {@code f} with {@code x} unchanged when neither model predicts a decrease beyond
     * {@code tolerance} (the minimum) or no step decreases the value (rounding).
     */
    private double step(Convex fn, double[] x, double[] lo, double[] hi, int nf, double f, double tolerance) {
        for (int model = 0; model < 3; model++) {
            double[][] m = model == 0 ? h : maj;
            if (!direction(m, nf, model == 2 ? RIDGE : 0)) {
                continue;
            }
            double slope = 0;
            for (int q = 0; q < nf; q++) {
                slope += g[free[q]] * dir[q];
            }
            if (!(slope < 0)) {
                continue;
            }
            if (-slope <= tolerance * Math.abs(f)) {
                return f;
            }
            double ft = exact(fn, x, lo, hi, nf, f, slope);
            if (!(ft < f)) {
                ft = search(fn, x, lo, hi, nf, f, slope, m == h ? 8 : 50);
            }
            if (ft < f) {
                System.arraycopy(trial, 0, x, 0, k);
                return ft;
            }
        }
        return f;
    }

    /**
     * The line search into {@code trial} where the function gives its derivatives along the ray:
     * the unit step when the minimum along the direction lies before it and the step meets
     * Armijo's test, else the minimum along the direction (found exactly, {@link LineMinimum})
     * when it lies before the first bound the ray meets; its value, or +inf when that fails
     * Armijo's test too, lies on the bound, or the function has no ray (the caller then
     * backtracks along the projected path).
     */
    private double exact(Convex fn, double[] x, double[] lo, double[] hi, int nf, double f, double slope) {
        java.util.Arrays.fill(ray, 0);
        double reach = Double.POSITIVE_INFINITY;
        for (int q = 0; q < nf; q++) {
            int j = free[q];
            ray[j] = dir[q];
            if (dir[q] > 0) {
                reach = Math.min(reach, (hi[j] - x[j]) / dir[q]);
            } else if (dir[q] < 0) {
                reach = Math.min(reach, (lo[j] - x[j]) / dir[q]);
            }
        }
        if (!(reach > 0) || !fn.ray(x, ray)) {
            return Double.POSITIVE_INFINITY;
        }
        double t = LineMinimum.unitOrBeyond(fn::slope, slope, reach);
        double ft = along(fn, x, lo, hi, t, reach, f, slope);
        if (ft < f || !(t == Math.min(1, reach))) {
            return ft;
        }
        return along(fn, x, lo, hi, LineMinimum.of(fn::slope, slope, Math.min(1, reach)), reach, f, slope);
    }

    /**
     * The value at {@code x + t ray} into {@code trial} when it meets Armijo's test, else +inf;
     * +inf also where t is the first bound the ray meets: past it the projected path bends along
     * the box, which the backtracking search follows. (Stopping there instead put linear
     * parameters on their bounds where the inner problem is degenerate: a Chinchilla-form fit from
     * alpha = beta = 0, whose three basis functions are then one, ended at A = B = 0.)
     */
    private double along(Convex fn, double[] x, double[] lo, double[] hi, double t, double reach, double f,
                         double slope) {
        if (!(t > 0) || t >= reach) {
            return Double.POSITIVE_INFINITY;
        }
        for (int j = 0; j < k; j++) {
            trial[j] = Math.min(Math.max(x[j] + t * ray[j], lo[j]), hi[j]);
        }
        double ft = fn.evaluate(trial, null, null, null);
        return ft <= f + 1e-4 * t * slope ? ft : Double.POSITIVE_INFINITY;
    }

    /** Backtracks along the direction from {@code x} into {@code trial}; the first value meeting Armijo's test, else +inf. */
    private double search(Convex fn, double[] x, double[] lo, double[] hi, int nf, double f, double slope, int tries) {
        double t = 1;
        for (int ls = 0; ls < tries; ls++) {
            System.arraycopy(x, 0, trial, 0, k);
            for (int q = 0; q < nf; q++) {
                int j = free[q];
                trial[j] = Math.min(Math.max(x[j] + t * dir[q], lo[j]), hi[j]);
            }
            double ft = fn.evaluate(trial, null, null, null);
            if (ft <= f + 1e-4 * t * slope) {
                return ft;
            }
            t *= 0.5;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Whether variable {@code j} ended held at a bound by the last {@link #minimize}. */
    public boolean held(int j) {
        return held[j];
    }

    /** Marks the variables a bound holds; returns how many are free, listed in {@code free}. */
    private int activeSet(double[] x, double[] lo, double[] hi) {
        int nf = 0;
        for (int j = 0; j < k; j++) {
            held[j] = (x[j] <= lo[j] && g[j] >= 0) || (x[j] >= hi[j] && g[j] <= 0);
            if (!held[j]) {
                free[nf++] = j;
            }
        }
        return nf;
    }

    /**
     * The Newton direction on the free variables for the model {@code m} with its diagonal raised
     * by the fraction {@code ridge} (Marquardt's damping); false if that is not positive definite.
     */
    private boolean direction(double[][] m, int nf, double ridge) {
        double[][] a = new double[nf][nf];
        for (int p = 0; p < nf; p++) {
            rhs[p] = -g[free[p]];
            for (int q = 0; q < nf; q++) {
                a[p][q] = m[free[p]][free[q]];
            }
            a[p][p] *= 1 + ridge;
        }
        double[] d = new double[nf];
        if (!Dense.choleskySolve(a, java.util.Arrays.copyOf(rhs, nf), d, new double[nf][nf])) {
            return false;
        }
        System.arraycopy(d, 0, dir, 0, nf);
        return true;
    }
}
