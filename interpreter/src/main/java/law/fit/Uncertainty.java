package law.fit;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The covariance of the estimates at the optimum, held as standard errors and correlations in
 * parameter units: {@code cov_jk = se_j se_k rho_jk}. A parameter near 1e297 known to 1% has a
 * standard error near 1e295, a double, and a variance near 1e590, which is not; so the standard
 * errors are kept per parameter and only the covariance matrix ({@link #covariance()}) is lost.
 *
 * <ul>
 *   <li>squared loss: {@code s^2 (J^T W J)^-1}, J the Jacobian of the residuals, scaled by the
 *       residual variance {@code s^2 = sum w r^2 / (n - p)};</li>
 *   <li>robust losses: the sandwich {@code n/(n-p) H^-1 (sum (w psi(r))^2 dr dr^T) H^-1}, H the exact
 *       Hessian of the summed objective, which stays valid when the loss is not a likelihood.</li>
 * </ul>
 * Matrices are inverted in correlation form (scaled to a unit diagonal), whose condition number is
 * reported: it does not depend on the parameters' units.
 *
 * @param se          per parameter its standard error; {@code +Infinity} where it is above the
 *                    largest double ({@link #unrepresentable}); null when there are none
 * @param correlation the correlations of the estimates, or null
 * @param reason      why there are no standard errors at all, or null
 * @param condition   the condition number of the scaled information matrix (NaN if unknown)
 * @param dof         residual degrees of freedom
 * @param tQuantile   the 97.5% quantile of Student's t with {@code dof} degrees of freedom
 * @param unidentified parameters the data cannot determine (empty when all can be)
 * @param gradient    the gradient of the objective at the optimum, in parameter units
 * @param method      how the covariance was computed when it is not the default for the loss
 *                    ({@link #EXPECTED_HESSIAN}), else null
 */
public record Uncertainty(double[] se, double[][] correlation, String reason, double condition, int dof,
                          double tQuantile, List<String> unidentified, double[] gradient, String method) {

    /** The method of {@link RobustCovariance}: Huber's sandwich with the expected Hessian. */
    public static final String EXPECTED_HESSIAN = "huber_expected_hessian";

    /** No standard errors, for {@code reason}. */
    static Uncertainty none(String reason, double condition, int dof, double tQuantile, List<String> unidentified,
                            double[] gradient) {
        return new Uncertainty(null, null, reason, condition, dof, tQuantile, unidentified, gradient, null);
    }

    /**
     * The covariance matrix in parameter units, or null when there are no standard errors or an
     * entry has no double (a variance above about 1.8e308).
     */
    public double[][] covariance() {
        if (se == null) {
            return null;
        }
        int m = se.length;
        double[][] out = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                out[j][k] = j == k ? se[j] * se[j] : se[j] * se[k] * correlation[j][k];
                if (!Double.isFinite(out[j][k])) {
                    return null;
                }
            }
        }
        return out;
    }

    /** The standard error of parameter {@code j}, NaN when unknown or above the largest double. */
    public double se(int j) {
        return se == null || !Double.isFinite(se[j]) ? Double.NaN : se[j];
    }

    /** The correlation of parameters {@code j} and {@code k}, NaN when unknown. */
    public double correlation(int j, int k) {
        return correlation == null ? Double.NaN : correlation[j][k];
    }

    /** The parameters whose standard error is above the largest double (about 1.8e308). */
    public List<String> unrepresentable(List<String> names) {
        List<String> out = new ArrayList<>();
        for (int j = 0; se != null && j < se.length; j++) {
            if (!Double.isFinite(se[j])) {
                out.add(names.get(j));
            }
        }
        return out;
    }

    /** This uncertainty with every variance multiplied by {@code factor} (the correlations unchanged). */
    Uncertainty times(double factor) {
        double[] s = se == null ? null : java.util.Arrays.stream(se).map(x -> x * Math.sqrt(factor)).toArray();
        return new Uncertainty(s, correlation, reason, condition, dof, tQuantile, unidentified, gradient, method);
    }

    /** This uncertainty with {@code dof}, {@code t}, {@code gradient} and {@code method} replaced. */
    Uncertainty with(int dof, double tQuantile, double[] gradient, String method) {
        return new Uncertainty(se, correlation, reason, condition, dof, tQuantile, unidentified, gradient, method);
    }

    /** Computes the uncertainty of the optimum {@code p} of {@code pr} with weights {@code w}. */
    static Uncertainty at(Problem pr, double[] p, double[] w) {
        int ew = weightExponent(w);
        Uncertainty u = scaledAt(pr, p, scalb(w, -ew));
        if (u.gradient != null) {
            for (int j = 0; j < u.gradient.length; j++) {
                u.gradient[j] = Math.scalb(u.gradient[j], ew);
            }
        }
        return u;
    }

    /**
     * The power of two nearest the largest weight. Every figure here is the same for weights
     * {@code w} and {@code c w} except the objective's gradient, but the sums are not: under a robust
     * loss the sandwich's middle sums {@code (w psi)^2}, which is 0 in double precision for weights
     * of 1e-250 (a covariance of zeros and correlations 0/0). Dividing the weights by this, exactly,
     * keeps the sums in range.
     */
    private static int weightExponent(double[] w) {
        double max = 0;
        for (double x : w) {
            max = Double.isFinite(x) ? Math.max(max, Math.abs(x)) : max;
        }
        return max > 0 ? Math.getExponent(max) : 0;
    }

    private static double[] scalb(double[] x, int e) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.scalb(x[i], e);
        }
        return out;
    }

    /** {@link #at} with weights whose largest is near 1. */
    private static Uncertainty scaledAt(Problem pr, double[] p, double[] w) {
        int m = pr.m;
        Problem.Scratch s = pr.scratch();
        double[] g = new double[m];
        double[][] h = new double[m][m];
        double f = pr.evaluate(p, w, s, g, h);
        int n = 0;
        double[][] a = new double[m][m];
        double[][] b = new double[m][m];
        double[] dr = new double[m];
        double[] rs = new double[pr.n];
        int[] e = columnExponents(pr, s, w);
        for (int i = 0; i < pr.n; i++) {
            if (w[i] == 0) {
                continue;
            }
            n++;
            double r = pr.residual(i, s.f[i]);
            rs[n - 1] = r;
            double inv = pr.log ? 1 / s.f[i] : 1;
            double psi = w[i] * pr.loss.d1(r);
            for (int j = 0; j < m; j++) {
                dr[j] = Math.scalb(s.jac[j][i] * inv, -e[j]);
            }
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < m; k++) {
                    a[j][k] += w[i] * dr[j] * dr[k];
                    b[j][k] += psi * psi * dr[j] * dr[k];
                }
            }
        }
        int dof = n - m;
        double t = dof > 0 ? new TDistribution(dof).inverseCumulativeProbability(0.975) : Double.NaN;
        List<String> unidentified = new ArrayList<>();
        CorrelationForm info = CorrelationForm.of(a);
        if (info.zero >= 0 || info.minEig <= 1e-13 * info.maxEig) {
            unidentified.addAll(info.culprits(pr.params));
        }
        for (String q : insensitive(pr, p, w, a, e)) {
            if (!unidentified.contains(q)) {
                unidentified.add(q);
            }
        }
        if (!unidentified.isEmpty()) {
            return none("the data do not determine " + String.join(", ", unidentified),
                    Double.POSITIVE_INFINITY, dof, t, unidentified, g);
        }
        if (!Double.isFinite(f)) {
            return none("the objective is not finite at the optimum", Double.NaN, dof, t, List.of(), g);
        }
        if (dof <= 0) {
            return none("there are no more points (" + n + ") than parameters (" + m
                    + "), so the residual variance is unknown", info.condition(), dof, t, List.of(), g);
        }
        if (f == 0) {
            return none("the fit is exact (every residual is 0), so the residual variance is 0 and "
                    + "there is no noise to estimate standard errors or intervals from", info.condition(), dof, t,
                    List.of(), g);
        }
        if (pr.loss.kind() != Loss.Kind.SQUARED) {
            return robust(pr, scaled(h, e), b, java.util.Arrays.copyOf(rs, n), info, dof, t, g, e);
        }
        return unscaled(info.inverse(), 2 * f / dof, e, info.condition(), dof, t, g, null);
    }

    /**
     * Per parameter the power of two nearest the largest derivative of a residual by it: the
     * derivatives are divided by it (exactly) before their products are summed, so that neither
     * underflows nor overflows whatever the parameters' magnitudes. A law near 1e300 under log
     * residuals has {@code d r / d A = 1/A ~ 1e-290}, whose square is 0 in double precision: without
     * the scale its column looked empty and the parameter unidentifiable (a false L0604).
     */
    private static int[] columnExponents(Problem pr, Problem.Scratch s, double[] w) {
        int[] e = new int[pr.m];
        for (int j = 0; j < pr.m; j++) {
            double max = 0;
            for (int i = 0; i < pr.n; i++) {
                if (w[i] != 0) {
                    double d = Math.abs(s.jac[j][i] * (pr.log ? 1 / s.f[i] : 1));
                    max = Double.isFinite(d) ? Math.max(max, d) : max;
                }
            }
            e[j] = max > 0 ? Math.getExponent(max) : 0;
        }
        return e;
    }

    /**
     * What a warning says where the standard errors or the covariance have no double, or null
     * where they all do; {@code p} is the estimate.
     */
    String overflow(List<String> names, double[] p) {
        List<String> inf = unrepresentable(names);
        if (!inf.isEmpty()) {
            return "no standard error for " + String.join(", ", inf) + ": " + (inf.size() == 1 ? "it is" : "they are")
                    + " above the largest double (about 1.8e308); rescale " + String.join(", ", inf) + " or the data";
        }
        if (se == null || covariance() != null) {
            return null;
        }
        List<String> huge = new ArrayList<>();
        for (int j = 0; j < se.length; j++) {
            if (!Double.isFinite(se[j] * se[j])) {
                huge.add(names.get(j));
            }
        }
        if (huge.isEmpty()) {
            return null;
        }
        String first = huge.get(0);
        return "the variance of " + String.join(", ", huge) + " overflows double precision (a standard error above "
                + "1e154): the standard errors and intervals, and those of predictions, are computed from the standard "
                + "errors and correlations, but there is no covariance matrix (--json and saved fits hold the "
                + "correlations instead); rescale it: write " + first + " as "
                + magnitude(p[names.indexOf(first)]) + " * " + first + "1 and fit " + first + "1";
    }

    /** The power of ten nearest below {@code |x|}, as {@code 1e297}. */
    private static String magnitude(double x) {
        return "1e" + (int) Math.floor(Math.log10(Math.abs(x)));
    }

    /** {@code h_jk / 2^(e_j + e_k)}: an information matrix into the scaled parameters of {@link #columnExponents}, or a covariance out of them. */
    private static double[][] scaled(double[][] h, int[] e) {
        double[][] out = new double[h.length][h.length];
        for (int j = 0; j < h.length; j++) {
            for (int k = 0; k < h.length; k++) {
                out[j][k] = Math.scalb(h[j][k], -e[j] - e[k]);
            }
        }
        return out;
    }

    /**
     * The uncertainty of the covariance {@code c * cov}, {@code cov} in the scaled parameters of
     * {@link #columnExponents} ({@code u_j = p_j 2^e_j}): per parameter {@code se_j = sqrt(c cov_jj)
     * 2^-e_j}, taken square root first so that it stays a double where the variance would not, and
     * the correlations, which the scaling does not change.
     */
    private static Uncertainty unscaled(double[][] cov, double c, int[] e, double condition, int dof, double t,
                                        double[] g, String method) {
        int m = cov.length;
        double[] se = new double[m];
        double[] root = new double[m];
        for (int j = 0; j < m; j++) {
            root[j] = Math.sqrt(Math.max(0, cov[j][j]));
            se[j] = Math.scalb(Math.sqrt(c) * root[j], -e[j]);
        }
        double[][] rho = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                // A parameter with no variance (known exactly) is correlated with none.
                rho[j][k] = j == k ? 1 : root[j] * root[k] > 0 ? cov[j][k] / (root[j] * root[k]) : 0;
            }
        }
        return new Uncertainty(se, rho, null, condition, dof, t, List.of(), g, method);
    }

    /**
     * A robust loss's covariance: the sandwich on the exact Hessian {@code h}, or Huber's on the
     * expected one ({@link RobustCovariance}) where few residuals {@code r} sit inside the quadratic
     * zone or {@code h} is not positive definite; {@code b} is {@code sum (w psi)^2 dr dr^T}.
     */
    private static Uncertainty robust(Problem pr, double[][] h, double[][] b, double[] r, CorrelationForm info,
                                      int dof, double t, double[] g, int[] e) {
        int n = r.length;
        CorrelationForm hs = CorrelationForm.of(h);
        boolean sparse = RobustCovariance.fewInside(pr.loss, r, pr.m);
        if (!sparse && hs.zero < 0 && hs.minEig > 1e-13 * hs.maxEig) {
            return unscaled(sandwich(hs.inverse(), b, (double) n / dof), 1, e, hs.condition(), dof, t, g, null);
        }
        double slope = RobustCovariance.meanSlope(pr.loss, r);
        if (slope > 0) {
            return unscaled(sandwich(info.inverse(), b, (double) n / dof / (slope * slope)), 1, e, info.condition(),
                    dof, t, g, EXPECTED_HESSIAN);
        }
        return none("the Hessian of the objective is not positive definite at the optimum "
                + "(too few points inside the robust loss's quadratic zone?)", hs.condition(), dof, t, List.of(), g);
    }

    /** {@code c * inv b inv}. */
    private static double[][] sandwich(double[][] inv, double[][] b, double c) {
        RealMatrix im = MatrixUtils.createRealMatrix(inv);
        return im.multiply(MatrixUtils.createRealMatrix(b)).multiply(im).scalarMultiply(c).getData();
    }

    /**
     * Parameters, not at a bound, whose unit step on the scale the fit uses ({@link Transform}: a
     * factor e in {@code p - lo} above a lower bound, {@code max(1, |p|)} when unbounded) moves the
     * residuals by less than 1e-9 of the data's scale: nothing in the data determines them. The
     * correlation-form test above cannot see this (scaling to a unit diagonal hides a column that is
     * tiny, as alpha's is in {@code A / N^alpha + E} once A sits at its bound 0 on constant data).
     * {@code a} is in the scaled parameters of {@link #columnExponents}, whose exponents are {@code e}.
     */
    private static List<String> insensitive(Problem pr, double[] p, double[] w, double[][] a, int[] e) {
        double sw = 0;
        double zmax = 0;
        for (int i = 0; i < pr.n; i++) {
            sw += w[i];
            zmax = w[i] != 0 && Double.isFinite(pr.z[i]) ? Math.max(zmax, Math.abs(pr.z[i])) : zmax;
        }
        // The root mean square of the data, scaled by a power of two near its largest (z^2 overflows near 1e155).
        int ez = zmax > 0 ? Math.getExponent(zmax) : 0;
        double zz = 0;
        for (int i = 0; i < pr.n; i++) {
            double z = Math.scalb(pr.z[i], -ez);
            zz += w[i] * z * z;
        }
        double ref = pr.log ? 1 : Math.scalb(Math.sqrt(zz / sw), ez);
        List<String> out = new ArrayList<>();
        for (int j = 0; j < pr.m; j++) {
            Transform t = pr.transforms[j];
            if (sw > 0 && !t.atBound(p[j])) {
                double step = t.bounded() ? Math.abs(t.d1(t.inverse(p[j]))) : Math.max(1, Math.abs(p[j]));
                if (!(Math.sqrt(a[j][j] / sw) * Math.scalb(step, e[j]) > 1e-9 * ref)) {
                    out.add(pr.params.get(j));
                }
            }
        }
        return out;
    }
}
