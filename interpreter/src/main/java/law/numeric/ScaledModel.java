package law.numeric;

/**
 * The trust region's quadratic model on its free variables, in the variables scaled by the
 * running maximum of the model matrix's diagonal (MINPACK's scaling, so the method does not
 * depend on the variables' units): which variables no bound holds, their scales, the scaled
 * gradient and matrix, and the subproblem ({@link TrustStep}) that is solved on them. One per
 * {@link TrustRegion}, kept from run to run; {@link #reset} makes it as new.
 */
final class ScaledModel {
    /** A variable's scale is at least this fraction of the largest. */
    private static final double SCALE_FLOOR = 1e-8;

    private final int n;
    private final TrustStep[] subs;
    private final double[] gs;
    private final double[][] bs;
    /**
     * How far a step along the null space of a singular, positive semidefinite model may move each
     * free variable, scaled: {@code max(1, |x|)} in its own units (unbounded, a floored scale made
     * it a vast move that overflowed; docs/fitting.md, the trust region).
     */
    private final double[] reach;
    /** Each variable's scale. */
    final double[] scale;
    /** The free variables, {@code free[0 .. nf-1]}. */
    final int[] free;
    int nf;
    /** The subproblem on the free variables. */
    TrustStep sub;

    ScaledModel(int n) {
        this.n = n;
        this.subs = new TrustStep[n + 1];
        this.gs = new double[n];
        this.bs = new double[n][n];
        this.reach = new double[n];
        this.scale = new double[n];
        this.free = new int[n];
    }

    /** Forgets the scales and the subproblems' state. */
    void reset() {
        java.util.Arrays.fill(scale, 0);
        for (TrustStep t : subs) {
            if (t != null) {
                t.reset();
            }
        }
        sub = null;
        nf = 0;
    }

    /**
     * Lists the variables no bound holds at {@code x} with gradient {@code g} (a variable on a bound
     * that the gradient pushes outwards is held); false when there are none, which is a stationary point.
     */
    boolean freeVariables(double[] x, double[] g, double[] lo, double[] hi) {
        nf = 0;
        for (int j = 0; j < n; j++) {
            boolean held = (x[j] <= lo[j] && g[j] > 0) || (x[j] >= hi[j] && g[j] < 0);
            if (!held) {
                free[nf++] = j;
            }
        }
        sub = nf > 0 ? subproblem(nf) : subs[0];
        return nf > 0;
    }

    /**
     * Holds the free variables the model {@code (g, b)} cannot see: gradient and row of {@code b}
     * exactly zero (a term that underflowed, {@code A / N^alpha} at alpha = 4,000); true when it
     * held one and other variables stay free. {@link #freeVariables} frees them again.
     */
    boolean holdUnseen(double[][] b, double[] g) {
        int kept = 0;
        for (int p = 0; p < nf; p++) {
            int j = free[p];
            if (!unseen(b, g, j)) {
                free[kept++] = j;
            }
        }
        if (kept == nf || kept == 0) {
            return false;
        }
        nf = kept;
        sub = subproblem(nf);
        return true;
    }

    /** The subproblem on {@code m >= 1} free variables, made on first use and kept. */
    private TrustStep subproblem(int m) {
        if (subs[m] == null) {
            subs[m] = new TrustStep(m);
        }
        return subs[m];
    }

    private boolean unseen(double[][] b, double[] g, int j) {
        if (g[j] != 0) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (b[j][k] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Scales the model {@code (g, b)} at {@code x} on the free variables and factors it; false when it is not finite. */
    boolean factor(double[][] b, double[] g, double[] x) {
        double top = 0;
        for (int j = 0; j < n; j++) {
            scale[j] = Math.max(scale[j], Math.sqrt(Math.abs(b[j][j])));
            top = Math.max(top, scale[j]);
        }
        for (int j = 0; j < n; j++) {
            if (!(scale[j] > SCALE_FLOOR * top)) {
                scale[j] = top > 0 ? SCALE_FLOOR * top : 1;
            }
        }
        for (int p = 0; p < nf; p++) {
            int j = free[p];
            reach[p] = scale[j] * Math.max(1, Math.abs(x[j]));
            gs[p] = g[j] / scale[j];
            for (int q = 0; q < nf; q++) {
                int k = free[q];
                bs[p][q] = b[j][k] / (scale[j] * scale[k]);
            }
        }
        return sub.factor(bs, gs);
    }

    /**
     * Solves the subproblem within {@code radius} (scaled), its null-space completions within
     * reach and only where the rest of the step gains at most {@code level}.
     */
    void solve(double radius, double level) {
        sub.solve(radius, reach, level);
    }

    /** The length of the model's Newton step, 0 when the model is not positive definite. */
    double newtonLength() {
        if (!sub.definite()) {
            return 0;
        }
        sub.solve(Double.POSITIVE_INFINITY);
        return sub.length();
    }

    /** The last step in the variables' own units into {@code s} (0 for a held variable). */
    void step(double[] s) {
        java.util.Arrays.fill(s, 0);
        for (int q = 0; q < nf; q++) {
            int j = free[q];
            s[j] = sub.step[q] / scale[j];
        }
    }

    /** The scaled length of {@code x}. */
    double length(double[] x) {
        double xs = 0;
        for (int j = 0; j < n; j++) {
            xs += (scale[j] * x[j]) * (scale[j] * x[j]);
        }
        return Math.sqrt(xs);
    }
}
