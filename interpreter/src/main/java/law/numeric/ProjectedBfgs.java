package law.numeric;

import java.util.Arrays;
import java.util.function.Function;

/**
 * A BFGS method that keeps simple bounds by projection, for the optimisation queries
 * ({@code minimize}, {@code maximize}, {@code optimal}), whose reduced objectives are small, smooth
 * and may be undefined in places. Coordinates held at a bound by the gradient are fixed for the
 * step (the inverse Hessian restarting when that set changes), each step is capped in size, the
 * trial point is projected back into the box and an Armijo backtracking search accepts it. It stops
 * when the projected gradient vanishes to rounding or no step makes progress.
 *
 * <p>Kept rather than taken from Hipparchus: Hipparchus 4 has no quasi-Newton method with bounds
 * (its bounded optimizers, BOBYQA and CMA-ES, use no gradient; its SQP optimizers treat bounds as
 * general inequality constraints through a QP subproblem and need the objective defined
 * everywhere they step). Here the objective may be undefined at a point (a {@code null}
 * evaluation: the query's equality constraints have no solution there), which the line search
 * simply backs away from, and the points tried never leave the box.
 *
 * @param <P> the caller's evaluation of the objective at a point
 */
public final class ProjectedBfgs<P extends ProjectedBfgs.Evaluation> {
    private static final int MAX_ITERATIONS = 2000;
    private static final int MAX_HALVINGS = 60;
    private static final double ON_BOUND = 1e-12;
    /** The largest step in one coordinate: 4 in a log coordinate (a factor of e^4), else 4 max(1, |t|). */
    private static final double CAP = 4;

    /** The objective's value and gradient at one point, as the caller computes them. */
    public interface Evaluation {
        /** The value there (not finite where the objective is undefined). */
        double value();

        /** The gradient there, one entry per coordinate. */
        double[] gradient();
    }

    private final double[] lo;
    private final double[] hi;
    private final boolean[] logScale;
    private final Function<double[], P> objective;

    /**
     * @param lo        the lowest value of each coordinate
     * @param hi        the highest value of each coordinate
     * @param logScale  which coordinates are logarithms (their steps are capped absolutely, the
     *                  others relative to their size)
     * @param objective the objective at a point in the box, or {@code null} where it is undefined
     */
    public ProjectedBfgs(double[] lo, double[] hi, boolean[] logScale, Function<double[], P> objective) {
        this.lo = lo.clone();
        this.hi = hi.clone();
        this.logScale = logScale.clone();
        this.objective = objective;
    }

    /** The best point found from {@code start}, or {@code null} when the objective is undefined there. */
    public P minimise(double[] start) {
        int d = lo.length;
        double[] t = project(start);
        P e = objective.apply(t);
        if (e == null || !Double.isFinite(e.value())) {
            return null;
        }
        if (d == 0) {
            return e;
        }
        double[][] h = identity(d);
        boolean scaled = false;
        boolean[] fixedBefore = new boolean[d];
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double[] g = e.gradient();
            boolean[] fixed = heldAtBounds(t, g);
            double pg = freeNorm(g, fixed);
            if (pg <= 1e-15 * Math.max(1, Math.abs(e.value()))) {
                break;
            }
            if (!Arrays.equals(fixed, fixedBefore)) {
                h = identity(d);
                scaled = false;
                fixedBefore = fixed;
            }
            double[] dir = direction(h, g, fixed);
            if (dir == null) {
                h = identity(d);
                dir = steepest(g, fixed);
            }
            Trial<P> next = search(t, e, g, dir, fixed, pg);
            if (next == null) {
                break;
            }
            scaled = learn(h, next.t, t, next.at.gradient(), g, scaled);
            boolean moved = false;
            for (int a = 0; a < d; a++) {
                moved |= next.t[a] - t[a] != 0;
            }
            t = next.t;
            e = next.at;
            if (!moved) {
                break;
            }
        }
        return e;
    }

    /** The coordinates at a bound whose gradient pushes them outside the box. */
    private boolean[] heldAtBounds(double[] t, double[] g) {
        boolean[] fixed = new boolean[t.length];
        for (int k = 0; k < t.length; k++) {
            fixed[k] = (t[k] <= lo[k] + ON_BOUND && g[k] > 0) || (t[k] >= hi[k] - ON_BOUND && g[k] < 0);
        }
        return fixed;
    }

    /** {@code -H g} over the free coordinates, or {@code null} when that is not a descent direction. */
    private static double[] direction(double[][] h, double[] g, boolean[] fixed) {
        int d = g.length;
        double[] dir = new double[d];
        double slope = 0;
        for (int a = 0; a < d; a++) {
            if (fixed[a]) {
                continue;
            }
            for (int b = 0; b < d; b++) {
                if (!fixed[b]) {
                    dir[a] -= h[a][b] * g[b];
                }
            }
            slope += dir[a] * g[a];
        }
        return slope < 0 ? dir : null;
    }

    private static double[] steepest(double[] g, boolean[] fixed) {
        double[] dir = new double[g.length];
        for (int a = 0; a < g.length; a++) {
            dir[a] = fixed[a] ? 0 : -g[a];
        }
        return dir;
    }

    /**
     * The accepted trial point along {@code dir} (capped, projected, halved until Armijo's
     * condition holds or, near the optimum where the value stops resolving progress, the gradient
     * still falls), or {@code null} when no step is accepted.
     */
    private Trial<P> search(double[] t, P e, double[] g, double[] dir, boolean[] fixed, double pg) {
        int d = t.length;
        double alpha = 1;
        for (int a = 0; a < d; a++) {
            double cap = logScale[a] ? CAP : CAP * Math.max(1, Math.abs(t[a]));
            if (Math.abs(dir[a]) * alpha > cap) {
                alpha = cap / Math.abs(dir[a]);
            }
        }
        for (int ls = 0; ls < MAX_HALVINGS; ls++) {
            double[] tn = new double[d];
            for (int a = 0; a < d; a++) {
                tn[a] = t[a] + alpha * dir[a];
            }
            tn = project(tn);
            P cand = objective.apply(tn);
            if (cand != null && Double.isFinite(cand.value())) {
                double decrease = 0;
                for (int a = 0; a < d; a++) {
                    decrease += g[a] * (tn[a] - t[a]);
                }
                boolean armijo = cand.value() <= e.value() + 1e-4 * decrease;
                boolean flat = Math.abs(cand.value() - e.value()) <= 1e-14 * Math.max(1, Math.abs(e.value()))
                        && freeNorm(cand.gradient(), fixed) < 0.9 * pg;
                if (armijo || flat) {
                    return new Trial<>(tn, cand);
                }
            }
            alpha *= 0.5;
        }
        return null;
    }

    /**
     * The BFGS update of the inverse Hessian {@code h} with the step {@code tn - t} and gradient
     * change {@code gn - g} (skipped without positive curvature), its diagonal scaled by
     * {@code s'y / y'y} on the first update after a restart; returns whether it is scaled.
     */
    private static boolean learn(double[][] h, double[] tn, double[] t, double[] gn, double[] g, boolean scaled) {
        int d = t.length;
        double[] s = new double[d];
        double[] y = new double[d];
        double sy = 0;
        double yy = 0;
        for (int a = 0; a < d; a++) {
            s[a] = tn[a] - t[a];
            y[a] = gn[a] - g[a];
            sy += s[a] * y[a];
            yy += y[a] * y[a];
        }
        if (!(sy > 1e-300)) {
            return scaled;
        }
        if (!scaled) {
            for (int a = 0; a < d; a++) {
                h[a][a] = sy / yy;
            }
        }
        update(h, s, y, sy);
        return true;
    }

    /** An accepted point and the objective there. */
    private record Trial<P>(double[] t, P at) {
    }

    private static double[][] identity(int d) {
        double[][] h = new double[d][d];
        for (int a = 0; a < d; a++) {
            h[a][a] = 1;
        }
        return h;
    }

    private static double freeNorm(double[] g, boolean[] fixed) {
        double m = 0;
        for (int a = 0; a < g.length; a++) {
            if (!fixed[a]) {
                m = Math.max(m, Math.abs(g[a]));
            }
        }
        return m;
    }

    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int d = s.length;
        double[] hy = new double[d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                hy[a] += h[a][b] * y[b];
            }
        }
        double yhy = 0;
        for (int a = 0; a < d; a++) {
            yhy += y[a] * hy[a];
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                h[a][b] += ((sy + yhy) * s[a] * s[b]) / (sy * sy) - (hy[a] * s[b] + s[a] * hy[b]) / sy;
            }
        }
    }

    private double[] project(double[] t) {
        double[] out = t.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.min(Math.max(out[k], lo[k]), hi[k]);
        }
        return out;
    }
}
