package law.numeric;

/**
 * Limited-memory BFGS (10 pairs) with exact gradients and a backtracking Armijo line search,
 * for comparison with scipy's {@code L-BFGS-B}, which most published scaling-law fits used. It
 * stops when the objective's relative decrease stays below the tolerance for two iterations, or
 * when no step along the search direction decreases it; whether that point is stationary is for
 * the caller to check (it has no Hessian to measure it), so it reports {@link Status#ROUNDING}
 * for a stop on the decrease and {@link Status#STALLED} for a failed line search.
 *
 * <p>It works on the function times a power of two that brings its value at the start near 1,
 * and multiplies that factor again by a power of two whenever the scaled value drifts beyond
 * {@code 2^}{@value #DRIFT} or below {@code 2^-}{@value #DRIFT} (the stored gradient differences
 * along with it): exact (the same iterates, to the last bit, as on the function itself wherever no
 * value overflows or underflows, so a run whose objective stays within a factor of about 1e19 of
 * its start is never rescaled and one that is rescaled takes the same steps), and it keeps the
 * curvature pairs' products {@code y'y} and {@code s'y} finite and the tests' thresholds meaningful
 * when the function is about 1e300 or 1e-250 (a fit whose weights are that large or small), or falls
 * from 1e227 to 1 during the run (a start far from the data).
 */
public final class Lbfgs {
    private static final int MEMORY = 10;
    /** How far (as a power of two) the scaled value may drift from 1 before the scale is renewed. */
    static final int DRIFT = 64;
    private final int drift;

    private final SmoothFunction fn;
    private final int m;
    private final double[] x;
    private final double[] g;
    private final double[] xn;
    private final double[] gn;
    private final double[] dir;
    private final double[][] sHist = new double[MEMORY][];
    private final double[][] yHist = new double[MEMORY][];
    private final double[] rho = new double[MEMORY];
    private final double[] alpha = new double[MEMORY];
    private int stored;
    private int evals = 1;
    /** The scaled value at {@code x}, the scale's exponent ({@code f = value * 2^e}) and the scaled floor. */
    private double f;
    private int e;
    private double floor;
    /** The scaled value at the line search's point, which {@link #accept} moves to. */
    private double trialValue;

    private Lbfgs(SmoothFunction fn, double[] x0, int drift) {
        this.fn = fn;
        this.drift = drift;
        this.m = fn.dimension();
        this.x = x0.clone();
        this.g = new double[m];
        this.xn = new double[m];
        this.gn = new double[m];
        this.dir = new double[m];
        for (int c = 0; c < MEMORY; c++) {
            sHist[c] = new double[m];
            yHist[c] = new double[m];
        }
    }

    /** Minimises {@code fn} from {@code x0}. */
    public static Result minimize(SmoothFunction fn, double[] x0, double tolerance, int maxIterations) {
        return minimize(fn, x0, tolerance, maxIterations, DRIFT);
    }

    /** {@link #minimize} renewing the scale where the scaled value drifts beyond {@code 2^+-drift} (for tests). */
    static Result minimize(SmoothFunction fn, double[] x0, double tolerance, int maxIterations, int drift) {
        return new Lbfgs(fn, x0, drift).run(tolerance, maxIterations);
    }

    private Result run(double tolerance, int maxIterations) {
        double value = fn.gradient(x, g);
        if (!Double.isFinite(value)) {
            return new Result(x, value, 0, evals, Status.NOT_FINITE, Double.NaN);
        }
        e = exponent(value);
        floor = fn.floor() * Math.scalb(1.0, e);
        f = scaled(value, g, e);
        int small = 0;
        for (int iter = 0; iter < maxIterations; iter++) {
            if (Dense.maxAbs(g) == 0) {
                return result(iter, Status.GRADIENT, 0);
            }
            double slope = descent();
            double t = lineSearch(slope);
            if (Double.isNaN(t)) {
                return result(iter, Status.STALLED, Double.NaN);
            }
            double fn1 = accept();
            double decrease = f - fn1;
            f = fn1;
            small = decrease <= tolerance * Math.max(Math.abs(f), floor) ? small + 1 : 0;
            if (small >= 2 || f <= floor) {
                return result(iter + 1, f <= floor ? Status.EXACT : Status.ROUNDING, Double.NaN);
            }
            renewScale();
        }
        return result(maxIterations, Status.ITERATION_LIMIT, Double.NaN);
    }

    private Result result(int iterations, Status status, double decrement) {
        return new Result(x, f / Math.scalb(1.0, e), iterations, evals, status, decrement);
    }

    /** Fills {@code dir} with the quasi-Newton direction (steepest descent when that is not downhill); its slope. */
    private double descent() {
        direction(g, dir, sHist, yHist, rho, alpha, stored);
        double slope = Dense.dot(g, dir);
        if (!(slope < 0)) {
            for (int j = 0; j < m; j++) {
                dir[j] = -g[j] / Math.max(Dense.norm(g), 1e-300);
            }
            slope = Dense.dot(g, dir);
            stored = 0;
        }
        return slope;
    }

    /** Backtracks along {@code dir} from the unit step to the first Armijo point, left in {@code xn, gn}; NaN if none. */
    private double lineSearch(double slope) {
        double t = 1;
        double fn1 = Double.POSITIVE_INFINITY;
        for (int ls = 0; ls < 60; ls++) {
            for (int j = 0; j < m; j++) {
                xn[j] = x[j] + t * dir[j];
            }
            fn1 = scaled(fn.gradient(xn, gn), gn, e);
            evals++;
            if (fn1 <= f + 1e-4 * t * slope) {
                break;
            }
            t *= 0.5;
        }
        trialValue = fn1;
        return fn1 <= f + 1e-4 * t * slope ? t : Double.NaN;
    }

    /** Stores the curvature pair of the step to {@code xn} and moves there; the scaled value there. */
    private double accept() {
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
        System.arraycopy(xn, 0, x, 0, m);
        System.arraycopy(gn, 0, g, 0, m);
        return trialValue;
    }

    /**
     * Where the scaled value has drifted beyond {@code 2^+-drift}, multiplies the scale by the power
     * of two that brings it back near 1, with the value, gradient, floor and stored gradient
     * differences (and the inverse products {@code rho}): exact, so the iterates do not change.
     */
    private void renewScale() {
        if (f == 0 || Math.abs(Math.getExponent(f)) <= drift) {
            return;
        }
        int d = Math.max(-1000 - e, Math.min(1000 - e, exponent(f)));
        if (d == 0) {
            return;
        }
        e += d;
        f = scaled(f, g, d);
        double k = Math.scalb(1.0, d);
        floor *= k;
        for (int c = 0; c < MEMORY; c++) {
            for (int j = 0; j < m; j++) {
                yHist[c][j] *= k;
            }
            rho[c] /= k;
        }
    }

    /** The exponent of the power of two that brings {@code |f|} into [1, 2) (0 for 0), within [-1000, 1000]. */
    static int exponent(double f) {
        if (f == 0) {
            return 0;
        }
        return Math.max(-1000, Math.min(1000, -Math.getExponent(f)));
    }

    /** {@code f 2^e}, with the gradient {@code g} multiplied by {@code 2^e} in place ({@code |e| <= 1000}). */
    private static double scaled(double f, double[] g, int e) {
        double c = Math.scalb(1.0, e);
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
