package law.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import law.ast.Query;
import law.ast.RelOp;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Context;
import law.eval.Failure;
import law.eval.Scope;
import law.eval.Value;
import law.expr.Derivative;
import law.expr.Expr;
import law.expr.Ops;
import law.model.Law;
import law.numeric.RootScan;
import law.report.Fmt;

/**
 * {@code solve REL for VAR [in INTERVAL]}: the roots of {@code left - right} in one variable.
 * Without an interval the variable is positive and searched over 1e-30 to 1e40 in log space;
 * with one it is searched there (in log space when the interval is positive). Every sign change
 * on a fine grid is refined with Brent's method and polished with Newton's method ({@link RootScan}). When the
 * equation calls a fitted law, the root gets a confidence interval ({@link RootInterval}).
 */
final class Roots {
    private Roots() {
    }

    static Value solve(Query.Solve q, Scope scope, Context ctx) {
        if (q.relation().op() != RelOp.EQ) {
            throw Failure.at(Code.NOT_SUPPORTED, q.relation().span(), "solve needs an equation (=)");
        }
        String var = q.var().text();
        Scope sym = Scopes.strict(scope).symbol(var);
        Expr left = ctx.evaluator().scalar(q.relation().left(), sym).expr();
        Expr right = ctx.evaluator().scalar(q.relation().right(), sym).expr();
        Expr f = Ops.sub(left, right);
        if (!f.dependsOn(var)) {
            throw Failure.at(Code.UNKNOWN_VARIABLE, q.var().span(), "the equation does not depend on '" + var + "'");
        }
        java.util.Set<String> others = new java.util.LinkedHashSet<>(f.symbols());
        others.remove(var);
        if (!others.isEmpty()) {
            throw Failure.at(Code.UNBOUND_PARAMETER, q.relation().span(), "this depends on parameters without values: "
                    + String.join(", ", others), "bind them with 'law NAME = LAW with { ... }', or fit the law");
        }
        double lo = 1e-30;
        double hi = 1e40;
        if (q.in() != null) {
            lo = ctx.evaluator().number(q.in().lo(), Scopes.strict(scope));
            hi = ctx.evaluator().number(q.in().hi(), Scopes.strict(scope));
            if (!(lo < hi)) {
                throw Failure.at(Code.BAD_RANGE, q.in().span(), "this interval is empty");
            }
        }
        List<Double> roots = roots(f, var, lo, hi);
        if (roots.isEmpty()) {
            throw Failure.at(Code.NO_ROOT, q.relation().span(), "no " + var + " in " + Fmt.num(lo) + " .. "
                    + Fmt.num(hi) + " satisfies this equation", hint(f, left, right, var, lo, hi));
        }
        if (roots.size() > 1) {
            List<String> shown = roots.stream().limit(5).map(r -> Fmt.num(r, 6)).toList();
            ctx.report(Diagnostic.warning(Code.SEVERAL_ROOTS, q.relation().span(), "this equation has "
                    + roots.size() + " roots (" + String.join(", ", shown) + "); the smallest is reported")
                    .withHelp("narrow the search: solve ... for " + var + " in [a, b]"));
        }
        double root = roots.get(0);
        List<Law> fitted = Scopes.fittedLaws(q, scope, ctx);
        for (Law law : fitted) {
            Extrapolation.check(law, Scopes.lawArguments(q, law, scope, Map.of(var, root), ctx), q.span(), ctx);
        }
        Uncertainty.Interval interval = fitted.isEmpty() || scope.wantsPointOnly() ? null
                : RootInterval.of(q, scope, ctx, fitted.get(0), var, root, Uncertainty.LEVEL);
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put(var, Optimize.estimate(root, interval));
        return new Value.Rec("solve", fields, var);
    }

    /** The roots of {@code f} in {@code [lo, hi]}, smallest first (scanned in log space when {@code lo > 0}). */
    static List<Double> roots(Expr f, String var, double lo, double hi) {
        Expr df = Derivative.of(f, var);
        int[] calls = {0};
        DoubleUnaryOperator fx = x -> {
            if (++calls[0] % 256 == 0) {
                law.eval.Cancelled.check();
            }
            return f.evaluate(Map.of(var, x));
        };
        return RootScan.all(fx, x -> df.evaluate(Map.of(var, x)), lo, hi, lo > 0);
    }

    private static String hint(Expr f, Expr left, Expr right, String var, double lo, double hi) {
        boolean logSpace = lo > 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 200; i++) {
            double x = logSpace ? Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / 200) : lo + (hi - lo) * i / 200;
            double v = f.evaluate(Map.of(var, x));
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > 0) {
            return "the left side stays above the right side (by at least " + Fmt.num(min, 4) + ")";
        }
        if (max < 0) {
            return "the left side stays below the right side (by at least " + Fmt.num(-max, 4) + ")";
        }
        return "the two sides never cross; give an interval with 'in [a, b]'";
    }
}
