package law.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Span;
import law.eval.Context;
import law.model.Law;
import law.report.Fmt;

/** Warns when a query on a fitted law leaves the range of the data the law was fitted on. */
final class Extrapolation {
    private Extrapolation() {
    }

    /** Checks the values of the law's variables (those present in {@code at}) against the fitted ranges. */
    static void check(Law law, Map<String, Double> at, Span span, Context ctx) {
        if (law.fitted() == null || law.fitted().variableRanges() == null) {
            return;
        }
        List<String> messages = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        for (String var : law.vars()) {
            Double v = at.get(var);
            double[] range = law.fitted().variableRanges().get(var);
            if (v == null || range == null) {
                continue;
            }
            ctx.ledger().record(new law.eval.Ledger.Extent(span, law.name(), var, v, range[0], range[1]));
            String message = message(var, v, range[0], range[1]);
            if (message != null) {
                messages.add(message);
                ranges.add(var + " from " + Fmt.num(range[0], 4) + " to " + Fmt.num(range[1], 4));
            }
        }
        if (!messages.isEmpty()) {
            ctx.report(Diagnostic.warning(Code.EXTRAPOLATION, span, String.join("; ", messages)).withHelp("'"
                    + law.name() + "' was fitted on " + String.join(" and ", ranges)
                    + "; beyond that the law is an extrapolation"));
        }
    }

    /** "N = 1e12 is 14x beyond the largest fitted N (7e10)", or {@code null} inside the range. */
    static String message(String var, double v, double min, double max) {
        double slack = 1e-9;
        if (v > max + slack * Math.abs(max)) {
            String how = max > 0 ? " is " + Fmt.num(v / max, 2) + "x beyond" : " is beyond";
            return var + " = " + Fmt.num(v, 4) + how + " the largest fitted " + var + " (" + Fmt.num(max, 4) + ")";
        }
        if (v < min - slack * Math.abs(min)) {
            String how = v > 0 && min > 0 ? " is " + Fmt.num(min / v, 2) + "x below" : " is below";
            return var + " = " + Fmt.num(v, 4) + how + " the smallest fitted " + var + " (" + Fmt.num(min, 4) + ")";
        }
        return null;
    }
}
