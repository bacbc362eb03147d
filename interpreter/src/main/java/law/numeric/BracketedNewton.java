package law.numeric;

/**
 * Newton's method safeguarded by bisection for a block of independent equations {@code f_i(u) = 0},
 * each with a bracket {@code [a_i, b_i]} where {@code f_i} changes sign, advanced in lockstep: the
 * caller evaluates {@code f} and {@code df/du} at every open point's iterate at once (the implicit
 * laws do it through one compiled program over the whole block) and hands the values to
 * {@link #step}. A Newton step that leaves the current bracket, or does not halve the step before
 * last, is replaced by a bisection, so every equation converges, to full double precision.
 *
 * <p>Kept rather than Hipparchus's bracketing solvers: those pull {@code f} one point at a time
 * through a callback, which would evaluate the block's program once per point and per iteration
 * instead of once per iteration.
 */
public final class BracketedNewton {
    private final double[] a;
    private final double[] b;
    private final double[] fa;
    private final double[] u;
    private final double[] step;
    private final double[] before;

    /** Room for {@code n} equations. */
    public BracketedNewton(int n) {
        a = new double[n];
        b = new double[n];
        fa = new double[n];
        u = new double[n];
        step = new double[n];
        before = new double[n];
    }

    /**
     * Opens equation {@code i} on the bracket {@code [lo, hi]}, where {@code f(lo) = flo} has the
     * opposite sign to {@code f(hi)}; returns the first iterate, the bracket's midpoint.
     */
    public double open(int i, double lo, double hi, double flo) {
        a[i] = lo;
        b[i] = hi;
        fa[i] = flo;
        u[i] = 0.5 * (lo + hi);
        step[i] = hi - lo;
        before[i] = step[i];
        return u[i];
    }

    /** The current iterate of equation {@code i} (its root once {@link #step} said so). */
    public double iterate(int i) {
        return u[i];
    }

    /**
     * Advances equation {@code i} given {@code f} (not NaN) and {@code df/du} at its iterate; returns
     * true when it has converged, its root then being {@link #iterate}: {@code f} is exactly 0, the
     * bracket has shrunk to a few ulps, or the Newton step is below two ulps.
     */
    public boolean step(int i, double f, double df) {
        if (f == 0) {
            return true;
        }
        if (Math.signum(f) == Math.signum(fa[i])) {
            a[i] = u[i];
            fa[i] = f;
        } else {
            b[i] = u[i];
        }
        double next = u[i] - f / df;
        boolean newton = next > Math.min(a[i], b[i]) && next < Math.max(a[i], b[i])
                && Math.abs(next - u[i]) < 0.5 * Math.abs(before[i]);
        if (!newton) {
            next = 0.5 * (a[i] + b[i]);
        }
        before[i] = step[i];
        step[i] = next - u[i];
        double scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
        boolean converged = next == u[i] || Math.abs(b[i] - a[i]) <= 4 * Math.ulp(scale)
                || newton && Math.abs(step[i]) <= 2 * Math.ulp(next);
        u[i] = next;
        return converged;
    }
}
