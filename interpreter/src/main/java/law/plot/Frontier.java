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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code plot frontier(LAW, C = 1e18..1e26)}: the compute-optimal allocation of every other
 * variable of the law (N*(C), D*(C)) as lines, with the confidence band the {@code optimal}
 * query gives for a fitted law. Each point is an {@code optimal} query, so the frontier is
 * exactly what {@code table C = ...: optimal N, D for LAW at C} prints.
 */
final class Frontier {
    private Frontier() {
    }

    /** One solved point: the at-value and, per asked variable, {value, lo, hi}. */
    record Point(double at, double[][] fields) {
    }

    static List<XYChart> draw(Law law, Ident lawName, String var, double[] at, Span argSpan, Request r) {
        List<String> asked = new ArrayList<>(law.vars());
        asked.remove(var);
        if (asked.isEmpty()) {
            throw Failure.at(Code.PLOT_INCOMPLETE, argSpan, "'" + var + "' is the law's only variable: "
                    + "there is nothing to allocate");
        }
        List<Point> points = solve(lawName, asked, var, at, argSpan, r.ctx());
        boolean band = points.stream().anyMatch(p -> !Double.isNaN(p.fields()[0][1]));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            for (double[] f : p.fields()) {
                for (double v : f) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        String title = r.title() != null ? r.title() : "compute-optimal frontier of " + law.name()
                + (band ? " (" + Math.round(r.level() * 100) + "% band)" : "");
        String yTitle = r.yLabel() != null ? r.yLabel() : String.join(", ", asked.stream().map(v -> v + "*").toList())
                + " — " + String.join("; ", asked.stream().map(v -> Request.label(v, List.of(law))
                        .replaceFirst("^" + v + " — ", "").replaceFirst("[,(].*$", "").trim()).toList());
        XYChart chart = Style.chart(r.width(), r.height(), title,
                r.xLabel() != null ? r.xLabel() : Request.label(var, List.of(law)), yTitle, true, true,
                new double[] {at[0], at[at.length - 1]}, Style.pad(lo, hi, true, 0.04));
        for (int k = 0; k < asked.size(); k++) {
            Color c = Style.color(k);
            double[] xs = new double[points.size()];
            double[] ys = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                xs[i] = points.get(i).at();
                ys[i] = points.get(i).fields()[k][0];
            }
            if (band) {
                // the interval's ends as thin lines (XChart's filled polygons do not draw on log axes)
                for (int end = 1; end <= 2; end++) {
                    double[] ys2 = new double[points.size()];
                    for (int i = 0; i < points.size(); i++) {
                        ys2[i] = points.get(i).fields()[k][end];
                    }
                    XYSeries b = chart.addSeries(asked.get(k) + "* 95% CI" + (end == 2 ? " " : ""), xs, ys2);
                    b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    b.setMarker(SeriesMarkers.NONE);
                    b.setLineColor(Style.alpha(c, 150));
                    b.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
                    b.setShowInLegend(end == 1);
                }
            }
            XYSeries s = chart.addSeries(asked.get(k) + "*(" + var + ")", xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(c);
        }
        return List.of(chart);
    }

    /** Runs {@code optimal ASKED for LAW at VAR = v} for each value, quietly (warnings summarised once). */
    static List<Point> solve(Ident lawName, List<String> asked, String var, double[] at, Span span, Context ctx) {
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
                    v = inner.query(q, Scope.strict());
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
