package law.fit;

import law.numeric.Derivatives;
import law.numeric.SmoothFunction;
import law.numeric.Status;
import law.numeric.TrustStep;

/**
 * Checks the point where a method without second derivatives stopped (L-BFGS, Hipparchus's
 * Levenberg-Marquardt stop on a small change): it is stationary when the decrease its exact
 * quadratic model still predicts is small against the objective.
 */
final class Stationarity {
    private Stationarity() {
    }

    /** The status of point {@code u}: {@code claimed} when stationary, else {@link Status#STALLED}. */
    static Status check(SmoothFunction obj, double[] u, double tolerance, Status claimed) {
        if (!claimed.converged() || claimed == Status.EXACT) {
            return claimed;
        }
        int m = obj.dimension();
        Derivatives d = new Derivatives(m, false);
        double f = obj.evaluate(u, d);
        if (!Double.isFinite(f)) {
            return Status.STALLED;
        }
        if (f <= obj.floor()) {
            return Status.EXACT;
        }
        double[] g = new double[m];
        double[][] h = new double[m][m];
        for (int j = 0; j < m; j++) {
            double sj = Math.sqrt(Math.abs(d.h[j][j]));
            sj = sj > 0 ? sj : 1;
            g[j] = d.g[j] / sj;
            for (int k = 0; k < m; k++) {
                double sk = Math.sqrt(Math.abs(d.h[k][k]));
                h[j][k] = d.h[j][k] / (sj * (sk > 0 ? sk : 1));
            }
        }
        TrustStep ts = new TrustStep(m);
        if (!ts.factor(h, g)) {
            return Status.STALLED;
        }
        double dec = 0.5 * ts.decrement(1e-12);
        return dec <= Math.max(Math.sqrt(tolerance) * Math.abs(f), 1e3 * 0x1p-52 * Math.abs(f)) ? claimed : Status.STALLED;
    }
}
