package law.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.expr.Derivative;
import law.expr.Expr;
import law.model.Fitted;
import law.model.Law;

/**
 * Confidence or prediction intervals of a fitted law at many points, for the stages drawn after
 * the queries (a plot's bands): the same intervals as {@code predict LAW at (...)} gives with
 * {@code interval = confidence} or {@code interval = prediction}, with the law's gradient in its
 * parameters differentiated once.
 */
public final class PointIntervals {
    /** An interval at one point and how it was computed, or why there is none ({@code why != null}). */
    public record Band(double low, double high, String method, String why) {
    }

    private final Law law;
    private final Fitted fit;
    private final Expr body;
    private final Expr[] gradient;
    private final double level;
    private final boolean prediction;

    private PointIntervals(Law law, double level, boolean prediction) {
        this.law = law;
        this.fit = law.fitted();
        this.body = law.body();
        List<String> names = fit.parameterNames();
        this.gradient = new Expr[names.size()];
        for (int p = 0; p < names.size(); p++) {
            gradient[p] = Derivative.of(body, names.get(p));
        }
        this.level = level;
        this.prediction = prediction;
    }

    /** The intervals of a fitted law at {@code level}; {@code null} for a law that was not fitted. */
    public static PointIntervals of(Law law, double level, boolean prediction) {
        return law.fitted() == null ? null : new PointIntervals(law, level, prediction);
    }

    /** The law's value where its variables take the values {@code vars}. */
    public double value(Map<String, Double> vars) {
        Map<String, Double> env = new LinkedHashMap<>(law.values());
        env.putAll(vars);
        return body.evaluate(env);
    }

    /** The interval where the law's variables take the values {@code vars}. */
    public Band at(Map<String, Double> vars) {
        Map<String, Double> env = new LinkedHashMap<>(law.values());
        env.putAll(vars);
        double value = body.evaluate(env);
        if (!Double.isFinite(value)) {
            return new Band(Double.NaN, Double.NaN, null, "the law is not a finite number there");
        }
        double[] jac = new double[gradient.length];
        for (int p = 0; p < jac.length; p++) {
            jac[p] = gradient[p].evaluate(env);
        }
        java.util.function.ToDoubleFunction<Map<String, Double>> g = theta -> {
            Map<String, Double> e = new LinkedHashMap<>(theta);
            e.putAll(vars);
            return body.evaluate(e);
        };
        if (prediction) {
            PredictionIntervals.Interval iv = PredictionIntervals.of(fit, law.values(), g, value, jac, level);
            return new Band(iv.low(), iv.high(), iv.method(), iv.why());
        }
        String[] why = new String[1];
        Uncertainty.Intervals iv = Uncertainty.intervals(fit, law.values(), theta -> new double[] {g.applyAsDouble(theta)},
                new double[] {value}, new double[][] {jac}, level, why);
        if (iv == null) {
            return new Band(Double.NaN, Double.NaN, null, why[0]);
        }
        Uncertainty.Interval one = iv.at(0);
        return new Band(one.low(), one.high(), one.describe(), null);
    }
}
