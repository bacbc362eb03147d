package law.fit;

import law.numeric.SmoothFunction;

/**
 * The check of a converged point against its vanishing parameters. A parameter bounded on one
 * side is fitted as {@code u = log(distance to the bound)} ({@link Transform}); once a step has
 * taken the distance near zero (E of {@code E + A/N^alpha} at 1e-162), the gradient in u,
 * {@code distance * dF/d(distance)}, is zero to rounding whatever the slope in the parameter, so a
 * minimizer calls the point stationary even where the objective falls as the parameter moves off
 * its bound: not an optimum. Here, at a converged point, every such parameter whose distance is
 * below 1e-6 of {@code max(1, |bound|)} is checked on the parameter's own scale: where
 * {@code dF/d(distance)} is negative and matters to first order ({@code |slope| max(1, |p|)} above
 * {@code sqrt(tolerance)} of the objective, as the minimizers' own first-order check asks), a
 * steepest-descent step in the distances is tried, backtracked until it gives at least half the
 * decrease it predicts; the search goes on from there.
 */
final class Vanishing {
    /** The decrease, relative to the objective, the first step aims at. */
    private static final double PROBE = 1e-3;
    private static final int BACKTRACKS = 12;

    /**
     * Where the search goes on from, and the evaluations the check took.
     *
     * @param u           the point to search from, or null when the point stands
     * @param evaluations the function evaluations of the check (0 when no parameter vanished)
     */
    record Escape(double[] u, int evaluations) {
    }

    private Vanishing() {
    }

    /** Checks the converged point {@code u} of {@code obj} (the problem's coordinates). */
    static Escape check(Transform[] transforms, SmoothFunction obj, double[] u, double tolerance) {
        if (!anyVanishing(transforms, u)) {
            return new Escape(null, 0);
        }
        int m = u.length;
        double[] g = new double[m];
        double f = obj.gradient(u, g);
        double level = Math.abs(f) + obj.floor();
        double[] slope = new double[m];
        double ss = 0;
        for (int j = 0; j < m; j++) {
            if (vanishing(transforms[j], u[j])) {
                double s = g[j] / Math.exp(u[j]);
                double size = Math.max(1, Math.abs(transforms[j].value(u[j])));
                if (s < 0 && Double.isFinite(s) && -s * size > Math.sqrt(tolerance) * level) {
                    slope[j] = s;
                    ss += s * s;
                }
            }
        }
        if (!(ss > 0) || !Double.isFinite(f)) {
            return new Escape(null, 1);
        }
        return descend(obj, u, f, slope, PROBE * level / ss, ss);
    }

    /** The backtracking steepest-descent step in the distances: {@code distance_j - t slope_j}. */
    private static Escape descend(SmoothFunction obj, double[] u, double f, double[] slope, double t0, double ss) {
        double[] un = u.clone();
        double t = t0;
        for (int k = 1; k <= BACKTRACKS; k++) {
            for (int j = 0; j < u.length; j++) {
                un[j] = slope[j] < 0 ? Math.log(Math.exp(u[j]) - t * slope[j]) : u[j];
            }
            double fn = obj.evaluate(un, null);
            if (fn < f - 0.5 * t * ss) {
                return new Escape(un, 1 + k);
            }
            t *= 0.25;
        }
        return new Escape(null, 1 + BACKTRACKS);
    }

    private static boolean anyVanishing(Transform[] transforms, double[] u) {
        for (int j = 0; j < u.length; j++) {
            if (vanishing(transforms[j], u[j])) {
                return true;
            }
        }
        return false;
    }

    /** A logarithmic coordinate whose distance to its bound is below 1e-6 of {@code max(1, |bound|)}. */
    private static boolean vanishing(Transform t, double u) {
        return t.logarithmic() && Math.exp(u) < 1e-6 * t.boundScale();
    }
}
