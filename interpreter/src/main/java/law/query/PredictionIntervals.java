package law.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import law.eval.Value;
import law.model.Fitted;
import law.model.Noise;
import law.report.Fmt;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Prediction intervals of a fitted law at a point: where a new observation falls, not only where
 * the law is. They add the fit's observation noise ({@link Noise}) to the law's uncertainty, in
 * the fit's residual space (log for log residuals):
 *
 * <ul>
 *   <li>with bootstrap replicates and resampled residuals: every replicate's value combined with
 *       every residual, {@code x_b + e_i} for all b and i, and the percentiles of those
 *       {@code B x n} observations (no random draws, so no seed);</li>
 *   <li>otherwise the delta method: {@code x0 +- t(dof) sqrt(se^2 + s^2)}, where {@code se} is the
 *       law's standard error in the residual space and {@code s} the noise scale.</li>
 * </ul>
 */
final class PredictionIntervals {
    private PredictionIntervals() {
    }

    /** An interval and how it was computed, or a reason why there is none. */
    record Interval(double low, double high, String method, String why) {
    }

    /**
     * The prediction interval of the law at a point.
     *
     * @param fit    the fit
     * @param values the fitted parameter values
     * @param g      the law's value at the point as a function of the parameter values
     * @param value  the value at {@code values}
     * @param jac    the exact gradient of the value in the order of {@link Fitted#parameterNames()}
     */
    static Interval of(Fitted fit, Map<String, Double> values, ToDoubleFunction<Map<String, Double>> g, double value,
                       double[] jac, double level) {
        Noise noise = fit.noise();
        if (noise == null) {
            return none("the fit has no estimate of the observation noise (no degrees of freedom, or a saved fit)");
        }
        if (!Double.isFinite(noise.toSpace(value))) {
            return none("the value " + Fmt.num(value) + " is not positive, so it has no log-scale noise");
        }
        double[][] boot = fit.bootstrap();
        if (boot != null && boot.length > 0 && noise.residuals() != null) {
            return resampled(fit, values, g, noise, boot, level);
        }
        return delta(fit, value, jac, noise, level);
    }

    private static Interval none(String why) {
        return new Interval(Double.NaN, Double.NaN, null, why);
    }

    private static Interval resampled(Fitted fit, Map<String, Double> values, ToDoubleFunction<Map<String, Double>> g,
                                      Noise noise, double[][] boot, double level) {
        List<String> names = fit.parameterNames();
        double[] e = noise.residuals();
        List<Double> centres = new ArrayList<>();
        for (double[] rep : boot) {
            Map<String, Double> theta = new LinkedHashMap<>(values);
            for (int p = 0; p < names.size(); p++) {
                theta.put(names.get(p), rep[p]);
            }
            double x;
            try {
                x = noise.toSpace(g.applyAsDouble(theta));
            } catch (RuntimeException ex) {
                continue;
            }
            if (Double.isFinite(x)) {
                centres.add(x);
            }
        }
        if (centres.size() < Math.max(2, boot.length / 2)) {
            return none("the law could not be evaluated for most bootstrap replicates");
        }
        double[] xs = new double[centres.size() * e.length];
        int k = 0;
        for (double c : centres) {
            for (double r : e) {
                xs[k++] = c + r;
            }
        }
        java.util.Arrays.sort(xs);
        double lo = noise.fromSpace(Uncertainty.quantile(xs, (1 - level) / 2));
        double hi = noise.fromSpace(Uncertainty.quantile(xs, 1 - (1 - level) / 2));
        return new Interval(lo, hi, "bootstrap: " + centres.size() + " replicates x " + e.length + " "
                + noise.method() + (noise.log() ? " (log scale)" : ""), null);
    }

    private static Interval delta(Fitted fit, double value, double[] jac, Noise noise, double level) {
        law.model.Covariance cov = fit.errors();
        if (cov == null || jac == null) {
            return none("the fit has neither standard errors nor bootstrap replicates");
        }
        // the law's variance in the noise's space: d log f = df / f
        double se2 = cov.variance(jac, noise.log() ? value : 1);
        double q = 1 - (1 - level) / 2;
        double t = noise.dof() > 0 ? new TDistribution(noise.dof()).inverseCumulativeProbability(q)
                : new NormalDistribution(0, 1).inverseCumulativeProbability(q);
        double half = t * Math.sqrt(se2 + noise.scale() * noise.scale());
        double x0 = noise.toSpace(value);
        return new Interval(noise.fromSpace(x0 - half), noise.fromSpace(x0 + half), "delta method with noise sd "
                + Fmt.num(noise.scale(), 4) + (noise.log() ? " (log scale)" : "")
                + (noise.dof() > 0 ? ", t(" + noise.dof() + ")" : ", normal quantile"), null);
    }

    /** The record {@code predict ... { interval = prediction }} gives. */
    static Value record(double value, Interval iv, double level) {
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("value", Value.Scalar.of(value));
        f.put("pi_low", Value.Scalar.of(iv.low()));
        f.put("pi_high", Value.Scalar.of(iv.high()));
        f.put("level", Value.Scalar.of(level));
        f.put("interval", new Value.Text("prediction"));
        f.put("method", new Value.Text(iv.method()));
        return new Value.Rec("estimate", f, "value");
    }
}
