package law.query;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.ast.Binding;
import law.ast.Option;
import law.ast.Query;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Suggest;
import law.eval.Context;
import law.eval.Declarations;
import law.eval.Failure;
import law.eval.Scope;
import law.eval.Value;
import law.expr.Derivative;
import law.expr.Expr;
import law.model.Fitted;
import law.model.Law;
import law.report.Fmt;

/**
 * {@code predict LAW at (N = .., D = ..)} and {@code predict EXPR}: the value, and for a fitted
 * law a confidence interval (bootstrap percentiles when the fit has replicates, otherwise the
 * delta method: exact gradients for {@code predict LAW at}, central differences for an
 * expression). Option {@code level = 0.9} changes the confidence level (default 0.95); option
 * {@code interval = prediction} gives the prediction interval of a law at a point instead
 * ({@link PredictionIntervals}: the law's uncertainty plus the fit's observation noise). The result
 * is a {@link #prediction} record that says what was predicted, the level and the method.
 */
final class Predictions {
    private Predictions() {
    }

    static Value predict(Query.Predict q, Scope scope, Context ctx) {
        double level = level(q, scope, ctx);
        boolean prediction = prediction(q);
        if (prediction && q.expr() != null) {
            throw Failure.at(Code.BAD_OPTION, q.span(), "a prediction interval is that of a law at a point",
                    "write predict LAW at (VAR = VALUE, ...) { interval = prediction }");
        }
        return q.expr() == null ? atPoint(q, scope, ctx, level, prediction) : expression(q, scope, ctx, level);
    }

    private static double level(Query.Predict q, Scope scope, Context ctx) {
        double level = Uncertainty.LEVEL;
        for (Option o : q.options()) {
            if (o instanceof Option.Value v && v.key().equals("level")) {
                level = ctx.evaluator().number(v.value(), Scopes.strict(scope));
                if (!(level > 0 && level < 1)) {
                    throw Failure.at(Code.BAD_OPTION, v.value().span(), "a confidence level lies strictly between 0 and 1");
                }
            } else if (!(o instanceof Option.Value v && v.key().equals("interval"))) {
                throw Failure.at(Code.BAD_OPTION, o.span(), "predict has no option '" + o.key() + "'",
                        "the options are 'level' (default 0.95) and 'interval' (confidence or prediction)");
            }
        }
        return level;
    }

    /** Option {@code interval = confidence | prediction} (default confidence). */
    private static boolean prediction(Query.Predict q) {
        for (Option o : q.options()) {
            if (o instanceof Option.Value v && v.key().equals("interval")) {
                if (v.value() instanceof law.ast.Expr.Name n && (n.text().equals("confidence")
                        || n.text().equals("prediction"))) {
                    return n.text().equals("prediction");
                }
                throw Failure.at(Code.BAD_OPTION, v.value().span(), "expected confidence or prediction here",
                        "interval = prediction adds the fit's observation noise to the law's uncertainty");
            }
        }
        return false;
    }

    private static Value atPoint(Query.Predict q, Scope scope, Context ctx, double level, boolean prediction) {
        Law law = Declarations.lawNamed(q.law(), ctx);
        Map<String, Double> at = new LinkedHashMap<>();
        for (Binding b : q.at()) {
            String name = law.variable(b.name().text()); // a fitted law answers to its form's names too
            if (name == null) {
                throw Failure.at(Code.UNKNOWN_VARIABLE, b.name().span(), "'" + law.name() + "' has no variable '"
                        + b.name().text() + "'", Suggest.didYouMean(b.name().text(), law.vars()));
            }
            if (at.containsKey(name)) {
                throw Failure.at(Code.UNKNOWN_VARIABLE, b.name().span(), "'" + name + "' is given twice");
            }
            at.put(name, ctx.evaluator().number(b.value(), Scopes.strict(scope)));
        }
        Set<String> missing = new LinkedHashSet<>(law.vars());
        missing.removeAll(at.keySet());
        if (!missing.isEmpty()) {
            throw Failure.at(Code.UNKNOWN_VARIABLE, q.span(), "no value for " + String.join(", ", missing),
                    "give every variable of " + law.signature());
        }
        Map<String, Expr> subst = new LinkedHashMap<>();
        at.forEach((k, v) -> subst.put(k, Expr.num(v)));
        Expr atBody = law.body().substitute(subst);
        Expr closed = law.closedBody().substitute(subst);
        if (!closed.symbols().isEmpty()) {
            throw Failure.at(Code.UNBOUND_PARAMETER, q.law().span(), "'" + law.name()
                    + "' has parameters without values: " + String.join(", ", closed.symbols()),
                    "bind them with 'law NAME = " + law.name() + " with { ... }', or fit the law");
        }
        double value = closed.evaluate(Map.of());
        Extrapolation.check(law, at, q.span(), ctx);
        finite(value, q, law.name() + " at " + describe(at));
        Fitted fit = law.fitted();
        String label = law.name() + "(" + String.join(", ", at.entrySet().stream()
                .map(e -> e.getKey() + " = " + Fmt.num(e.getValue(), 6)).toList()) + ")";
        if (fit == null) {
            return prediction(label, value, null);
        }
        List<String> names = fit.parameterNames();
        double[][] jac = new double[1][names.size()];
        for (int p = 0; p < names.size(); p++) {
            jac[0][p] = Derivative.of(atBody, names.get(p)).evaluate(law.values());
        }
        if (prediction) {
            PredictionIntervals.Interval pi = PredictionIntervals.of(fit, law.values(), atBody::evaluate, value, jac[0],
                    level);
            if (pi.why() != null) {
                ctx.report(Diagnostic.warning(Code.NO_INTERVAL, q.span(), "no prediction interval: " + pi.why()));
                return Value.Scalar.of(value);
            }
            Map<String, Value> f = new LinkedHashMap<>();
            f.put("of", new Value.Text(label));
            f.putAll(((Value.Rec) PredictionIntervals.record(value, pi, level)).fields());
            return new Value.Rec("prediction", f, "value");
        }
        String[] why = new String[1];
        Uncertainty.Intervals iv = Uncertainty.intervals(fit, law.values(), theta -> new double[] {atBody.evaluate(theta)},
                new double[] {value}, jac, level, why);
        return withInterval(label, value, iv, why, q, ctx);
    }

    private static Value expression(Query.Predict q, Scope scope, Context ctx, double level) {
        double value = ctx.evaluator().number(q.expr(), Scopes.strict(scope));
        List<Law> fitted = Scopes.fittedLaws(q, scope, ctx);
        for (Law law : fitted) {
            Extrapolation.check(law, Scopes.lawArguments(q, law, scope, Map.of(), ctx), q.span(), ctx);
        }
        String label = q.expr().span().text();
        finite(value, q, "this expression");
        if (fitted.isEmpty()) {
            return prediction(label, value, null);
        }
        Law law = fitted.get(0);
        String[] why = new String[1];
        Uncertainty.Intervals iv = Uncertainty.intervals(law.fitted(), law.values(), theta -> {
            Scope s = Scopes.strict(scope).bind(law.name(), new Value.LawRef(law.withValues(law.name(), theta, null, null)));
            return new double[] {ctx.evaluator().number(q.expr(), s)};
        }, new double[] {value}, null, level, why);
        return withInterval(label, value, iv, why, q, ctx);
    }

    /** A prediction that is not a finite number is an error at the query, never a printed nan or inf. */
    private static void finite(double value, Query.Predict q, String what) {
        if (!Double.isFinite(value)) {
            throw Failure.at(Code.NOT_FINITE, q.span(), "the value of " + what + " is "
                    + (Double.isNaN(value) ? "not a number (NaN)" : Fmt.num(value)),
                    "the law is not defined there (a division by zero, a negative number to a fractional power, "
                    + "the log of a non-positive number); predict where its variables make sense");
        }
    }

    private static String describe(Map<String, Double> at) {
        StringBuilder b = new StringBuilder("(");
        at.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append(" = ").append(Fmt.num(v)));
        return b.append(')').toString();
    }

    private static Value withInterval(String label, double value, Uncertainty.Intervals iv, String[] why,
                                      Query.Predict q, Context ctx) {
        if (iv == null) {
            ctx.report(Diagnostic.warning(Code.NO_INTERVAL, q.span(), "no confidence interval: " + why[0]));
            return prediction(label, value, null);
        }
        return prediction(label, value, iv.at(0));
    }

    /**
     * The record {@code predict} gives: {@code of} (what was predicted, e.g.
     * {@code epoch(N = 7e10, D = 1.4e12)}), {@code value} (primary) and, with an interval, the
     * fields of an estimate ({@code ci_low}, {@code ci_high}, {@code level}, {@code method}, ...).
     */
    static Value.Rec prediction(String label, double value, Uncertainty.Interval interval) {
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("of", new Value.Text(label));
        if (interval == null) {
            f.put("value", Value.Scalar.of(value));
        } else {
            f.putAll(Optimize.fields(value, interval));
        }
        return new Value.Rec("prediction", f, "value");
    }
}
