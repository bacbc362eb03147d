package law.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import law.ast.Expr;
import law.ast.Ident;
import law.ast.Query;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Diagnostics;
import law.diag.Span;
import law.eval.Context;
import law.eval.Failure;
import law.eval.Interpreter;
import law.eval.Scope;
import law.eval.Value;
import law.model.Law;
import law.query.Queries;
import org.jfree.chart.JFreeChart;

/**
 * {@code plot frontier(LAW, C = 1e18..1e26)}: the compute-optimal allocation of every other
 * variable of the law (N*(C), D*(C)) as smooth lines (241 solved points), with the confidence
 * band the {@code optimal} query gives for a fitted law (solved at the given values, 41 for a
 * plain range, and interpolated between them in log-log space by an Akima spline). Each point is
 * an {@code optimal} query, so the frontier is exactly what {@code table C = ...: optimal N, D for
 * LAW at C} prints.
 */
final class Frontier {
    private Frontier() {
    }

    /** Solved points along a frontier line. */
    static final int LINE_POINTS = 241;

    /** One solved point: the at-value and, per asked variable, {value, lo, hi}. */
    record Point(double at, double[][] fields) {
    }

    static List<JFreeChart> draw(Law law, Ident lawName, String var, double[] at, Span argSpan, Request r) {
        List<String> asked = new ArrayList<>(law.vars());
        asked.remove(var);
        if (asked.isEmpty()) {
            throw Failure.at(Code.PLOT_INCOMPLETE, argSpan, "'" + var + "' is the law's only variable: "
                    + "there is nothing to allocate");
        }
        List<Point> band = law.fitted() == null ? List.of() : solve(lawName, asked, var, at, argSpan, r.ctx(), false);
        boolean hasBand = band.size() >= 2 && band.stream().allMatch(p -> !Double.isNaN(p.fields()[0][1]));
        double[] dense = at.length > 1 ? Points.logspace(at[0], at[at.length - 1], LINE_POINTS) : at;
        List<Point> line = solve(lawName, asked, var, dense, argSpan, r.ctx(), true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Point> ps : List.of(band, line)) {
            for (Point p : ps) {
                for (double[] f : p.fields()) {
                    for (double v : f) {
                        if (v > 0 && Double.isFinite(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
            }
        }
        String pct = Math.round(r.level() * 100) + "%";
        String title = r.titleOr("compute-optimal frontier of " + law.name());
        String yTitle = r.yLabel() != null ? r.yLabel()
                : String.join(", ", asked.stream().map(v -> v + "*(" + var + ")").toList());
        Style st = r.style();
        Figure f = new Figure(st, title, r.labelOfFit(law, r.xLabel(), var), yTitle, true, true,
                new double[] {at[0], at[at.length - 1]}, Style.pad(lo, hi, true, 0.04));
        for (int k = 0; k < asked.size(); k++) {
            Color c = Style.color(k);
            double[] ys = column(line, k, 0);
            if (hasBand) {
                f.band(dense, ys, interpolate(band, k, 1, dense), interpolate(band, k, 2, dense), c);
            } else {
                f.line(dense, ys, c, 0, st.line());
            }
            f.legend(asked.get(k) + "*(" + var + ")", c, null, 0);
            if (hasBand) {
                f.legendBand(pct + " interval of " + asked.get(k) + "*", c);
            }
        }
        return List.of(f.chart(r.legendOr(Legend.RIGHT), r.width(), r.height()));
    }

    private static double[] column(List<Point> ps, int k, int which) {
        double[] out = new double[ps.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ps.get(i).fields()[k][which];
        }
        return out;
    }

    /** A band edge at {@code xs}: an Akima spline of log(edge) on log(at) (straight lines with fewer than 5 points). */
    private static double[] interpolate(List<Point> ps, int k, int which, double[] xs) {
        double[] lx = ps.stream().mapToDouble(p -> Math.log(p.at())).toArray();
        double[] ly = ps.stream().mapToDouble(p -> Math.log(p.fields()[k][which])).toArray();
        org.hipparchus.analysis.UnivariateFunction fn = lx.length >= 5
                ? new org.hipparchus.analysis.interpolation.AkimaSplineInterpolator().interpolate(lx, ly)
                : new org.hipparchus.analysis.interpolation.LinearInterpolator().interpolate(lx, ly);
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double t = Math.min(lx[lx.length - 1], Math.max(lx[0], Math.log(xs[i])));
            out[i] = Math.exp(fn.value(t));
        }
        return out;
    }

    /** Runs {@code optimal ASKED for LAW at VAR = v} for each value, quietly (warnings summarised once). */
    static List<Point> solve(Ident lawName, List<String> asked, String var, double[] at, Span span, Context ctx,
                             boolean pointOnly) {
        Diagnostics quiet = new Diagnostics();
        Interpreter inner = new Interpreter(ctx.env(), quiet, res -> { }, ctx.options());
        Queries.install(inner);
        inner.context().sources().push(ctx.source());
        List<Ident> vars = asked.stream().map(v -> new Ident(v, span)).toList();
        List<Point> out = new ArrayList<>();
        try (law.eval.Progress.Task task = ctx.progress().start("plot: " + lawName.text() + " frontier", at.length)) {
            for (double c : at) {
                Query.Optimal q = new Query.Optimal(vars, lawName,
                        List.of(new Query.At(new Ident(var, span), new Expr.Num(c, law.report.Fmt.num(c), span), span)),
                        List.of(), span);
                Value v;
                try {
                    v = inner.query(q, pointOnly ? Scope.strict().pointOnly() : Scope.strict());
                } catch (Failure f) {
                    throw Failure.at(f.diagnostic().code(), span, "at " + var + " = " + law.report.Fmt.num(c) + ": "
                            + f.diagnostic().message());
                }
                double[][] fields = new double[asked.size()][];
                for (int k = 0; k < asked.size(); k++) {
                    fields[k] = estimate(((Value.Rec) v).fields().get(asked.get(k)));
                }
                out.add(new Point(c, fields));
                task.step();
            }
        }
        summarise(quiet, span, ctx);
        return out;
    }

    /** One warning of each code the solved points raised, so a 40-point frontier does not print 40. */
    static void summarise(Diagnostics quiet, Span span, Context ctx) {
        java.util.Set<Code> seen = new java.util.HashSet<>();
        for (Diagnostic d : quiet.all()) {
            if (seen.add(d.code())) {
                ctx.report(Diagnostic.warning(d.code(), span, d.message() + " (and possibly at other points of "
                        + "this plot)"));
            }
        }
    }

    /** {value, lo, hi} of a query field (NaN bounds when it has no interval). */
    static double[] estimate(Value v) {
        if (v instanceof Value.Scalar s) {
            return new double[] {s.number(), Double.NaN, Double.NaN};
        }
        Value.Rec r = (Value.Rec) v;
        return new double[] {((Value.Scalar) r.fields().get("value")).number(),
            ((Value.Scalar) r.fields().get("ci_low")).number(), ((Value.Scalar) r.fields().get("ci_high")).number()};
    }
}
