package law.numeric;

/**
 * Minimises a small smooth convex function within a box {@code lo <= x <= hi} by projected Newton
 * steps (Bertsekas): variables at a bound that the gradient pushes outwards are held there, the
 * others take a Newton step on the exact Hessian (or, where that is singular, on a positive
 * definite majorant such as the IRLS matrix of a robust loss), and a projected backtracking
 * search keeps every iterate feasible. On a quadratic it ends in one step per change of the
 * active set; the inner problem of variable projection is solved this way.
 */
public final class BoxNewton {
    /** A convex function of a few variables. */
    public interface Convex {
        /**
         * The value at {@code x}; with {@code g} not null, also the gradient, the Hessian {@code h}
         * and a positive semi-definite majorant {@code m} of it (may equal {@code h}).
         */
        double evaluate(double[] x, double[] g, double[][] h, double[][] m);
    }

    private final int k;
    private final double[] g;
    private final double[][] h;
    private final double[][] maj;
    private final double[] rhs;
    private final double[] dir;
    private final double[] trial;
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
            if (nf == 0 || !direction(nf)) {
                break;
            }
            double slope = 0;
            for (int q = 0; q < nf; q++) {
                slope += g[free[q]] * dir[q];
            }
            if (!(slope < 0) || -slope <= tolerance * Math.abs(f)) {
                break;
            }
            double t = 1;
            double ft = Double.POSITIVE_INFINITY;
            for (int ls = 0; ls < 50; ls++) {
                System.arraycopy(x, 0, trial, 0, k);
                for (int q = 0; q < nf; q++) {
                    int j = free[q];
                    trial[j] = Math.min(Math.max(x[j] + t * dir[q], lo[j]), hi[j]);
                }
                ft = fn.evaluate(trial, null, null, null);
                if (ft <= f + 1e-4 * t * slope) {
                    break;
                }
                t *= 0.5;
            }
            if (!(ft <= f)) {
                break;
            }
            System.arraycopy(trial, 0, x, 0, k);
            f = fn.evaluate(x, g, h, maj);
        }
        activeSet(x, lo, hi);
        return f;
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

    /** The Newton direction on the free variables (exact Hessian, else the majorant); false if neither is definite. */
    private boolean direction(int nf) {
        for (double[][] m : new double[][][] {h, maj}) {
            double[][] a = new double[nf][nf];
            for (int p = 0; p < nf; p++) {
                rhs[p] = -g[free[p]];
                for (int q = 0; q < nf; q++) {
                    a[p][q] = m[free[p]][free[q]];
                }
            }
            double[] d = new double[nf];
            double[][] ll = new double[nf][nf];
            double[] r = java.util.Arrays.copyOf(rhs, nf);
            if (Dense.choleskySolve(a, r, d, ll)) {
                System.arraycopy(d, 0, dir, 0, nf);
                return true;
            }
        }
        return false;
    }
}
