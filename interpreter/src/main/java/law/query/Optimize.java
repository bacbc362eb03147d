package law.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import law.ast.Cond;
import law.ast.Query;
import law.ast.RelOp;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Span;
import law.diag.Suggest;
import law.eval.Context;
import law.eval.Failure;
import law.eval.Scope;
import law.eval.Value;
import law.expr.Expr;
import law.expr.Ops;
import law.model.Law;

/**
 * The {@code minimize} and {@code maximize} queries, and the steps they share with {@link Optimal}:
 * relations to a {@link Problem}, the {@link Solver}'s run with its diagnostics, and intervals by
 * re-solving for perturbed parameters.
 */
final class Optimize {
    private Optimize() {
    }

    /** A relation of a {@code subject to} or a declared constraint, evaluated to symbolic sides. */
    record Rel(Expr left, RelOp op, Expr right, Span span, String text) {
    }

    /** The objective and relations, evaluated for one set of law parameter values. */
    record Setup(Expr objective, List<Rel> relations) {
    }

    // ------------------------------------------------------------------ minimize / maximize

    static Value minimize(Query.Minimize q, Scope scope, Context ctx) {
        Scope sym = scope.asSymbolic();
        Setup base = minimizeSetup(q, sym, ctx);
        Set<String> written = new LinkedHashSet<>(sym.free());
        List<String> vars = new ArrayList<>();
        Map<String, double[]> bounds = new HashMap<>();
        if (q.over().isEmpty()) {
            vars.addAll(written);
        } else {
            for (Query.VarSpec v : q.over()) {
                String name = v.name().text();
                if (!written.contains(name)) {
                    throw Failure.at(Code.UNKNOWN_VARIABLE, v.name().span(), "'" + name
                            + "' does not appear in the objective or the constraints", Suggest.didYouMean(name, written));
                }
                vars.add(name);
                if (v.in() != null) {
                    Scope strict = Scopes.strict(scope);
                    double lo = ctx.evaluator().number(v.in().lo(), strict);
                    double hi = ctx.evaluator().number(v.in().hi(), strict);
                    if (!(lo < hi)) {
                        throw Failure.at(Code.BAD_RANGE, v.in().span(), "this interval is empty");
                    }
                    bounds.put(name, new double[] {lo, hi});
                }
            }
            for (String w : written) {
                if (!vars.contains(w)) {
                    Set<String> names = new LinkedHashSet<>(vars);
                    names.addAll(ctx.evaluator().visibleNames(scope));
                    throw Failure.at(Code.UNKNOWN_NAME, Scopes.nameSpan(q, w), "unknown name '" + w
                            + "': it is not defined and not listed after 'over'", Suggest.didYouMean(w, names));
                }
            }
        }
        if (vars.isEmpty()) {
            throw Failure.at(Code.UNKNOWN_VARIABLE, q.objective().span(), "this objective has no variables to vary");
        }
        checkBound(base, vars, q.objective().span());
        Problem problem = problem(base, vars, bounds);
        Solver.Solution s = run(problem, q.objective().span(), ctx);
        warnUnused(base, vars, q.objective().span(), ctx);
        double sign = q.maximize() ? -1 : 1;
        Map<String, Double> out = outputs(s, vars, "objective", sign);
        List<Law> fitted = Scopes.fittedLaws(q, scope, ctx);
        for (Law law : fitted) {
            Extrapolation.check(law, Scopes.lawArguments(q, law, scope, s.x(), ctx), q.span(), ctx);
        }
        Map<String, Uncertainty.Interval> intervals = Map.of();
        if (!fitted.isEmpty() && !scope.wantsPointOnly()) {
            Law law = fitted.get(0);
            intervals = intervals(law, out, theta -> {
                Scope perturbed = scope.asSymbolic().bind(law.name(), new Value.LawRef(law.withValues(law.name(), theta, null, null)));
                Setup setup = minimizeSetup(q, perturbed, ctx);
                return problem(setup, vars, bounds);
            }, problem, s, vars, sign, q.span(), ctx);
        }
        return record("minimize", out, intervals, "objective");
    }

    /** A variable neither the objective nor a relation depends on can take any value: its number means nothing. */
    private static void warnUnused(Setup setup, List<String> vars, Span at, Context ctx) {
        List<String> unused = new ArrayList<>();
        for (String v : vars) {
            boolean used = setup.objective().dependsOn(v);
            for (Rel r : setup.relations()) {
                used |= r.left().dependsOn(v) || r.right().dependsOn(v);
            }
            if (!used) {
                unused.add(v);
            }
        }
        if (!unused.isEmpty()) {
            ctx.report(Diagnostic.warning(Code.FLAT_OBJECTIVE, at, "the objective does not depend on "
                    + String.join(", ", unused) + " (it simplifies to " + law.expr.Printer.print(setup.objective())
                    + "), so every value of " + String.join(", ", unused) + " is optimal; the value shown is only where "
                    + "the search stopped").withHelp("remove the variable from the objective, or check the expression"));
        }
    }

    private static Setup minimizeSetup(Query.Minimize q, Scope sym, Context ctx) {
        Expr objective = ctx.evaluator().scalar(q.objective(), sym).expr();
        if (q.maximize()) {
            objective = Ops.neg(objective);
        }
        return new Setup(objective, relations(q.subjectTo(), sym, ctx));
    }

    // ------------------------------------------------------------------ shared

    /** Evaluates {@code subject to} relations in a symbolic scope. */
    static List<Rel> relations(List<Cond.Relation> rels, Scope sym, Context ctx) {
        List<Rel> out = new ArrayList<>();
        for (Cond.Relation r : rels) {
            if (r.op() == RelOp.NE) {
                throw Failure.at(Code.NOT_SUPPORTED, r.span(), "'!=' cannot constrain an optimisation",
                        "use =, <, <=, > or >=");
            }
            Expr l = ctx.evaluator().scalar(r.left(), sym).expr();
            Expr rr = ctx.evaluator().scalar(r.right(), sym).expr();
            out.add(new Rel(l, r.op(), rr, r.span(), r.span().text()));
        }
        return out;
    }

    static void checkBound(Setup s, List<String> vars, Span where) {
        Set<String> all = new LinkedHashSet<>(s.objective().symbols());
        for (Rel r : s.relations()) {
            all.addAll(r.left().symbols());
            all.addAll(r.right().symbols());
        }
        all.removeAll(vars);
        if (!all.isEmpty()) {
            throw Failure.at(Code.UNBOUND_PARAMETER, where, "this depends on parameters without values: "
                    + String.join(", ", all), "bind them with 'law NAME = LAW with { ... }', or fit the law");
        }
    }

    /**
     * Turns relations into a problem: {@code x <= c} and {@code x >= c} on a single variable become
     * bounds; variables are positive (searched in log space) unless a bound allows values below zero.
     */
    static Problem problem(Setup s, List<String> vars, Map<String, double[]> given) {
        Map<String, double[]> bounds = new HashMap<>();
        given.forEach((k, b) -> bounds.put(k, b.clone()));
        List<Problem.Relation> eqs = new ArrayList<>();
        List<Problem.Relation> ineqs = new ArrayList<>();
        for (Rel r : s.relations()) {
            Expr l = r.left();
            Expr rr = r.right();
            if (r.op() == RelOp.GE || r.op() == RelOp.GT) {
                Expr tmp = l;
                l = rr;
                rr = tmp;
            }
            if (l.symbols().isEmpty() && rr.symbols().isEmpty()) {
                double a = l.evaluate(Map.of());
                double b = rr.evaluate(Map.of());
                boolean holds = r.op() == RelOp.EQ ? Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)) : a <= b;
                if (!holds) {
                    throw Failure.at(Code.INFEASIBLE, r.span(), "this constraint is false whatever the variables: "
                            + law.report.Fmt.num(a) + " " + r.op().symbol() + " " + law.report.Fmt.num(b));
                }
                continue;
            }
            if (r.op() == RelOp.EQ) {
                eqs.add(new Problem.Relation(l, rr, r.text()));
            } else if (l instanceof Expr.Sym v && rr.symbols().isEmpty() && vars.contains(v.name())) {
                double[] b = bounds.computeIfAbsent(v.name(), k -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
                b[1] = Math.min(b[1], rr.evaluate(Map.of()));
            } else if (rr instanceof Expr.Sym v && l.symbols().isEmpty() && vars.contains(v.name())) {
                double[] b = bounds.computeIfAbsent(v.name(), k -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
                b[0] = Math.max(b[0], l.evaluate(Map.of()));
            } else {
                ineqs.add(new Problem.Relation(l, rr, r.text()));
            }
        }
        Set<String> positive = new LinkedHashSet<>();
        for (String v : vars) {
            double[] b = bounds.get(v);
            if (b == null || b[0] >= 0 || b[0] == Double.NEGATIVE_INFINITY) {
                positive.add(v);
            }
        }
        return new Problem(s.objective(), vars, bounds, positive, eqs, ineqs);
    }

    /** Solves and turns failures into diagnostics located at {@code where}. */
    static Solver.Solution run(Problem problem, Span where, Context ctx) {
        for (Map.Entry<String, double[]> b : problem.bounds().entrySet()) {
            if (b.getValue()[0] > b.getValue()[1]) {
                throw Failure.at(Code.INFEASIBLE, where, "the bounds on '" + b.getKey() + "' leave no value: "
                        + law.report.Fmt.num(b.getValue()[0]) + " > " + law.report.Fmt.num(b.getValue()[1]));
            }
        }
        Solver.Solution s;
        try {
            s = new Solver(problem).progress(ctx.progress()).solve(null);
        } catch (Solver.SetupException e) {
            throw Failure.at(Code.INFEASIBLE, where, e.getMessage(),
                    "each equality constraint must leave a variable to solve for");
        }
        if (s == null || s.violation() > 1e-6) {
            throw Failure.at(Code.INFEASIBLE, where, "no values of " + String.join(", ", problem.vars())
                    + " satisfy the constraints", "check the constraints and the bounds of the variables");
        }
        if (s.unbounded() != null) {
            throw Failure.at(Code.UNBOUNDED, where, "this optimum is unbounded: " + s.unbounded(),
                    "add a constraint (subject to 6 * N * D = 1e24) or bound the variables (over N in [1e6, 1e13])");
        }
        if (!s.atBound().isEmpty()) {
            ctx.report(Diagnostic.warning(Code.AT_BOUND, where, "the optimum sits on a bound: "
                    + String.join("; ", s.atBound())).withHelp("the unconstrained optimum lies beyond it"));
        }
        if (!s.converged()) {
            ctx.report(Diagnostic.warning(Code.NOT_CONVERGED, where,
                    "the optimiser stopped before the gradient vanished; the optimum may be inaccurate"));
        }
        return s;
    }

    /** The variables, the objective and the ratio D/N when both N and D are variables. */
    static Map<String, Double> outputs(Solver.Solution s, List<String> vars, String objective, double sign) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String v : vars) {
            out.put(v, s.x().get(v));
        }
        out.put(objective, sign * s.objective());
        if (s.x().containsKey("N") && s.x().containsKey("D")) {
            out.put("D/N", s.x().get("D") / s.x().get("N"));
        }
        return out;
    }

    /** Intervals of every output, re-solving (warm-started) for perturbed parameter values. */
    static Map<String, Uncertainty.Interval> intervals(Law law, Map<String, Double> out,
                                                   Function<Map<String, Double>, Problem> problemFor, Problem base,
                                                   Solver.Solution s, List<String> vars, double sign, Span where,
                                                   Context ctx) {
        List<String> keys = new ArrayList<>(out.keySet());
        double[] g0 = keys.stream().mapToDouble(out::get).toArray();
        Function<Map<String, Double>, double[]> g = theta -> {
            Solver.Solution r = new Solver(problemFor.apply(theta)).solve(s.x());
            if (r == null || r.unbounded() != null) {
                return null;
            }
            Map<String, Double> o = outputs(r, vars, keys.get(vars.size()), sign);
            return keys.stream().mapToDouble(o::get).toArray();
        };
        String[] why = new String[1];
        double[][] boot = law.fitted().bootstrap();
        int solves = boot != null && boot.length > 0 ? boot.length : 2 * law.fitted().parameterNames().size();
        Uncertainty.Intervals iv;
        try (law.eval.Progress.Task task = ctx.progress().start("intervals: re-solving", solves)) {
            iv = Uncertainty.intervals(law.fitted(), law.values(), theta -> {
                double[] r = g.apply(theta);
                task.step();
                return r;
            }, g0, null, Uncertainty.LEVEL, why);
        }
        if (iv == null) {
            ctx.report(Diagnostic.warning(Code.NO_INTERVAL, where, "no confidence interval: " + why[0]));
            return Map.of();
        }
        Map<String, Uncertainty.Interval> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), iv.at(i));
        }
        return m;
    }

    /** A result record; a field with an interval is itself an estimate record (see {@link #estimate}). */
    static Value.Rec record(String kind, Map<String, Double> out, Map<String, Uncertainty.Interval> intervals,
                            String primary) {
        Map<String, Value> fields = new LinkedHashMap<>();
        out.forEach((k, v) -> fields.put(k, estimate(v, intervals.get(k))));
        return new Value.Rec(kind, fields, primary);
    }

    /**
     * A number, or with an interval the record {@code value} (primary), {@code ci_low},
     * {@code ci_high}, {@code level}, {@code method} ({@code "delta"} or {@code "bootstrap"}) and
     * {@code scale} ({@code "log"} or {@code "linear"}, for the delta method) or {@code replicates}
     * (the bootstrap replicates that gave a result).
     */
    static Value estimate(double v, Uncertainty.Interval interval) {
        return interval == null ? Value.Scalar.of(v) : new Value.Rec("estimate", fields(v, interval), "value");
    }

    /** The fields of an estimate. */
    static Map<String, Value> fields(double v, Uncertainty.Interval interval) {
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("value", Value.Scalar.of(v));
        f.put("ci_low", Value.Scalar.of(interval.low()));
        f.put("ci_high", Value.Scalar.of(interval.high()));
        f.put("level", Value.Scalar.of(interval.level()));
        f.put("method", new Value.Text(interval.method()));
        if (interval.method().equals("bootstrap")) {
            f.put("replicates", Value.Scalar.of(interval.replicates()));
        } else {
            f.put("scale", new Value.Text(interval.log() ? "log" : "linear"));
        }
        return f;
    }
}
