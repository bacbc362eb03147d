package law.fit;

import law.ast.Option;
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Span;
import law.eval.Failure;

/**
 * A robust loss's scale (Huber's threshold, soft_l1's and cauchy's {@code s}) must be above the
 * rounding of the residuals it is applied to. Below it no residual can be told to lie inside the
 * loss's quadratic zone: the exact Hessian is that of the few points the rounding happens to put
 * there, curvature valid over a width far below any step, and a trust region on it stops where it
 * started and says "converged" (huber(1e-30) on residuals near 1: every start of a grid did).
 */
final class LossScale {
    /** Rounding of a residual: a few ulps of the largest target in residual units. */
    private static final int ULPS = 8;

    private LossScale() {
    }

    /** Refuses ({@code L0214}) a loss whose scale is below the rounding of residuals over targets {@code y}. */
    static void check(Stmt.Fit stmt, Loss loss, boolean log, double[] y) {
        if (loss.kind() == Loss.Kind.SQUARED) {
            return;
        }
        double res = rounding(y, log);
        if (!(loss.scale() < res)) {
            return;
        }
        String what = loss.kind() == Loss.Kind.HUBER ? "threshold" : "scale";
        String least = String.format(java.util.Locale.ROOT, "%.1e", Math.nextUp(res * 1.05));
        throw Failure.at(Code.BAD_OPTION, span(stmt), loss.describe() + " has a " + what + " below the rounding of "
                + "these " + (log ? "log " : "") + "residuals (about " + least + ", " + ULPS + " ulps of the largest "
                + (log ? "log target" : "target") + "): no residual can be told to lie inside its quadratic zone, so its "
                + "second derivatives say nothing about the fit and no optimum could be checked",
                "use a " + what + " of at least " + least + "; one far below the residuals (say 1e-6 of their "
                + "size) already fits least absolute deviations to about that precision");
    }

    /** {@link #ULPS} ulps of the largest residual-space target ({@code log y} at least 1 under log residuals). */
    static double rounding(double[] y, boolean log) {
        double max = log ? 1 : 0;
        for (double v : y) {
            double z = log ? Math.log(v) : v;
            max = Double.isFinite(z) ? Math.max(max, Math.abs(z)) : max;
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
