package law.fit;

import law.ast.Option;
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Span;
import law.eval.Failure;
import law.numeric.Elementary;

/**
 * A robust loss's scale (Huber's threshold, soft_l1's and cauchy's {@code s}) must be above the
 * rounding of the residuals it is applied to. Below it no residual can be told to lie inside the
 * loss's quadratic zone: the exact Hessian is that of the few points the rounding happens to put
 * there, curvature valid over a width far below any step, and a trust region on it stops where it
 * started and says "converged" (huber(1e-30) on residuals near 1: every start of a grid did).
 */
final class LossScale {
    /**
     * The smallest scale, in ulps of the largest target in residual units: a residual rounds to a
     * few ulps, and within a few dozen of them too few residuals are resolved inside the zone for
     * the trust region's steps (thresholds of 2.5e-15 of the targets stalled or stopped off the
     * least-absolute-deviations optimum; 2.5e-14 reached it, on targets near 4 and near 4e6).
     */
    private static final int ULPS = 256;

    private LossScale() {
    }

    /** Refuses ({@code L0214}) a loss whose scale is below the rounding of residuals over targets {@code y}. */
    static void check(Stmt.Fit stmt, Loss loss, boolean log, double[] y, double[] w) {
        if (loss.kind() == Loss.Kind.SQUARED || loss.kind() == Loss.Kind.OVERESTIMATE) {
            return; // no scale: overestimate's k is a ratio of costs, quadratic on both sides
        }
        double res = rounding(y, w, log);
        if (!(loss.scale() < res)) {
            return;
        }
        String what = loss.kind() == Loss.Kind.HUBER ? "threshold" : "scale";
        String least = String.format(java.util.Locale.ROOT, "%.1e", Math.nextUp(res * 1.05));
        throw Failure.at(Code.BAD_OPTION, span(stmt), loss.describe() + " has a " + what + " below the rounding of "
                + "these " + (log ? "log " : "") + "residuals (about " + least + ", " + ULPS + " ulps of the largest "
                + (log ? "log target" : "target") + "): too few residuals can be told to lie inside its quadratic zone, "
                + "so its second derivatives say little about the fit and the optimum could not be checked",
                "use a " + what + " of at least " + least + "; one far below the residuals (say 1e-6 of their "
                + "size) already fits least absolute deviations to about that precision");
    }

    /**
     * {@link #ULPS} ulps of the largest residual-space target of a point with weight
     * ({@code log y}, at least 1, under log residuals).
     */
    static double rounding(double[] y, double[] w, boolean log) {
        double max = log ? 1 : 0;
        for (int i = 0; i < y.length; i++) {
            double z = log ? Elementary.log(y[i]) : y[i];
            max = w[i] > 0 && Double.isFinite(z) ? Math.max(max, Math.abs(z)) : max;
        }
        return ULPS * Math.ulp(max);
    }

    private static Span span(Stmt.Fit stmt) {
        for (Option o : stmt.options()) {
            if (o instanceof Option.Value v && v.key().equals("loss")) {
                return v.value().span();
            }
        }
        return stmt.span();
    }
}
