package law.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import law.data.Table;
import law.model.Law;
import org.jfree.chart.JFreeChart;

/**
 * {@code plot residuals(LAW) on DATA}: one panel per variable of the law sharing one residual
 * axis, the residual of each point against that variable (log axis when the variable is
 * positive), one colour per group and a dashed zero line, both in the legend. Residuals are
 * {@code ln(y) - ln(law)} when data and predictions are positive, else {@code y - law}.
 */
final class Residuals {
    private Residuals() {
    }

    static List<JFreeChart> draw(Law law, Request r) {
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
        List<Figure> panels = new ArrayList<>();
        String yTitle = r.yLabel() != null ? r.yLabel() : log ? "ln " + y + " − ln " + law.name() : y + " − " + law.name();
        Style st = r.style();
        for (String v : vars) {
            double[] xs = Request.column(t, v, r.optionSpan("x"));
            boolean logX = LawPlot.positive(xs);
            double[] range = Style.pad(LawPlot.min(xs), LawPlot.max(xs), logX, 0.04);
            Figure f = new Figure(st, null, r.label(vars.size() == 1 ? r.xLabel() : null, v), yTitle, logX, false,
                    range, new double[] {-bound, bound});
            f.line(range, new double[] {0, 0}, Color.DARK_GRAY, 1, st.line() * 0.75f);
            for (int g = 0; g < groups.size(); g++) {
                Groups grp = groups.get(g);
                Color c = groups.size() == 1 ? Style.color(0) : Style.color(g);
                f.points(grp.rows().numeric(v), residuals(law, grp.rows(), y, log, r), Style.alpha(c, 170), st.dot());
                f.legend(groups.size() == 1 ? "residual (" + r.data().name() + ")" : grp.label(), c, st.dot(), -1);
            }
            f.legend("zero", Color.DARK_GRAY, null, 1);
            panels.add(f);
        }
        String title = r.titleOr("residuals of " + law.name() + " on " + r.data().name());
        return List.of(Figure.combined(panels, title, r.legendOr(Legend.INSIDE), r.width(), r.height()));
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
