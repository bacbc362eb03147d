package law.query;

import java.util.Arrays;
import java.util.function.Function;

/**
 * A BFGS method over the free coordinates that keeps their bounds by projection: coordinates
 * held at a bound by the gradient are fixed for the step (the inverse Hessian restarting when
 * that set changes), each step is capped in size, and an Armijo backtracking search accepts it.
 */
final class Bfgs {
    private final Coords c;
    private final int[] free;
    private final Function<double[], Point> objective;

    /**
     * @param c         the coordinates and their bounds
     * @param free      the variable behind each free coordinate
     * @param objective the objective at free coordinates, or {@code null} where it is undefined
     */
    Bfgs(Coords c, int[] free, Function<double[], Point> objective) {
        this.c = c;
        this.free = free;
        this.objective = objective;
    }

    /** The best point found from {@code start}, or {@code null} when the objective is undefined there. */
    Point minimise(double[] start) {
        int d = free.length;
        double[] t = project(start);
        Point e = objective.apply(t);
        if (e == null || !Double.isFinite(e.f())) {
            return null;
        }
        if (d == 0) {
            return e;
        }
        double[][] h = identity(d);
        boolean scaled = false;
        boolean[] fixedBefore = new boolean[d];
        for (int iter = 0; iter < 2000; iter++) {
            law.eval.Cancelled.check();
            double[] g = e.grad();
            boolean[] fixed = new boolean[d];
            double pg = 0;
            for (int k = 0; k < d; k++) {
                int j = free[k];
                fixed[k] = (t[k] <= c.lo[j] + 1e-12 && g[k] > 0) || (t[k] >= c.hi[j] - 1e-12 && g[k] < 0);
                if (!fixed[k]) {
                    pg = Math.max(pg, Math.abs(g[k]));
                }
            }
            if (pg <= 1e-15 * Math.max(1, Math.abs(e.f()))) {
                break;
            }
            if (!Arrays.equals(fixed, fixedBefore)) {
                h = identity(d);
                scaled = false;
                fixedBefore = fixed;
            }
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
            if (!(slope < 0)) {
                h = identity(d);
                for (int a = 0; a < d; a++) {
                    dir[a] = fixed[a] ? 0 : -g[a];
                }
            }
            double factor = 1;
            for (int a = 0; a < d; a++) {
                double cap = c.log[free[a]] ? 4 : 4 * Math.max(1, Math.abs(t[a]));
                if (Math.abs(dir[a]) * factor > cap) {
                    factor = cap / Math.abs(dir[a]);
                }
            }
            Point next = null;
            double alpha = factor;
            for (int ls = 0; ls < 60; ls++) {
                double[] tn = new double[d];
                for (int a = 0; a < d; a++) {
                    tn[a] = t[a] + alpha * dir[a];
                }
                tn = project(tn);
                Point cand = objective.apply(tn);
                if (cand != null && Double.isFinite(cand.f())) {
                    double decrease = 0;
                    for (int a = 0; a < d; a++) {
                        decrease += g[a] * (tn[a] - t[a]);
                    }
                    boolean armijo = cand.f() <= e.f() + 1e-4 * decrease;
                    // Near the optimum f stops resolving progress; the gradient still does.
                    boolean flat = Math.abs(cand.f() - e.f()) <= 1e-14 * Math.max(1, Math.abs(e.f()))
                            && norm(cand.grad(), fixed) < 0.9 * pg;
                    if (armijo || flat) {
                        next = cand;
                        break;
                    }
                }
                alpha *= 0.5;
            }
            if (next == null) {
                break;
            }
            double[] s = new double[d];
            double[] y = new double[d];
            double sy = 0;
            double yy = 0;
            for (int a = 0; a < d; a++) {
                s[a] = next.t()[a] - t[a];
                y[a] = next.grad()[a] - g[a];
                sy += s[a] * y[a];
                yy += y[a] * y[a];
            }
            if (sy > 1e-300) {
                if (!scaled) {
                    for (int a = 0; a < d; a++) {
                        h[a][a] = sy / yy;
                    }
                    scaled = true;
                }
                update(h, s, y, sy);
            }
            boolean moved = false;
            for (int a = 0; a < d; a++) {
                moved |= s[a] != 0;
            }
            t = next.t();
            e = next;
            if (!moved) {
                break;
            }
        }
        return e;
    }

    private static double norm(double[] g, boolean[] fixed) {
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

    private static double[][] identity(int d) {
        double[][] h = new double[d][d];
        for (int a = 0; a < d; a++) {
            h[a][a] = 1;
        }
        return h;
    }

    private double[] project(double[] t) {
        double[] out = t.clone();
        for (int k = 0; k < out.length; k++) {
            int j = free[k];
            out[k] = Math.min(Math.max(out[k], c.lo[j]), c.hi[j]);
        }
        return out;
    }
}
