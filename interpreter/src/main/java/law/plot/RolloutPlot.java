package law.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import law.query.Rollout;
import org.jfree.chart.JFreeChart;

/**
 * {@code plot ROLLOUT}: each observation of a predicted rung, its prediction (from the refit on
 * the rungs below) against the observed value, with the prediction interval as a bar; one colour
 * per predicted rung, and the diagonal where prediction equals observation. Points on the
 * diagonal were predicted exactly; a bar that misses it is an observation outside its interval.
 */
final class RolloutPlot {
    private RolloutPlot() {
    }

    static List<JFreeChart> draw(Rollout ro, Request r) {
        List<Rollout.Prediction> made = ro.predictions().stream().filter(p -> Double.isFinite(p.predicted())).toList();
        if (made.isEmpty()) {
            throw law.eval.Failure.at(law.diag.Code.PLOT_INCOMPLETE, r.stmt().span(), "the rollout of '" + ro.fit()
                    + "' predicted nothing (every refit failed), so there is nothing to plot");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Rollout.Prediction p : made) {
            for (double v : new double[] {p.observed(), p.predicted(), p.low(), p.high()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        boolean log = lo > 0;
        double[] range = Style.pad(lo, hi, log, 0.06);
        Style st = r.style();
        String target = ro.target();
        Figure f = new Figure(st, r.titleOr("rollout of " + ro.fit() + " by " + ro.by() + ": each rung predicted "
                + "from the rungs below"), r.xLabel() != null ? r.xLabel() : "observed " + target,
                r.yLabel() != null ? r.yLabel() : "predicted " + target, log, log, range, range);
        f.line(new double[] {range[0], range[1]}, new double[] {range[0], range[1]}, new Color(0x999999), 1,
                st.line() * 0.6f);
        f.legend("predicted = observed", new Color(0x999999), null, 1);
        List<String> keys = new ArrayList<>();
        made.forEach(p -> {
            if (!keys.contains(key(p))) {
                keys.add(key(p));
            }
        });
        for (int g = 0; g < keys.size(); g++) {
            String k = keys.get(g);
            List<Rollout.Prediction> ps = made.stream().filter(p -> key(p).equals(k)).toList();
            Color c = Style.color(g);
            double[] xs = ps.stream().mapToDouble(Rollout.Prediction::observed).toArray();
            double[] ys = ps.stream().mapToDouble(Rollout.Prediction::predicted).toArray();
            double[] los = ps.stream().mapToDouble(p -> Double.isFinite(p.low()) ? p.low() : p.predicted()).toArray();
            double[] his = ps.stream().mapToDouble(p -> Double.isFinite(p.high()) ? p.high() : p.predicted()).toArray();
            f.bars(xs, ys, los, his, c, st.dot());
            Rollout.Prediction first = ps.get(0);
            f.legend(ro.by() + " = " + Groups.compact(first.rungValue()) + " from " + first.trainRungs() + " rung"
                    + (first.trainRungs() == 1 ? "" : "s"), c, st.dot(), -1);
        }
        f.legend("bars: " + law.report.Fmt.num(100 * ro.level(), 4) + "% prediction intervals", new Color(0x555555),
                null, -1);
        return List.of(f.chart(r.legendOr(Legend.RIGHT), r.width(), r.height()));
    }

    /** A colour per refit and predicted rung. */
    private static String key(Rollout.Prediction p) {
        return p.rung() + "/" + p.trainRungs();
    }
}
