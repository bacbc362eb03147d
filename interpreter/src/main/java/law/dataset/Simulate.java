package law.dataset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import law.ast.Arg;
import law.ast.DataSource;
import law.ast.Expr;
import law.data.Noise;
import law.data.Simulation;
import law.data.Table;
import law.diag.Code;
import law.eval.Context;
import law.eval.Declarations;
import law.eval.Failure;
import law.eval.Scope;
import law.eval.Value;
import law.model.Law;
import law.model.Param;

/**
 * {@code simulate(LAW, VAR = VALUES, ..., noise = lognormal(0.02), seed = 7, target = L)}: a
 * table with one row per combination of the variables' values and a target column drawn from the
 * law with seeded noise (multiplicative {@code lognormal(sigma)}, additive {@code normal(sigma)},
 * or {@code none}). The target column is called {@code y} unless named.
 */
final class Simulate {
    private Simulate() {
    }

    static Table table(DataSource.Call call, Context ctx) {
        Arg lawArg = DataStatement.positional(call, 0);
        if (lawArg == null || !(lawArg.value() instanceof Expr.Name lawName)) {
            throw Failure.at(Code.BAD_OPTION, call.span(), "simulate needs a law first: simulate(LAW, N = ..., ...)");
        }
        Law law = Declarations.lawNamed(lawName.name(), ctx);
        if (!law.freeParams().isEmpty()) {
            throw Failure.at(Code.UNBOUND_PARAMETER, lawArg.span(), "'" + law.name() + "' has parameters without values: "
                    + String.join(", ", law.freeParams().stream().map(Param::name).toList()));
        }
        Map<String, double[]> grids = new HashMap<>();
        Noise noise = Noise.none();
        long seed = 0;
        String target = "y";
        for (Arg a : call.args()) {
            if (!a.named()) {
                continue;
            }
            String key = a.name().text();
            if (law.vars().contains(key)) {
                grids.put(key, numbers(ctx.evaluator().eval(a.value(), Scope.strict()), a, ctx));
            } else if (key.equals("noise")) {
                noise = noise(a.value(), ctx);
            } else if (key.equals("seed")) {
                seed = (long) ctx.evaluator().number(a.value(), Scope.strict());
            } else if (key.equals("target")) {
                if (!(a.value() instanceof Expr.Name n)) {
                    throw Failure.at(Code.BAD_OPTION, a.value().span(), "target names the simulated column: target = L");
                }
                target = n.text();
            } else {
                throw Failure.at(Code.BAD_OPTION, a.name().span(), "simulate has no option '" + key + "'",
                        "give the law's variables (" + String.join(", ", law.vars()) + "), noise, seed or target");
            }
        }
        Simulation sim = Simulation.builder();
        for (String v : law.vars()) {
            double[] values = grids.get(v);
            if (values == null) {
                throw Failure.at(Code.BAD_OPTION, call.span(), "simulate needs values for " + v, "add " + v + " = 1..10");
            }
            sim = sim.grid(v, values);
        }
        law.expr.Expr body = law.closedBody();
        List<String> vars = law.vars();
        sim = sim.law(target, x -> {
            Map<String, Double> at = new HashMap<>();
            for (int i = 0; i < vars.size(); i++) {
                at.put(vars.get(i), x[i]);
            }
            return body.evaluate(at);
        });
        return sim.noise(noise).seed(seed).build();
    }

    private static double[] numbers(Value v, Arg a, Context ctx) {
        if (v instanceof Value.Items items) {
            double[] out = new double[items.items().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = items.items().get(i).evaluate(Map.of());
            }
            return out;
        }
        return new double[] {ctx.evaluator().number(a.value(), Scope.strict())};
    }

    private static Noise noise(Expr e, Context ctx) {
        if (e instanceof Expr.Name n && n.text().equals("none")) {
            return Noise.none();
        }
        if (e instanceof Expr.Call c && c.args().size() == 1) {
            double sigma = ctx.evaluator().number(c.args().get(0).value(), Scope.strict());
            switch (c.callee().text()) {
                case "lognormal":
                    return Noise.lognormal(sigma);
                case "normal":
                    return Noise.normal(sigma);
                default:
                    break;
            }
        }
        throw Failure.at(Code.BAD_OPTION, e.span(), "noise is none, lognormal(SIGMA) or normal(SIGMA)");
    }
}
