package law.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import law.ast.Arg;
import law.ast.Expr;
import law.ast.Ident;
import law.ast.Stmt;
import law.diag.Code;
import law.eval.Context;
import law.eval.Declarations;
import law.eval.Failure;
import law.eval.Interpreter;
import law.eval.Result;
import law.eval.Scope;
import law.eval.Value;
import law.export.Outputs;
import law.model.Law;
import org.jfree.chart.JFreeChart;

/**
 * Runs {@code plot} statements. The items say what to draw:
 * <ul>
 *   <li>{@code plot LAW, ... on DATA [by COLS]}: data against one or several laws;</li>
 *   <li>{@code plot residuals(LAW) on DATA}: residuals against each variable;</li>
 *   <li>{@code plot frontier(LAW, C = 1e18..1e26)}: the compute-optimal allocation with its band;</li>
 *   <li>{@code plot isoflops(LAW, C = [1e19, 1e20]) [on DATA]}: loss along fixed budgets, optima marked.</li>
 * </ul>
 */
public final class Plots {
    private Plots() {
    }

    /** The kinds of plot item written as a call. */
    static final List<String> KINDS = List.of("residuals", "frontier", "isoflops");

    /** Registers the {@code plot} handler. */
    public static void install(Interpreter interp) {
        interp.on(Stmt.Plot.class, Plots::plot);
    }

    private static void plot(Stmt.Plot s, Context ctx) {
        Path file = Outputs.resolve(s.output(), s.outputSpan(), ctx);
        String format = Outputs.format(s.output(), s.outputSpan(), "plot", new java.util.LinkedHashSet<>(List.of("png", "svg", "pdf")));
        Request r = Request.of(s, ctx);
        law.eval.Pending.stopIfChecking(ctx);
        List<JFreeChart> panels = panels(s, r, ctx);
        Outputs.write(file, s.outputSpan(), out -> Canvas.write(panels, r.width(), r.height(), r.style(), format, out));
        com.fasterxml.jackson.databind.node.ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode().put("file", s.output()).put("format", format).put("width", r.width())
                .put("height", r.height()).put("style", r.style().name());
        if (r.interval() != null) {
            com.fasterxml.jackson.databind.node.ObjectNode iv = json.putObject("interval");
            iv.put("kind", r.interval()).put("level", r.level());
            r.methods().forEach(iv.putArray("methods")::add);
        }
        ctx.emit(new Result(s.span(), "plot", "wrote " + s.output(), json));
    }

    private static List<JFreeChart> panels(Stmt.Plot s, Request r, Context ctx) {
        Expr first = s.items().get(0);
        law.query.Rollout rollout = rollout(first, ctx);
        boolean lawPlot = !(first instanceof Expr.Call c0 && KINDS.contains(c0.callee().text())) && rollout == null;
        if (r.interval() != null && !lawPlot) {
            throw Failure.at(Code.BAD_OPTION, r.optionSpan("interval"), "'interval' draws bands around the curves of "
                    + "fitted laws in a plot of laws on data", "plot LAW on DATA { interval = prediction }");
        }
        if (first instanceof Expr.Call c && KINDS.contains(c.callee().text())) {
            if (s.items().size() > 1) {
                throw Failure.at(Code.PLOT_KIND, s.items().get(1).span(), "a " + c.callee().text()
                        + " plot draws one law; plot each in its own statement");
            }
            Ident lawName = lawArg(c);
            Law law = Declarations.lawNamed(lawName, ctx);
            switch (c.callee().text()) {
                case "residuals" -> {
                    if (c.args().size() != 1) {
                        throw Failure.at(Code.ARITY, c.span(), "residuals takes one law: residuals(LAW)");
                    }
                    return Residuals.draw(law, r);
                }
                case "frontier" -> {
                    Arg a = namedArg(c, "frontier(LAW, C = 1e18..1e26)");
                    return Frontier.draw(law, lawName, a.name().text(), values(a, ctx), a.span(), r);
                }
                default -> {
                    Arg a = namedArg(c, "isoflops(LAW, C = [1e19, 1e20, 1e21])");
                    return Isoflop.draw(law, lawName, a.name().text(), values(a, ctx), a.span(), r);
                }
            }
        }
        if (rollout != null) {
            if (s.items().size() > 1) {
                throw Failure.at(Code.PLOT_KIND, s.items().get(1).span(), "a rollout plot draws one rollout; plot "
                        + "each in its own statement");
            }
            return RolloutPlot.draw(rollout, r);
        }
        List<Law> laws = new ArrayList<>();
        for (Expr item : s.items()) {
            if (!(item instanceof Expr.Name n)) {
                String callee = item instanceof Expr.Call c ? c.callee().text() : null;
                throw Failure.at(Code.PLOT_KIND, item.span(), callee != null ? "'" + callee + "' is not a kind of plot"
                        : "a plot item is a law, a rollout or residuals(...), frontier(...), isoflops(...)",
                        callee != null ? law.diag.Suggest.didYouMean(callee, KINDS) : null);
            }
            laws.add(Declarations.lawNamed(n.name(), ctx));
        }
        return LawPlot.draw(laws, r);
    }

    /**
     * The rollout an item names ({@code let r = (rollout f by N)}) or is ({@code (rollout f by N)},
     * run here), or {@code null}.
     */
    private static law.query.Rollout rollout(Expr item, Context ctx) {
        if (item instanceof Expr.Name n && ctx.env().get(n.name().text()) != null
                && ctx.env().get(n.name().text()).value() instanceof law.query.Rollout ro) {
            return ro;
        }
        if (item instanceof Expr.QueryRef q && q.query() instanceof law.ast.Query.Rollout) {
            return (law.query.Rollout) ctx.evaluator().eval(item, Scope.strict());
        }
        return null;
    }

    private static Ident lawArg(Expr.Call c) {
        if (c.args().isEmpty() || c.args().get(0).named() || !(c.args().get(0).value() instanceof Expr.Name n)) {
            throw Failure.at(Code.PLOT_KIND, c.span(), c.callee().text() + "(...) takes a law's name first");
        }
        return n.name();
    }

    private static Arg namedArg(Expr.Call c, String usage) {
        if (c.args().size() != 2 || !c.args().get(1).named()) {
            throw Failure.at(Code.ARITY, c.span(), "write " + usage);
        }
        return c.args().get(1);
    }

    /** The values of {@code C = ...}: a plain range {@code a..b} gives 41 log-spaced points. */
    private static double[] values(Arg a, Context ctx) {
        double[] out;
        if (a.value() instanceof Expr.Range range && range.kind() == Expr.RangeKind.UNIT) {
            double lo = ctx.evaluator().number(range.from(), Scope.strict());
            double hi = ctx.evaluator().number(range.to(), Scope.strict());
            if (!(lo > 0 && hi > lo)) {
                throw Failure.at(Code.BAD_RANGE, range.span(), "a plot range runs from a positive number up");
            }
            out = Points.logspace(lo, hi, 41);
        } else {
            Value v = ctx.evaluator().eval(a.value(), Scope.strict());
            if (v instanceof Value.Items items) {
                out = items.items().stream().mapToDouble(e -> e.evaluate(java.util.Map.of())).toArray();
            } else {
                out = new double[] {ctx.evaluator().scalar(v, a.value()).number()};
            }
        }
        if (out.length == 0) {
            throw Failure.at(Code.BAD_RANGE, a.value().span(), "this list is empty: give at least one value");
        }
        for (double x : out) {
            if (!(x > 0) || !Double.isFinite(x)) {
                throw Failure.at(Code.BAD_RANGE, a.value().span(), "the values of " + a.name().text()
                        + " must be positive numbers");
            }
        }
        java.util.Arrays.sort(out);
        return out;
    }

}
