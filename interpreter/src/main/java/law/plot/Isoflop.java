package law.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Ident;
import law.data.Table;
import law.diag.Span;
import law.model.Law;
import org.jfree.chart.JFreeChart;

/**
 * {@code plot isoflops(LAW, C = [1e19, 1e20]) [on DATA]}: for each compute budget, the law's value
 * against model size N along the budget (D from the constraints, D = C / (6 N)), the optimum
 * (the {@code optimal} query) marked, and the data points of that budget when data is given. A
 * curve spans its budget's runs (and its optimum), or a decade either side of the optimum when
 * the budget has none.
 */
final class Isoflop {
    private Isoflop() {
    }

    static List<JFreeChart> draw(Law law, Ident lawName, String var, double[] budgets, Span argSpan, Request r) {
        String x = r.x() != null ? r.x() : law.vars().get(0);
        List<Frontier.Point> optima = Frontier.solve(lawName, List.of(x), var, budgets, argSpan, r.ctx(), true);
        Table t = r.data() == null ? null : r.data().table();
        String y = t == null ? null : r.target();
        List<double[][]> curves = new ArrayList<>();
        List<double[][]> points = new ArrayList<>();
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < budgets.length; b++) {
            double opt = optima.get(b).fields()[0][0];
            double[][] data = t == null ? new double[2][0] : budgetRows(t, var, x, y, budgets[b], r);
            // over the budget's runs (a little wider) and the optimum, else a decade either side of it
            boolean runs = data[0].length > 0;
            double lo = runs ? Math.min(opt / 1.5, LawPlot.min(data[0]) / 1.4) : opt / 10;
            double hi = runs ? Math.max(opt * 1.5, LawPlot.max(data[0]) * 1.4) : opt * 10;
            List<double[]> pts = new ArrayList<>();
            for (double n : Points.logspace(lo, hi, LawPlot.CURVE_POINTS)) {
                Map<String, Double> known = new LinkedHashMap<>();
                known.put(var, budgets[b]);
                known.put(x, n);
                double v = Points.value(law, known, r.ctx().env().constraints());
                if (Double.isFinite(v) && v > 0) {
                    pts.add(new double[] {n, v});
                }
            }
            double[][] curve = Figure.unzip(pts);
            curves.add(curve);
            points.add(data);
            xlo = Math.min(xlo, lo);
            xhi = Math.max(xhi, hi);
            for (double[][] arr : List.of(curve, data)) {
                for (double v : arr[1]) {
                    ylo = Math.min(ylo, v);
                }
            }
            // the top of the y axis: the runs and the curves over them, or a curve not far above its optimum
            double atOpt = Points.value(law, Map.of(var, budgets[b], x, opt), r.ctx().env().constraints());
            double curveTop = LawPlot.max(curve[1]);
            yhi = Math.max(yhi, runs ? Math.max(LawPlot.max(data[1]), curveTop) : Math.min(curveTop, atOpt * 1.25));
        }
        String title = r.titleOr("IsoFLOP curves of " + law.name()
                + (r.data() != null ? " and " + r.data().name() : ""));
        Style st = r.style();
        Figure f = new Figure(st, title, r.label(r.xLabel(), x),
                r.yLabel() != null ? r.yLabel() : y != null ? r.label(null, y) : law.name() + "(" + String.join(", ",
                        law.vars()) + ")", true, true, new double[] {xlo, xhi}, Style.pad(ylo, yhi, true, 0.04));
        double[] ox = new double[budgets.length];
        double[] oy = new double[budgets.length];
        for (int b = 0; b < budgets.length; b++) {
            Color c = Style.color(b);
            f.line(curves.get(b)[0], curves.get(b)[1], c, 0, st.line());
            boolean data = points.get(b)[0].length > 0;
            if (data) {
                f.points(points.get(b)[0], points.get(b)[1], Style.alpha(c, 190), st.dot());
            }
            f.legend(var + " = " + budget(budgets[b]), c, data ? st.dot() : null, 0);
            ox[b] = optima.get(b).fields()[0][0];
            oy[b] = Points.value(law, Map.of(var, budgets[b], x, ox[b]), r.ctx().env().constraints());
        }
        f.markedLine(ox, oy, Color.BLACK, 2, st.diamond());
        f.legend("optimum " + x + "*(" + var + ")", Color.BLACK, st.diamond(), 2);
        return List.of(f.chart(r.legendOr(Legend.RIGHT), r.width(), r.height()));
    }

    /** A budget for the legend: {@code 6×10¹⁸}, {@code 10²⁰}. */
    static String budget(double v) {
        return LogTicks.times(v, 3);
    }

    /** The data rows whose budget column is within 2% of {@code budget}: {x values, y values}. */
    private static double[][] budgetRows(Table t, String var, String x, String y, double budget, Request r) {
        double[] cs = Request.column(t, var, r.stmt().span());
        double[] xs = Request.column(t, x, r.optionSpan("x"));
        double[] ys = t.numeric(y);
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < cs.length; i++) {
            if (Math.abs(cs[i] / budget - 1) < 0.02) {
                pts.add(new double[] {xs[i], ys[i]});
            }
        }
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        return Figure.unzip(pts);
    }

}
