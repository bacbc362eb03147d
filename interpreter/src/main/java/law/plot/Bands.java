package law.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import law.diag.Code;
import law.diag.Diagnostic;
import law.model.Law;
import law.query.PointIntervals;
import law.report.Fmt;

/**
 * The bands of {@code plot LAW on DATA { interval = prediction | confidence [, level = 0.9] }}:
 * along each curve of a fitted law, the interval {@code predict LAW at (...)} gives at each of
 * the curve's points. A law whose intervals cannot be computed (no covariance, no noise estimate)
 * is drawn without a band, with warning L0711.
 */
final class Bands {
    private final Law law;
    private final Request r;
    private final PointIntervals intervals;
    private boolean warned;

    private Bands(Law law, Request r, PointIntervals intervals) {
        this.law = law;
        this.r = r;
        this.intervals = intervals;
    }

    /** The bands of a law, or {@code null} when the plot asks for none or the law was not fitted. */
    static Bands of(Law law, Request r) {
        if (r.interval() == null) {
            return null;
        }
        PointIntervals iv = PointIntervals.of(law, r.level(), r.interval().equals("prediction"));
        return iv == null ? null : new Bands(law, r, iv);
    }

    /** The legend entry: {@code 95% prediction intervals}. */
    static String label(Request r) {
        return Fmt.num(100 * r.level(), 4) + "% " + r.interval() + " intervals";
    }

    /** The band's lower and upper ends at the curve's x values, or {@code null} (warned once). */
    double[][] along(Groups grp, String x, double[] xs) {
        double[][] out = new double[2][xs.length];
        for (int i = 0; i < xs.length; i++) {
            Map<String, Double> known = new LinkedHashMap<>(grp.at());
            known.put(x, xs[i]);
            Map<String, Double> vars = Points.variables(law, known, r.ctx().env().constraints());
            PointIntervals.Band b = vars == null ? new PointIntervals.Band(Double.NaN, Double.NaN, null,
                    "the curve does not fix every variable of the law") : intervals.at(vars);
            if (b.why() != null) {
                warn(b.why());
                return null;
            }
            out[0][i] = b.low();
            out[1][i] = b.high();
            r.methods().add(law.name() + ": " + b.method());
        }
        return out;
    }

    private void warn(String why) {
        if (!warned) {
            warned = true;
            r.ctx().report(Diagnostic.warning(Code.NO_INTERVAL, r.stmt().span(), "no " + r.interval() + " band for '"
                    + law.name() + "': " + why));
        }
    }
}
