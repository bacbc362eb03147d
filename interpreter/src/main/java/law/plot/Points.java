package law.plot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.model.Constraint;
import law.model.Law;

/**
 * Evaluating a law along a curve: the variables a curve does not fix are recovered from the
 * declared constraints ({@code C = 6 * N * D} gives D from C and N), each by a root search in
 * log space (the variables of scaling laws are positive and span many decades).
 */
final class Points {
    private Points() {
    }

    /** Evenly log-spaced values from {@code lo} to {@code hi}. */
    static double[] logspace(double lo, double hi, int n) {
        double[] out = new double[n];
        double a = Math.log(lo);
        double b = Math.log(hi);
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(a + (b - a) * i / (n - 1));
        }
        return out;
    }

    /**
     * The law's value where {@code known} holds, completing missing law variables from the
     * constraints; NaN when they cannot be completed.
     */
    static double value(Law law, Map<String, Double> known, Collection<Constraint> constraints) {
        Map<String, Double> at = complete(known, law.vars(), law.speaking(constraints));
        if (at == null) {
            return Double.NaN;
        }
        Map<String, Double> vars = new LinkedHashMap<>();
        for (String v : law.vars()) {
            vars.put(v, at.get(v));
        }
        return closed(law).evaluate(vars);
    }

    /** The law's variables where {@code known} holds, completed from the constraints, or {@code null}. */
    static Map<String, Double> variables(Law law, Map<String, Double> known, Collection<Constraint> constraints) {
        Map<String, Double> at = complete(known, law.vars(), law.speaking(constraints));
        if (at == null) {
            return null;
        }
        Map<String, Double> vars = new LinkedHashMap<>();
        for (String v : law.vars()) {
            vars.put(v, at.get(v));
        }
        return vars;
    }

    private static final Map<Law, law.expr.Expr> CLOSED = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    static law.expr.Expr closed(Law law) {
        return CLOSED.computeIfAbsent(law, Law::closedBody);
    }

    /** {@code known} plus every {@code needed} variable the constraints determine, or {@code null}. */
    static Map<String, Double> complete(Map<String, Double> known, List<String> needed,
                                        Collection<Constraint> constraints) {
        Map<String, Double> at = new LinkedHashMap<>(known);
        boolean progress = true;
        while (progress && !at.keySet().containsAll(needed)) {
            progress = false;
            for (Constraint c : constraints) {
                String unknown = null;
                int missing = 0;
                for (String s : c.symbols()) {
                    if (!at.containsKey(s)) {
                        unknown = s;
                        missing++;
                    }
                }
                if (missing == 1) {
                    double root = solve(c, at, unknown);
                    if (Double.isFinite(root)) {
                        at.put(unknown, root);
                        progress = true;
                    }
                }
            }
        }
        return at.keySet().containsAll(needed) ? at : null;
    }

    /** The positive root of {@code left - right} in {@code name}, or NaN. */
    private static double solve(Constraint c, Map<String, Double> at, String name) {
        law.expr.Expr g = law.expr.Ops.sub(c.left(), c.right());
        Map<String, Double> point = new LinkedHashMap<>(at);
        java.util.function.DoubleUnaryOperator f = logx -> {
            point.put(name, Math.exp(logx));
            return g.evaluate(point);
        };
        double lo = Math.log(1e-30);
        double step = (Math.log(1e40) - lo) / 140;
        double prev = f.applyAsDouble(lo);
        for (int i = 1; i <= 140; i++) {
            double x = lo + i * step;
            double v = f.applyAsDouble(x);
            if (Double.isFinite(prev) && Double.isFinite(v) && (prev == 0 || prev * v < 0)) {
                double a = x - step;
                double b = x;
                double fa = prev;
                for (int k = 0; k < 200 && b - a > 1e-15 * Math.max(1, Math.abs(a)); k++) {
                    double m = 0.5 * (a + b);
                    double fm = f.applyAsDouble(m);
                    if (fa * fm <= 0) {
                        b = m;
                    } else {
                        a = m;
                        fa = fm;
                    }
                }
                return Math.exp(0.5 * (a + b));
            }
            prev = v;
        }
        return Double.NaN;
    }
}
