package law.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.data.Table;
import law.model.Law;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code plot LAW, ... on DATA [by COLS] { x = VAR }}: the data's target against x on log-log
 * axes, with each law drawn as a curve per group. One law: each group has its own colour, shared
 * by its points and its curve. Several laws: points are grey per group, each law has a colour and
 * a line style, and the legend names the laws.
 */
final class LawPlot {
    private LawPlot() {
    }

    private static final java.awt.BasicStroke[] LINES = {SeriesLines.SOLID, SeriesLines.DASH_DASH,
        SeriesLines.DOT_DOT, SeriesLines.DASH_DOT};

    static List<XYChart> draw(List<Law> laws, Request r) {
        Table t = r.needData("law").table();
        String y = r.target();
        String x = r.x() != null ? r.x() : defaultX(laws.get(0), r.by());
        double[] xs = Request.column(t, x, r.optionSpan("x"));
        double[] ys = Request.column(t, y, r.optionSpan("y"));
        for (Law law : laws) {
            Request.predict(law, t, r.stmt().span());
        }
        List<Groups> groups = Groups.of(t, r.by(), r.stmt().span());
        boolean logX = positive(xs);
        boolean logY = positive(ys);
        double[] xRange = Style.pad(min(xs), max(xs), logX, 0.04);
        double[] yRange = Style.pad(min(ys), max(ys), logY, 0.06);
        String names = String.join(", ", laws.stream().map(Law::name).toList());
        String title = r.title() != null ? r.title() : names + " on " + r.data().name()
                + (r.by().isEmpty() ? "" : " by " + String.join(", ", r.by()));
        XYChart chart = Style.chart(r.width(), r.height(), title,
                r.xLabel() != null ? r.xLabel() : Request.label(x, laws),
                r.yLabel() != null ? r.yLabel() : Request.label(y, laws), logX, logY, xRange, yRange);
        boolean single = laws.size() == 1;
        for (int g = 0; g < groups.size(); g++) {
            Groups grp = groups.get(g);
            Color c = single ? Style.color(g) : grey(g, groups.size());
            String name = groups.size() == 1 ? "data (" + r.data().name() + ")" : grp.label();
            XYSeries pts = chart.addSeries(name, grp.rows().numeric(x), grp.rows().numeric(y));
            pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            pts.setMarker(SeriesMarkers.CIRCLE);
            pts.setMarkerColor(Style.alpha(c, 170));
            pts.setShowInLegend(single || groups.size() == 1 || g == 0);
            if (!single && groups.size() > 1 && g == 0) {
                pts.setLabel("data (" + r.data().name() + ")");
            }
        }
        for (int k = 0; k < laws.size(); k++) {
            Law law = laws.get(k);
            for (int g = 0; g < groups.size(); g++) {
                Groups grp = groups.get(g);
                double[][] curve = curve(law, grp, x, r);
                if (curve[0].length < 2) {
                    continue;
                }
                String name = law.name() + (groups.size() > 1 ? " · " + grp.label() : "");
                XYSeries s = chart.addSeries(name, curve[0], curve[1]);
                if (curve.length > 2) {
                    // the law is not determined along x alone: mark its value at each data point
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    s.setMarker(SeriesMarkers.CROSS);
                    s.setMarkerColor(single ? Style.color(g) : Style.color(k));
                } else {
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    s.setMarker(SeriesMarkers.NONE);
                }
                s.setLineColor(single ? Style.color(g) : Style.color(k));
                s.setLineStyle(single ? SeriesLines.SOLID : LINES[k % LINES.length]);
                boolean legend = single ? groups.size() == 1 : g == 0;
                s.setShowInLegend(legend);
                if (legend) {
                    s.setLabel(law.name());
                }
            }
        }
        if (single && groups.size() > 1) {
            chart.getStyler().setLegendVisible(true);
        }
        return List.of(chart);
    }

    /** The law's curve for one group over the group's x range; NaN points dropped. */
    static double[][] curve(Law law, Groups grp, String x, Request r) {
        double[] gx = grp.rows().numeric(x);
        double lo = min(gx);
        double hi = max(gx);
        if (!(lo > 0) || !(hi > lo)) {
            return predictionsAt(law, grp.rows(), x);
        }
        double[] grid = Points.logspace(lo / 1.15, hi * 1.15, 80);
        List<double[]> pts = new ArrayList<>();
        for (double v : grid) {
            Map<String, Double> known = new LinkedHashMap<>(grp.at());
            known.put(x, v);
            double y = Points.value(law, known, r.ctx().env().constraints());
            if (Double.isNaN(y) && pts.isEmpty() && !law.vars().contains(x)) {
                return predictionsAt(law, grp.rows(), x);
            }
            if (Double.isFinite(y)) {
                pts.add(new double[] {v, y});
            }
        }
        if (pts.isEmpty()) {
            return predictionsAt(law, grp.rows(), x);
        }
        return unzip(pts);
    }

    /**
     * When the group does not fix the law's other variables: the law at the group's own points, by
     * x; a third (empty) row marks the result as points rather than a curve.
     */
    private static double[][] predictionsAt(Law law, Table rows, String x) {
        double[] pred = Request.predict(law, rows, null);
        double[] gx = rows.numeric(x);
        Integer[] order = new Integer[gx.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(gx[a], gx[b]));
        List<double[]> pts = new ArrayList<>();
        for (int i : order) {
            if (Double.isFinite(pred[i])) {
                pts.add(new double[] {gx[i], pred[i]});
            }
        }
        double[][] xy = unzip(pts);
        return new double[][] {xy[0], xy[1], {}};
    }

    static double[][] unzip(List<double[]> pts) {
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }

    private static String defaultX(Law law, List<String> by) {
        for (String v : law.vars()) {
            if (!by.contains(v)) {
                return v;
            }
        }
        return law.vars().get(0);
    }

    private static Color grey(int g, int n) {
        int v = n <= 1 ? 110 : 70 + (int) (110.0 * g / (n - 1));
        return new Color(v, v, v);
    }

    static boolean positive(double[] v) {
        for (double x : v) {
            if (!(x > 0)) {
                return false;
            }
        }
        return v.length > 0;
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.min(m, x);
            }
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, x);
            }
        }
        return m;
    }
}
