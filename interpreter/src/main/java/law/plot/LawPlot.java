package law.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.data.Table;
import law.model.Law;
import org.jfree.chart.JFreeChart;

/**
 * {@code plot LAW, ... on DATA [by COLS] { x = VAR }}: the data's target against x on log-log
 * axes, with each law drawn as a curve per group. Colours are the groups (their points and
 * curves), line styles the laws; the legend names both. With one group the laws get a colour
 * each as well.
 */
final class LawPlot {
    private LawPlot() {
    }

    /** Points per curve: dense enough to look smooth at any size. */
    static final int CURVE_POINTS = 240;

    static List<JFreeChart> draw(List<Law> laws, Request r) {
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
        String names = String.join(", ", laws.stream().map(Law::name).toList());
        String title = r.titleOr(names + " on " + r.data().name()
                + (r.by().isEmpty() ? "" : " by " + String.join(", ", r.by())));
        Style st = r.style();
        Figure f = new Figure(st, title, r.label(r.xLabel(), x), r.label(r.yLabel(), y), logX, logY,
                Style.pad(min(xs), max(xs), logX, 0.04), Style.pad(min(ys), max(ys), logY, 0.06));
        boolean oneGroup = groups.size() == 1;
        for (int g = 0; g < groups.size(); g++) {
            Color c = oneGroup ? new Color(0x555555) : Style.color(g);
            Groups grp = groups.get(g);
            f.points(grp.rows().numeric(x), grp.rows().numeric(y), Style.alpha(c, 150), st.dot());
            f.legend(oneGroup ? "data (" + r.data().name() + ")" : grp.label(), c, st.dot(), oneGroup ? -1 : 0);
        }
        boolean banded = false;
        for (int k = 0; k < laws.size(); k++) {
            Law law = laws.get(k);
            Color lawColour = oneGroup ? Style.color(k) : new Color(0x333333);
            Bands bands = Bands.of(law, r);
            for (int g = 0; g < groups.size(); g++) {
                double[][] curve = curve(law, groups.get(g), x, r);
                Color c = oneGroup ? Style.color(k) : Style.color(g);
                if (curve.length > 2) {
                    f.points(curve[0], curve[1], c, st.cross());
                } else if (curve[0].length >= 2) {
                    double[][] band = bands == null ? null : bands.along(groups.get(g), x, curve[0]);
                    if (band != null) {
                        f.fill(curve[0], band[0], band[1], c);
                        banded = true;
                    }
                    f.line(curve[0], curve[1], c, k, st.line());
                }
            }
            f.legend(law.name(), lawColour, null, k);
        }
        if (banded) {
            f.legendBand(Bands.label(r), new Color(0x777777));
        }
        return List.of(f.chart(r.legendOr(Legend.RIGHT), r.width(), r.height()));
    }

    /** The law's curve for one group over the group's x range; NaN points dropped. */
    static double[][] curve(Law law, Groups grp, String x, Request r) {
        double[] gx = grp.rows().numeric(x);
        double lo = min(gx);
        double hi = max(gx);
        if (!(lo > 0) || !(hi > lo)) {
            return predictionsAt(law, grp.rows(), x);
        }
        double[] grid = Points.logspace(lo / 1.15, hi * 1.15, CURVE_POINTS);
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
        return Figure.unzip(pts);
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
        double[][] xy = Figure.unzip(pts);
        return new double[][] {xy[0], xy[1], {}};
    }

    private static String defaultX(Law law, List<String> by) {
        for (String v : law.vars()) {
            if (!by.contains(v)) {
                return v;
            }
        }
        return law.vars().get(0);
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
