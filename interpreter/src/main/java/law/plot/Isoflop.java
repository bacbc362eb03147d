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
import law.report.Fmt;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code plot isoflops(LAW, C = [1e19, 1e20]) [on DATA]}: for each compute budget, the law's value
 * against model size N along the budget (D from the constraints, D = C / (6 N)), the optimum
 * (the {@code optimal} query) marked, and the data points of that budget when data is given.
 */
final class Isoflop {
    private Isoflop() {
    }

    static List<XYChart> draw(Law law, Ident lawName, String var, double[] budgets, Span argSpan, Request r) {
        String x = r.x() != null ? r.x() : law.vars().get(0);
        List<Frontier.Point> optima = Frontier.solve(lawName, List.of(x), var, budgets, argSpan, r.ctx());
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
            double lo = Math.min(opt / 30, data[0].length > 0 ? LawPlot.min(data[0]) / 1.3 : Double.POSITIVE_INFINITY);
            double hi = Math.max(opt * 30, data[0].length > 0 ? LawPlot.max(data[0]) * 1.3 : 0);
            List<double[]> pts = new ArrayList<>();
            for (double n : Points.logspace(lo, hi, 80)) {
                Map<String, Double> known = new LinkedHashMap<>();
                known.put(var, budgets[b]);
                known.put(x, n);
                double v = Points.value(law, known, r.ctx().env().constraints());
                if (Double.isFinite(v) && v > 0) {
                    pts.add(new double[] {n, v});
                }
            }
            double[][] curve = LawPlot.unzip(pts);
            curves.add(curve);
            points.add(data);
            xlo = Math.min(xlo, lo);
            xhi = Math.max(xhi, hi);
            for (double[][] arr : List.of(curve, data)) {
                for (double v : arr[1]) {
                    ylo = Math.min(ylo, v);
                }
            }
            // the top of the y axis: the data, or the curve not far above its optimum
            double top = data[1].length > 0 ? LawPlot.max(data[1]) : 0;
            double atOpt = Points.value(law, Map.of(var, budgets[b], x, opt), r.ctx().env().constraints());
            yhi = Math.max(yhi, Math.max(top, atOpt * 1.25));
        }
        String title = r.title() != null ? r.title() : "IsoFLOP curves of " + law.name()
                + (r.data() != null ? " and " + r.data().name() : "");
        XYChart chart = Style.chart(r.width(), r.height(), title,
                r.xLabel() != null ? r.xLabel() : Request.label(x, List.of(law)),
                r.yLabel() != null ? r.yLabel() : y != null ? Request.label(y, List.of(law)) : "loss (" + law.name() + ")",
                true, true, new double[] {xlo, xhi}, Style.pad(ylo, yhi, true, 0.04));
        double[] ox = new double[budgets.length];
        double[] oy = new double[budgets.length];
        for (int b = 0; b < budgets.length; b++) {
            Color c = Style.color(b);
            String label = var + " = " + Style.tick(budgets[b]);
            XYSeries s = chart.addSeries(label, curves.get(b)[0], curves.get(b)[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(c);
            if (points.get(b)[0].length > 0) {
                XYSeries d = chart.addSeries(label + " data", points.get(b)[0], points.get(b)[1]);
                d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                d.setMarker(SeriesMarkers.CIRCLE);
                d.setMarkerColor(Style.alpha(c, 190));
                d.setShowInLegend(false);
            }
            ox[b] = optima.get(b).fields()[0][0];
            oy[b] = Points.value(law, Map.of(var, budgets[b], x, ox[b]), r.ctx().env().constraints());
        }
        XYSeries o = chart.addSeries("optimum " + x + "*", ox, oy);
        o.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        o.setMarker(SeriesMarkers.DIAMOND);
        o.setMarkerColor(Color.BLACK);
        o.setLineColor(Style.alpha(Color.BLACK, 120));
        o.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DOT_DOT);
        chart.getStyler().setMarkerSize(7);
        return List.of(chart);
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
        return LawPlot.unzip(pts);
    }

    static String label(double v) {
        return Fmt.num(v, 3);
    }
}
