package law.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import law.ast.Query;
import law.ast.RelOp;
import law.diag.Code;
import law.diag.Suggest;
import law.eval.Context;
import law.eval.Declarations;
import law.eval.Failure;
import law.eval.Scope;
import law.eval.Value;
import law.expr.Expr;
import law.model.Constraint;
import law.model.Law;

/**
 * {@code optimal LAW for VARS at NAME = VALUE ... [subject to ...]}: the law minimised over its
 * free variables (those not fixed by {@code at}, and those of the declared constraints that an
 * {@code at} name takes part in), solved as a {@link Problem} by {@link Optimize}'s shared steps.
 */
final class Optimal {
    private Optimal() {
    }

    static Value optimal(Query.Optimal q, Scope scope, Context ctx) {
        Law law = Declarations.lawNamed(q.law(), ctx);
        Map<String, Double> at = new LinkedHashMap<>();
        for (Query.At a : q.at()) {
            at.put(spoken(law, a.name().text()), atValue(a, scope, ctx));
        }
        List<Constraint> used = constraints(q, law, at, ctx);
        requireValues(q, law);
        List<String> vars = variables(q, law, decision(law, at, used), at);
        Function<Map<String, Double>, Optimize.Setup> setupFor = values -> setup(q, law, values, at, used, scope, ctx);
        Optimize.Setup base = setupFor.apply(law.values());
        Optimize.checkBound(base, vars, q.span());
        Problem problem = Optimize.problem(base, vars, Map.of());
        Solver.Solution s = Optimize.run(problem, q.span(), ctx);
        Map<String, Double> out = Optimize.outputs(s, vars, "L", 1);
        Map<String, Double> point = new LinkedHashMap<>(s.x());
        point.putAll(at);
        Extrapolation.check(law, point, q.span(), ctx);
        Map<String, Uncertainty.Interval> intervals = Map.of();
        if (law.fitted() != null && !scope.wantsPointOnly()) {
            intervals = Optimize.intervals(law, out, theta -> Optimize.problem(setupFor.apply(theta), vars, Map.of()),
                    problem, s, vars, 1, q.span(), ctx);
        }
        return Optimize.record("optimal", out, intervals,
                q.vars().size() == 1 ? spoken(law, q.vars().get(0).text()) : null);
    }

    /** The declared constraints an {@code at} name takes part in; every {@code at} name must be a variable or in one. */
    private static List<Constraint> constraints(Query.Optimal q, Law law, Map<String, Double> at, Context ctx) {
        List<Constraint> used = new ArrayList<>();
        for (Constraint c : law.speaking(ctx.env().constraints())) {
            if (c.symbols().stream().anyMatch(at::containsKey)) {
                used.add(c);
            }
        }
        for (Query.At a : q.at()) {
            String name = spoken(law, a.name().text());
            if (!law.vars().contains(name) && used.stream().noneMatch(c -> c.symbols().contains(name))) {
                throw Failure.at(Code.NO_CONSTRAINT, a.name().span(), "'" + name + "' is not a variable of '"
                        + law.name() + "' and no declared constraint mentions it",
                        "declare how it relates to the law's variables, e.g. 'constraint compute: C = 6 * N * D'");
            }
        }
        return used;
    }

    /** Fails unless every parameter of the law has a value. */
    private static void requireValues(Query.Optimal q, Law law) {
        Set<String> unbound = new LinkedHashSet<>(law.closedBody().symbols());
        unbound.removeAll(law.vars());
        if (!unbound.isEmpty()) {
            throw Failure.at(Code.UNBOUND_PARAMETER, q.law().span(), "'" + law.name()
                    + "' has parameters without values: " + String.join(", ", unbound),
                    "bind them with 'law NAME = " + law.name() + " with { ... }', or fit the law");
        }
    }

    /** The law's variables not fixed by {@code at}, then the other unfixed symbols of the constraints used. */
    private static List<String> decision(Law law, Map<String, Double> at, List<Constraint> used) {
        List<String> decision = new ArrayList<>();
        for (String v : law.vars()) {
            if (!at.containsKey(v)) {
                decision.add(v);
            }
        }
        for (Constraint c : used) {
            for (String v : c.symbols()) {
                if (!at.containsKey(v) && !decision.contains(v)) {
                    decision.add(v);
                }
            }
        }
        return decision;
    }

    /** The variables asked for first (each must be a decision variable), then the other decision variables. */
    private static List<String> variables(Query.Optimal q, Law law, List<String> decision, Map<String, Double> at) {
        List<String> vars = new ArrayList<>();
        for (law.ast.Ident v : q.vars()) {
            String name = spoken(law, v.text());
            if (!decision.contains(name)) {
                String help = at.containsKey(name) ? "'" + name + "' is fixed by 'at " + name + " = ...'"
                        : Suggest.didYouMean(name, decision);
                throw Failure.at(Code.UNKNOWN_VARIABLE, v.span(), "'" + name + "' is not a variable of '"
                        + law.name() + "' or of its constraints", help);
            }
            if (!vars.contains(name)) {
                vars.add(name);
            }
        }
        for (String v : decision) {
            if (!vars.contains(v)) {
                vars.add(v);
            }
        }
        return vars;
    }

    /** The objective (the law's body at parameter values {@code values}) and every relation, with the {@code at} values in. */
    private static Optimize.Setup setup(Query.Optimal q, Law law, Map<String, Double> values, Map<String, Double> at,
                                        List<Constraint> used, Scope scope, Context ctx) {
        Map<String, Expr> subst = new LinkedHashMap<>();
        values.forEach((k, x) -> subst.put(k, Expr.num(x)));
        at.forEach((k, x) -> subst.put(k, Expr.num(x)));
        Expr objective = law.body().substitute(subst);
        List<Optimize.Rel> rels = new ArrayList<>();
        for (Constraint c : used) {
            rels.add(new Optimize.Rel(c.left().substitute(subst), RelOp.EQ, c.right().substitute(subst), q.span(),
                    c.text()));
        }
        Scope sym = scope.asSymbolic();
        at.forEach((k, x) -> sym.bind(k, Value.Scalar.of(x)));
        rels.addAll(Optimize.relations(q.subjectTo(), sym, ctx));
        return new Optimize.Setup(objective, rels);
    }

    /** The law's variable a written name stands for (a fitted law's form names still work), else the name itself. */
    private static String spoken(Law law, String written) {
        String v = law.variable(written);
        return v != null ? v : written;
    }

    private static double atValue(Query.At a, Scope scope, Context ctx) {
        if (a.value() != null) {
            return ctx.evaluator().number(a.value(), Scopes.strict(scope));
        }
        Value v = scope.local(a.name().text());
        if (v == null) {
            throw Failure.at(Code.UNKNOWN_VARIABLE, a.span(), "'" + a.name().text() + "' has no value here",
                    "give one, 'at " + a.name().text() + " = 1e24', or sweep it in a table: 'table "
                            + a.name().text() + " = 1e20..1e24 log 5: ...'");
        }
        Value.Scalar s = ctx.evaluator().scalar(v, a);
        if (!s.isNumber()) {
            throw Failure.at(Code.NOT_CONSTANT, a.span(), "'" + a.name().text() + "' must be a number here");
        }
        return s.number();
    }
}
