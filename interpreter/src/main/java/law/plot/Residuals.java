package law.plot;

import java.util.ArrayList;
import java.util.List;
import law.data.Table;
import law.model.Law;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code plot residuals(LAW) on DATA}: one panel per variable of the law, the residual of each
 * point against that variable (log axis when the variable is positive). Residuals are
 * {@code ln(y) - ln(law)} when data and predictions are positive, else {@code y - law}.
 */
final class Residuals {
    private Residuals() {
    }

    static List<XYChart> draw(Law law, Request r) {
        Table t = r.needData("residuals").table();
        String y = r.target();
        double[] obs = t.numeric(y);
        double[] pred = Request.predict(law, t, r.stmt().span());
        boolean log = LawPlot.positive(obs) && LawPlot.positive(pred);
        double[] res = residuals(law, t, y, log, r);
        double bound = Math.max(Math.abs(LawPlot.min(res)), Math.abs(LawPlot.max(res))) * 1.08;
        if (!(bound > 0)) {
            bound = 1;
        }
        List<String> vars = r.x() != null ? List.of(r.x()) : law.vars();
        List<Groups> groups = Groups.of(t, r.by(), r.stmt().span());
        List<XYChart> panels = new ArrayList<>();
        String yTitle = r.yLabel() != null ? r.yLabel()
                : log ? "ln " + y + " − ln " + law.name() : y + " − " + law.name();
        for (int p = 0; p < vars.size(); p++) {
            String v = vars.get(p);
            double[] xs = Request.column(t, v, r.optionSpan("x"));
            boolean logX = LawPlot.positive(xs);
            String title = p == 0 ? (r.title() != null ? r.title() : "residuals of " + law.name() + " on "
                    + r.data().name()) : " ";
            XYChart chart = Style.chart(r.width() / vars.size(), r.height(), title,
                    Request.label(v, List.of(law)), p == 0 ? yTitle : " ", logX, false,
                    Style.pad(LawPlot.min(xs), LawPlot.max(xs), logX, 0.04), new double[] {-bound, bound});
            chart.getStyler().setLegendVisible(groups.size() > 1 && p == vars.size() - 1);
            for (int g = 0; g < groups.size(); g++) {
                Groups grp = groups.get(g);
                double[] gx = grp.rows().numeric(v);
                double[] gy = residuals(law, grp.rows(), y, log, r);
                XYSeries s = chart.addSeries(groups.size() == 1 ? "residual" : grp.label(), gx, gy);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(Style.alpha(Style.color(g), 170));
            }
            double[] range = Style.pad(LawPlot.min(xs), LawPlot.max(xs), logX, 0.04);
            XYSeries zero = chart.addSeries("zero", range, new double[] {0, 0});
            zero.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            zero.setMarker(SeriesMarkers.NONE);
            zero.setLineColor(java.awt.Color.DARK_GRAY);
            zero.setLineStyle(SeriesLines.DASH_DASH);
            zero.setShowInLegend(false);
            panels.add(chart);
        }
        return panels;
    }

    private static double[] residuals(Law law, Table t, String y, boolean log, Request r) {
        double[] obs = t.numeric(y);
        double[] pred = Request.predict(law, t, r.stmt().span());
        double[] res = new double[obs.length];
        for (int i = 0; i < obs.length; i++) {
            res[i] = log ? Math.log(obs[i]) - Math.log(pred[i]) : obs[i] - pred[i];
        }
        return res;
    }
}
