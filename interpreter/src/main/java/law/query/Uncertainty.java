package law.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import law.model.Fitted;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Confidence intervals of quantities derived from a fitted law: percentile intervals over the
 * fit's bootstrap replicates when it has them, otherwise the delta method with the fit's
 * covariance matrix (on the log scale for positive quantities).
 */
final class Uncertainty {
    /** The default confidence level. */
    static final double LEVEL = 0.95;

    private Uncertainty() {
    }

    /**
     * Intervals of several outputs and how they were computed.
     *
     * @param bounds     per output {@code {low, high}}
     * @param level      the confidence level
     * @param method     {@code "bootstrap"} (percentiles over the replicates) or {@code "delta"}
     * @param log        per output, whether the delta method was taken on its logarithm
     * @param replicates the bootstrap replicates that gave a result (0 for the delta method)
     * @param total      the fit's bootstrap replicates (0 for the delta method)
     */
    record Intervals(double[][] bounds, double level, String method, boolean[] log, int replicates, int total) {
        /** The interval of output {@code o} with its method. */
        Interval at(int o) {
            return new Interval(bounds[o][0], bounds[o][1], level, method, method.equals("delta") && log[o],
                    replicates, total);
        }
    }

    /**
     * One interval and how it was computed: what the fields {@code ci_low}, {@code ci_high},
     * {@code level}, {@code method} (and {@code scale} or {@code replicates}) of a result say.
     */
    record Interval(double low, double high, double level, String method, boolean log, int replicates, int total) {
        /** {@code delta method on the log scale}, {@code bootstrap percentiles over 998 of 1000 replicates}. */
        String describe() {
            if (method.equals("bootstrap")) {
                return "bootstrap percentiles over " + (replicates == total ? total + "" : replicates + " of " + total)
                        + " replicates";
            }
            return "delta method" + (log ? " on the log scale" : "");
        }

        /** {@code 95%}. */
        String percent() {
            return law.report.Fmt.num(100 * level, 4) + "%";
        }
    }

    /**
     * Intervals {@code {low, high}} per output of {@code g}, or {@code null} with a reason in
     * {@code why[0]} when none can be computed.
     *
     * @param fit    the fit
     * @param values the law's fitted parameter values
     * @param g      outputs as a function of the parameter values ({@code null} entries or an exception: failed)
     * @param g0     the outputs at {@code values}
     * @param jac    exact {@code d g / d theta} (outputs by {@link Fitted#parameterNames()}), or {@code null} for differences
     */
    static Intervals intervals(Fitted fit, Map<String, Double> values, Function<Map<String, Double>, double[]> g,
                               double[] g0, double[][] jac, double level, String[] why) {
        List<String> names = fit.parameterNames();
        double[][] boot = fit.bootstrap();
        if (boot != null && boot.length > 0) {
            int[] used = new int[1];
            double[][] b = percentiles(names, values, boot, g, g0.length, level, why, used);
            return b == null ? null : new Intervals(b, level, "bootstrap", new boolean[g0.length], used[0], boot.length);
        }
        law.model.Covariance cov = fit.errors();
        if (cov == null) {
            why[0] = "the fit has neither standard errors nor bootstrap replicates";
            return null;
        }
        double[][] j = jac != null ? jac : differences(names, values, cov, g, g0.length);
        if (j == null) {
            why[0] = "the result could not be recomputed for nearby parameter values";
            return null;
        }
        boolean[] log = new boolean[g0.length];
        for (int o = 0; o < g0.length; o++) {
            log[o] = g0[o] > 0;
        }
        return new Intervals(delta(g0, j, cov, level), level, "delta", log, 0, 0);
    }

    /**
     * {@code g0 +- z * sqrt(J Sigma J^T)} per output; for a positive output the same on its
     * logarithm, {@code g0 * exp(+- z * sd / g0)}, so the interval of a positive quantity (a loss,
     * N*, D*, a ratio) stays positive and is asymmetric as its sampling distribution is.
     */
    static double[][] delta(double[] g0, double[][] jac, law.model.Covariance cov, double level) {
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double[][] out = new double[g0.length][];
        for (int o = 0; o < g0.length; o++) {
            double half = z * cov.sd(jac[o]);
            out[o] = g0[o] > 0 ? new double[] {g0[o] * Math.exp(-half / g0[o]), g0[o] * Math.exp(half / g0[o])}
                    : new double[] {g0[o] - half, g0[o] + half};
        }
        return out;
    }

    private static double[][] differences(List<String> names, Map<String, Double> values, law.model.Covariance cov,
                                          Function<Map<String, Double>, double[]> g, int outputs) {
        double[][] jac = new double[outputs][names.size()];
        for (int p = 0; p < names.size(); p++) {
            double sd = cov.sd(p);
            if (sd == 0) {
                continue;
            }
            double h = 1e-3 * sd;
            Map<String, Double> up = new LinkedHashMap<>(values);
            Map<String, Double> down = new LinkedHashMap<>(values);
            up.put(names.get(p), values.get(names.get(p)) + h);
            down.put(names.get(p), values.get(names.get(p)) - h);
            double[] gu = safe(g, up);
            double[] gd = safe(g, down);
            if (gu == null || gd == null) {
                return null;
            }
            for (int o = 0; o < outputs; o++) {
                jac[o][p] = (gu[o] - gd[o]) / (2 * h);
            }
        }
        return jac;
    }

    private static double[][] percentiles(List<String> names, Map<String, Double> values, double[][] boot,
                                          Function<Map<String, Double>, double[]> g, int outputs, double level,
                                          String[] why, int[] used) {
        List<double[]> results = new ArrayList<>();
        for (double[] rep : boot) {
            Map<String, Double> theta = new LinkedHashMap<>(values);
            for (int p = 0; p < names.size(); p++) {
                theta.put(names.get(p), rep[p]);
            }
            double[] r = safe(g, theta);
            if (r != null) {
                results.add(r);
            }
        }
        used[0] = results.size();
        if (boot.length < 2) {
            why[0] = "a percentile interval needs at least 2 bootstrap replicates, and the fit has " + boot.length;
            return null;
        }
        if (results.size() < Math.max(2, boot.length / 2)) {
            why[0] = "the result could be recomputed for only " + results.size() + " of the " + boot.length
                    + " bootstrap replicates";
            return null;
        }
        double[][] out = new double[outputs][];
        for (int o = 0; o < outputs; o++) {
            final int k = o;
            double[] xs = results.stream().mapToDouble(r -> r[k]).sorted().toArray();
            out[o] = new double[] {quantile(xs, (1 - level) / 2), quantile(xs, 1 - (1 - level) / 2)};
        }
        return out;
    }

    /** Linear-interpolation quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
    }

    private static double[] safe(Function<Map<String, Double>, double[]> g, Map<String, Double> theta) {
        try {
            double[] r = g.apply(theta);
            return r == null || Arrays.stream(r).anyMatch(v -> !Double.isFinite(v)) ? null : r;
        } catch (RuntimeException e) {
            law.eval.Cancelled.rethrow(e);
            return null;
        }
    }
}
