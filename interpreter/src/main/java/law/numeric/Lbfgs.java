package law.numeric;

/**
 * Limited-memory BFGS (10 pairs) with exact gradients and a backtracking Armijo line search,
 * for comparison with scipy's {@code L-BFGS-B}, which most published scaling-law fits used. It
 * stops when the objective's relative decrease stays below the tolerance for two iterations, or
 * when no step along the search direction decreases it; whether that point is stationary is for
 * the caller to check (it has no Hessian to measure it), so it reports {@link Status#ROUNDING}
 * for a stop on the decrease and {@link Status#STALLED} for a failed line search.
 *
 * <p>It works on the function times a power of two that brings its value at the start near 1:
 * exact (the same iterates, to the last bit, as on the function itself wherever no value
 * overflows or underflows), and it keeps the curvature pairs' products {@code y'y} and
 * {@code s'y} finite and the tests' thresholds meaningful when the function is about 1e300 or
 * 1e-250 (a fit whose weights are that large or small).
 */
public final class Lbfgs {
    private static final int MEMORY = 10;

    private Lbfgs() {
    }

    /** Minimises {@code fn} from {@code x0}. */
    public static Result minimize(SmoothFunction fn, double[] x0, double tolerance, int maxIterations) {
        int m = fn.dimension();
        double[] x = x0.clone();
        double[] g = new double[m];
        double[] xn = new double[m];
        double[] gn = new double[m];
        double[] dir = new double[m];
        double[][] sHist = new double[MEMORY][m];
        double[][] yHist = new double[MEMORY][m];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int evals = 1;
        int small = 0;
        double f = fn.gradient(x, g);
        if (!Double.isFinite(f)) {
            return new Result(x, f, 0, evals, Status.NOT_FINITE, Double.NaN);
        }
        double k = scale(f);
        double floor = fn.floor() * k;
        f = scaled(f, g, k);
        for (int iter = 0; iter < maxIterations; iter++) {
            if (Dense.maxAbs(g) == 0) {
                return new Result(x, f / k, iter, evals, Status.GRADIENT, 0);
            }
            direction(g, dir, sHist, yHist, rho, alpha, stored);
            double slope = Dense.dot(g, dir);
            if (!(slope < 0)) {
                for (int j = 0; j < m; j++) {
                    dir[j] = -g[j] / Math.max(Dense.norm(g), 1e-300);
                }
                slope = Dense.dot(g, dir);
                stored = 0;
            }
            double t = 1;
            double fn1 = Double.POSITIVE_INFINITY;
            for (int ls = 0; ls < 60; ls++) {
                for (int j = 0; j < m; j++) {
                    xn[j] = x[j] + t * dir[j];
                }
                fn1 = scaled(fn.gradient(xn, gn), gn, k);
                evals++;
                if (fn1 <= f + 1e-4 * t * slope) {
                    break;
                }
                t *= 0.5;
            }
            if (!(fn1 <= f + 1e-4 * t * slope)) {
                return new Result(x, f / k, iter, evals, Status.STALLED, Double.NaN);
            }
            int c = stored % MEMORY;
            for (int j = 0; j < m; j++) {
                sHist[c][j] = xn[j] - x[j];
                yHist[c][j] = gn[j] - g[j];
            }
            double sy = Dense.dot(sHist[c], yHist[c]);
            if (sy > 1e-300) {
                rho[c] = 1 / sy;
                stored++;
            }
            double decrease = f - fn1;
            System.arraycopy(xn, 0, x, 0, m);
            System.arraycopy(gn, 0, g, 0, m);
            f = fn1;
            small = decrease <= tolerance * Math.max(Math.abs(f), floor) ? small + 1 : 0;
            if (small >= 2 || f <= floor) {
                return new Result(x, f / k, iter + 1, evals, f <= floor ? Status.EXACT : Status.ROUNDING, Double.NaN);
            }
        }
        return new Result(x, f / k, maxIterations, evals, Status.ITERATION_LIMIT, Double.NaN);
    }

    /** The power of two that brings {@code |f|} into [1, 2) (1 for 0), within the range of doubles. */
    static double scale(double f) {
        if (f == 0) {
            return 1;
        }
        return Math.scalb(1.0, Math.max(-1000, Math.min(1000, -Math.getExponent(f))));
    }

    /** {@code c f}, with the gradient {@code g} multiplied by {@code c} in place. */
    private static double scaled(double f, double[] g, double c) {
        for (int j = 0; j < g.length; j++) {
            g[j] *= c;
        }
        return f * c;
    }

    /** The two-loop recursion: {@code dir = -H g} for the stored pairs. */
    private static void direction(double[] g, double[] dir, double[][] sHist, double[][] yHist, double[] rho,
                                  double[] alpha, int stored) {
        int m = g.length;
        for (int j = 0; j < m; j++) {
            dir[j] = -g[j];
        }
        int first = Math.max(0, stored - MEMORY);
        for (int k = stored - 1; k >= first; k--) {
            int c = k % MEMORY;
            alpha[c] = rho[c] * Dense.dot(sHist[c], dir);
            for (int j = 0; j < m; j++) {
                dir[j] -= alpha[c] * yHist[c][j];
            }
        }
        if (stored > 0) {
            int c = (stored - 1) % MEMORY;
            double gamma = Dense.dot(sHist[c], yHist[c]) / Dense.dot(yHist[c], yHist[c]);
            for (int j = 0; j < m; j++) {
                dir[j] *= gamma;
            }
        } else {
            double norm = Dense.norm(g);
            for (int j = 0; j < m; j++) {
                dir[j] /= Math.max(norm, 1e-300);
            }
        }
        for (int k = first; k < stored; k++) {
            int c = k % MEMORY;
            double beta = rho[c] * Dense.dot(yHist[c], dir);
            for (int j = 0; j < m; j++) {
                dir[j] += sHist[c][j] * (alpha[c] - beta);
            }
        }
    }
}
