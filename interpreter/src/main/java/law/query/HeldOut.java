package law.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.expr.Derivative;
import law.expr.Expr;
import law.model.Fitted;
import law.model.Law;

/**
 * What {@code compare ... holdout COND} reports beyond the held-out RMSE, as extrapolation tables
 * in papers do: the relative error at the largest held-out point (the held-out row with the
 * largest first argument of the law, e.g. the largest N), and for a fitted law the share of
 * held-out observations inside their 95% prediction intervals ({@link PredictionIntervals}).
 *
 * @param row      the largest held-out row (0-based), or -1 when the item has no arguments
 * @param relative {@code (predicted - observed) / observed} at that row
 * @param covered  held-out rows inside their prediction interval (-1: no interval, e.g. a law
 *                 without a fit or a fit without noise)
 * @param total    held-out rows with an interval
 */
record HeldOut(int row, double relative, int covered, int total) {

    /** The level of the coverage's prediction intervals. */
    static final double LEVEL = 0.95;

    /** The extrapolation figures of {@code item} with predictions {@code p} of targets {@code y}. */
    static HeldOut of(Nesting.Item item, double[] y, double[] p, boolean[] held) {
        int row = largest(item, held);
        double relative = row < 0 ? Double.NaN : (p[row] - y[row]) / y[row];
        Law law = item.law();
        if (law == null || law.fitted() == null || law.fitted().noise() == null
                || item.argValues().length != law.vars().size()) {
            return new HeldOut(row, relative, -1, 0);
        }
        int covered = 0;
        int total = 0;
        for (int i = 0; i < held.length; i++) {
            if (!held[i]) {
                continue;
            }
            PredictionIntervals.Interval iv = interval(law, item, i);
            if (iv.why() == null) {
                total++;
                covered += iv.low() <= y[i] && y[i] <= iv.high() ? 1 : 0;
            }
        }
        return new HeldOut(row, relative, total == 0 ? -1 : covered, total);
    }

    /** The coverage as text: {@code 5/6}, or {@code -} without intervals. */
    String coverage() {
        return covered < 0 ? "-" : covered + "/" + total;
    }

    private static int largest(Nesting.Item item, boolean[] held) {
        if (item.argValues().length == 0) {
            return -1;
        }
        double[] first = item.argValues()[0];
        int row = -1;
        for (int i = 0; i < held.length; i++) {
            if (held[i] && Double.isFinite(first[i]) && (row < 0 || first[i] > first[row])) {
                row = i;
            }
        }
        return row;
    }

    /** The prediction interval of the law at row {@code i}'s arguments. */
    private static PredictionIntervals.Interval interval(Law law, Nesting.Item item, int i) {
        Map<String, Expr> subst = new LinkedHashMap<>();
        List<String> vars = law.vars();
        for (int k = 0; k < vars.size(); k++) {
            subst.put(vars.get(k), Expr.num(item.argValues()[k][i]));
        }
        Expr atBody = law.body().substitute(subst);
        Fitted fit = law.fitted();
        List<String> names = fit.parameterNames();
        double[] jac = new double[names.size()];
        for (int q = 0; q < names.size(); q++) {
            jac[q] = Derivative.of(atBody, names.get(q)).evaluate(law.values());
        }
        double value = atBody.evaluate(law.values());
        return PredictionIntervals.of(fit, law.values(), atBody::evaluate, value, jac, LEVEL);
    }
}
