package law.query;

import java.util.Map;
import java.util.function.Function;
import law.ast.Query;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Context;
import law.eval.Scope;
import law.eval.Value;
import law.expr.Derivative;
import law.expr.Expr;
import law.expr.Ops;
import law.model.Law;

/**
 * The confidence interval of a root of {@code solve} when the equation calls a fitted law. With
 * bootstrap replicates, the root is re-solved for each (Newton's method from the root, in log
 * space for a positive root) and the percentiles taken. Otherwise the delta method through the
 * implicit function theorem: at the root x* of {@code f(x; theta) = 0},
 * {@code dx/dtheta = -(df/dtheta) / (df/dx)}, with {@code df/dx} exact and {@code df/dtheta} by
 * central differences of the equation; on the log scale for a positive root.
 */
final class RootInterval {
    private RootInterval() {
    }

    /** The interval of {@code root}, or {@code null} (with warning L0711) when none can be computed. */
    static Uncertainty.Interval of(Query.Solve q, Scope scope, Context ctx, Law law, String var, double root,
                                   double level) {
        Function<Map<String, Double>, Expr> equation = theta -> {
            Scope s = Scopes.strict(scope).bind(law.name(), new Value.LawRef(law.withValues(law.name(), theta, null,
                    null))).symbol(var);
            return Ops.sub(ctx.evaluator().scalar(q.relation().left(), s).expr(),
                    ctx.evaluator().scalar(q.relation().right(), s).expr());
        };
        Map<String, Double> values = law.values();
        double[][] jac = implicitGradient(equation, values, law, var, root);
        String[] why = new String[1];
        Uncertainty.Intervals iv = Uncertainty.intervals(law.fitted(), values, theta -> {
            double r = newton(equation.apply(theta), var, root);
            return Double.isFinite(r) ? new double[] {r} : null;
        }, new double[] {root}, jac, level, why);
        if (iv == null) {
            ctx.report(Diagnostic.warning(Code.NO_INTERVAL, q.span(), "no confidence interval: " + why[0]));
            return null;
        }
        return iv.at(0);
    }

    /** {@code -(df/dtheta) / (df/dx)} at the root, or {@code null} when the equation is flat there. */
    private static double[][] implicitGradient(Function<Map<String, Double>, Expr> equation, Map<String, Double> values,
                                               Law law, String var, double root) {
        java.util.List<String> names = law.fitted().parameterNames();
        law.model.Covariance cov = law.fitted().errors();
        Expr f0 = equation.apply(values);
        double fx = Derivative.of(f0, var).evaluate(Map.of(var, root));
        if (cov == null || !(Math.abs(fx) > 0) || !Double.isFinite(fx)) {
            return null;
        }
        double[][] jac = new double[1][names.size()];
        for (int p = 0; p < names.size(); p++) {
            double sd = cov.sd(p);
            if (sd == 0) {
                continue;
            }
            double h = 1e-3 * sd;
            double up = at(equation, values, names.get(p), h, var, root);
            double down = at(equation, values, names.get(p), -h, var, root);
            jac[0][p] = -(up - down) / (2 * h) / fx;
        }
        return jac;
    }

    private static double at(Function<Map<String, Double>, Expr> equation, Map<String, Double> values, String param,
                             double step, String var, double root) {
        Map<String, Double> theta = new java.util.LinkedHashMap<>(values);
        theta.put(param, values.get(param) + step);
        return equation.apply(theta).evaluate(Map.of(var, root));
    }

    /** The root of {@code f} near {@code x0} by Newton's method (in log space when positive), or NaN. */
    static double newton(Expr f, String var, double x0) {
        Expr df = Derivative.of(f, var);
        boolean log = x0 > 0;
        double x = x0;
        for (int i = 0; i < 60; i++) {
            double fx = f.evaluate(Map.of(var, x));
            double d = df.evaluate(Map.of(var, x));
            if (!Double.isFinite(fx) || !Double.isFinite(d) || d == 0) {
                return Double.NaN;
            }
            double next;
            if (log) {
                double step = fx / (d * x);
                next = x * Math.exp(-Math.max(-2, Math.min(2, step)));
            } else {
                next = x - fx / d;
            }
            if (Math.abs(next - x) <= 1e-14 * Math.max(Math.abs(x), 1e-300)) {
                return next;
            }
            x = next;
        }
        return Double.NaN;
    }
}
