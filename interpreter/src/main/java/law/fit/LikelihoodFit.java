package law.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.eval.Progress;
import law.model.Noise;
import law.numeric.Lbfgs;
import law.numeric.Result;
import law.numeric.Status;
import law.numeric.TrustRegion;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A maximum-likelihood fit ({@code likelihood = ...}): the law's parameters and the scale
 * {@code sigma} maximise {@code sum w_i log p(r_i)} (see {@link Likelihood}), minimised as
 * {@link LikelihoodObjective} in {@code (u, log sigma)} by the trust region on the exact Hessian
 * (or L-BFGS with {@code method = lbfgs}) from every start. Each start's sigma is the root mean
 * square of its residuals divided by the density's standard deviation.
 *
 * <p>The covariance is the inverse of the expected (Fisher) information at the estimate:
 * {@code sigma^2 / E[psi^2] (J^T W J)^-1} for the law's parameters and {@code 1 / (W E[(psi Z - 1)^2])}
 * for {@code log sigma} (the two blocks are uncorrelated for a symmetric density). The observed
 * information is not used because the Laplace and Huber likelihoods are not twice differentiable:
 * at Epoch's Chinchilla estimate sigma is so small that only the few residuals inside Huber's
 * quadratic band (|r| <= delta sigma) carry curvature, and the observed Hessian says more about
 * them than about the data. Intervals use Student's t with {@code n - k} degrees of freedom,
 * {@code k} counting sigma.
 */
final class LikelihoodFit {
    /** How the report names the covariance method. */
    static final String METHOD = "expected_information";

    private LikelihoodFit() {
    }

    /** The runs from every start; each run's {@code p} holds the law's parameters, then sigma. */
    static List<Run> multiStart(Problem pr, Likelihood lik, Method method, List<double[]> starts, double[] w,
                                Settings st, int threads, Progress.Task progress) {
        return Engine.parallel(starts.size(), threads, k -> run(pr, lik, method, k, starts.get(k), w, st), progress);
    }

    /** One run from the law's parameter values {@code p0}. */
    static Run run(Problem pr, Likelihood lik, Method method, int index, double[] p0, double[] w, Settings st) {
        int m = pr.m;
        double[] x0 = new double[m + 1];
        for (int j = 0; j < m; j++) {
            x0[j] = pr.transforms[j].inverse(p0[j]);
        }
        x0[m] = Math.log(startScale(pr, lik, p0, w));
        LikelihoodObjective obj = new LikelihoodObjective(pr, lik, w);
        Result r = method == Method.LBFGS ? Lbfgs.minimize(obj, x0, st.tolerance(), st.maxIterations())
                : TrustRegion.minimize(obj, x0, st.trustRegion(method == Method.NEWTON ? TrustRegion.Model.EXACT : TrustRegion.Model.ADAPTIVE));
        Status status = method == Method.LBFGS ? Stationarity.check(obj, r.x(), st.tolerance(), r.status()) : r.status();
        int bad = status == Status.NOT_FINITE ? obj.badRow() : -1;
        return new Run(index, obj.params(r.x()), r.f(), r.iterations(), r.evaluations(), Stop.of(status), bad);
    }

    /** The rms residual at {@code p0} over the density's standard deviation; 1 where that is not positive. */
    private static double startScale(Problem pr, Likelihood lik, double[] p0, double[] w) {
        Problem.Scratch s = pr.scratch();
        pr.values(p0, s);
        double sw = 0;
        double ss = 0;
        for (int i = 0; i < pr.n; i++) {
            double r = w[i] > 0 ? pr.residual(i, s.f[i]) : 0;
            sw += w[i];
            ss += w[i] * r * r;
        }
        double sd = lik.standardDeviation();
        double scale = Math.sqrt(ss / sw) / (Double.isFinite(sd) ? sd : 1);
        return scale > 0 && Double.isFinite(scale) ? scale : 1;
    }

    /** The law's part of a run (its parameters without sigma). */
    static Run lawPart(Run r, int m) {
        return new Run(r.start(), java.util.Arrays.copyOf(r.p(), m), r.objective(), r.iterations(), r.evaluations(),
                r.stop(), r.badRow());
    }

    /** The standard error of {@code log sigma}: {@code 1 / sqrt(W E[(psi(Z) Z - 1)^2])}, W the total weight. */
    static double seLogSigma(Likelihood lik, double[] w) {
        double sw = 0;
        for (double x : w) {
            sw += x;
        }
        return 1 / Math.sqrt(sw * lik.scaleInformation());
    }

    /** The uncertainty of the law's parameters (see the class comment). */
    static Uncertainty uncertainty(Problem pr, Likelihood lik, double[] pSigma, double[] w) {
        int m = pr.m;
        double[] p = java.util.Arrays.copyOf(pSigma, m);
        double sigma = pSigma[m];
        Uncertainty sq = Uncertainty.at(pr, p, w); // s^2 (J'WJ)^-1 and the identifiability checks
        int n = 0;
        double sw = 0;
        double ss = 0;
        Problem.Scratch s = pr.scratch();
        pr.values(p, s);
        for (int i = 0; i < pr.n; i++) {
            if (w[i] > 0) {
                double r = pr.residual(i, s.f[i]);
                n++;
                sw += w[i];
                ss += w[i] * r * r;
            }
        }
        int dof = n - m - 1;
        double t = dof > 0 ? new TDistribution(dof).inverseCumulativeProbability(0.975) : Double.NaN;
        double[] grad = gradient(pr, lik, pSigma, w);
        if (sq.se() != null && n - m > 0 && ss > 0) {
            // n / (n - m): the small-sample correction of the loss fits' covariances; for the normal
            // likelihood it makes the law's block exactly least squares' s^2 (J'WJ)^-1
            double factor = sigma * sigma / lik.locationInformation() / (ss / (n - m)) * n / (n - m);
            return sq.times(factor).with(dof, t, grad, METHOD);
        }
        String reason = sq.reason() == null && dof <= 0 ? "no degrees of freedom left" : sq.reason();
        return new Uncertainty(null, null, reason, sq.condition(), dof, t, sq.unidentified(), grad, METHOD);
    }

    /** The gradient of the negative log-likelihood in the law's parameter units at {@code pSigma}. */
    private static double[] gradient(Problem pr, Likelihood lik, double[] pSigma, double[] w) {
        int m = pr.m;
        double[] x = new double[m + 1];
        for (int j = 0; j < m; j++) {
            x[j] = pr.transforms[j].inverse(pSigma[j]);
        }
        x[m] = Math.log(pSigma[m]);
        double[] g = new double[m + 1];
        new LikelihoodObjective(pr, lik, w).gradient(x, g);
        double[] out = new double[m];
        for (int j = 0; j < m; j++) {
            out[j] = g[j] / pr.transforms[j].d1(x[j]);
        }
        return out;
    }

    /** The fit statistics: logL, AIC and BIC of the likelihood, k counting sigma. */
    static Map<String, Double> stats(Problem pr, Run best, String name, double sigma, double seLogSigma, double[] w,
                                     int n, int m) {
        Map<String, Double> out = new LinkedHashMap<>(FitResults.stats(pr, best, w, n, m));
        double logL = -best.objective();
        int k = m + 1;
        out.put("log_likelihood", logL);
        out.put("aic", 2 * k - 2 * logL);
        out.put("bic", k * Math.log(n) - 2 * logL);
        out.put(name, sigma);
        out.put("log_" + name, Math.log(sigma));
        out.put("log_" + name + "_se", seLogSigma);
        return out;
    }

    /** The noise of prediction intervals: the fitted scale, no residuals. */
    static Noise noise(Problem pr, Likelihood lik, double sigma) {
        String how = "fitted sigma of the " + lik.describe() + " likelihood";
        if (lik.kind() == Likelihood.Kind.STUDENT_T && lik.param() == Math.rint(lik.param())) {
            return new Noise(pr.log, null, sigma, (int) lik.param(), how + " (t quantile)");
        }
        double sd = lik.standardDeviation();
        return Double.isFinite(sd) ? new Noise(pr.log, null, sigma * sd, 0, how + " (its sd, normal quantile)") : null;
    }

    /** The name of the scale: {@code sigma}, or {@code noise_sigma} when the law has a parameter sigma. */
    static String scaleName(List<String> params) {
        String name = "sigma";
        while (params.contains(name)) {
            name = "noise_" + name;
        }
        return name;
    }
}
