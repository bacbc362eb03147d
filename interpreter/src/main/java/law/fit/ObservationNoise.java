package law.fit;

import law.model.Noise;

/**
 * The observation noise of a loss fit, from its residuals at the optimum: observed minus fitted
 * in the residual space, each times {@code sqrt(w_i)} (so a weighted point's residual is the noise
 * of a point of weight 1) and {@code sqrt(n / (n - p))} (the residuals at the optimum are smaller
 * than the noise by the degrees of freedom the fit used). Points of weight 0 (filtered out) do
 * not count.
 */
final class ObservationNoise {
    private ObservationNoise() {
    }

    /** The noise of the fit of {@code pr} at {@code p}, or {@code null} without degrees of freedom. */
    static Noise of(Problem pr, double[] p, double[] w) {
        Problem.Scratch s = pr.scratch();
        pr.values(p, s);
        int n = 0;
        for (double x : w) {
            n += x > 0 ? 1 : 0;
        }
        int dof = n - pr.m;
        if (dof <= 0) {
            return null;
        }
        double inflate = Math.sqrt((double) n / dof);
        double[] e = new double[n];
        double ss = 0;
        int k = 0;
        for (int i = 0; i < pr.n; i++) {
            if (w[i] > 0) {
                double r = pr.residual(i, s.f[i]);
                ss += w[i] * r * r;
                e[k++] = -r * Math.sqrt(w[i]) * inflate;
            }
        }
        return new Noise(pr.log, e, Math.sqrt(ss / dof), dof, "resampled residuals");
    }
}
