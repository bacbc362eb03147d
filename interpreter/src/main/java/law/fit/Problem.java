package law.fit;

import java.util.List;
import law.expr.Compiler;
import law.expr.Expr;
import law.expr.LawKernel;
import law.expr.Prepared;
import law.expr.Program;
import law.expr.Workspace;

/**
 * One fitting problem compiled for the data: the law with its exact first and second
 * derivatives over the points, the targets, the base weights, the residual space, the loss and
 * the parameter transforms. Immutable and thread-safe (each thread gets its own workspaces); the
 * objective is {@code sum_i w_i rho(r_i)}, summed, never averaged.
 */
public final class Problem {
    final int n;
    final int m;
    final List<String> params;
    final Transform[] transforms;
    final double[] z;
    final double[] weights;
    final boolean log;
    final Loss loss;
    private final LawKernel kernel;
    private final Prepared kernelData;
    private final Program valueProgram;
    private final Prepared valueData;
    private final ThreadLocal<Workspace> kernelWs;
    private final ThreadLocal<Workspace> valueWs;

    /**
     * Compiles a problem.
     *
     * @param body       the law with its arguments substituted, over {@code columns} and {@code params}
     * @param columns    the data symbols of {@code body}, naming {@code data}'s arrays in order
     * @param data       the column values, one array per column, {@code n} points each
     * @param params     the free parameters
     * @param transforms one per parameter
     * @param target     the target at each point (in data units)
     * @param weights    the weight of each point
     * @param log        log residuals ({@code log f - log y}) instead of linear ({@code f - y})
     * @param loss       the loss
     */
    public Problem(Expr body, List<String> columns, double[][] data, List<String> params, Transform[] transforms,
                   double[] target, double[] weights, boolean log, Loss loss) {
        this.n = target.length;
        this.m = params.size();
        this.params = List.copyOf(params);
        this.transforms = transforms.clone();
        this.log = log;
        this.loss = loss;
        this.weights = weights.clone();
        this.z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = log ? Math.log(target[i]) : target[i];
        }
        this.kernel = LawKernel.of(body, columns, params, true);
        this.kernelData = kernel.prepare(data, n);
        this.valueProgram = Compiler.compile(List.of(body), columns, params);
        this.valueData = valueProgram.prepare(data, n);
        this.kernelWs = ThreadLocal.withInitial(kernel::newWorkspace);
        this.valueWs = ThreadLocal.withInitial(valueProgram::newWorkspace);
    }

    /** The number of points. */
    public int size() {
        return n;
    }

    /** The number of free parameters. */
    public int dimension() {
        return m;
    }

    /** Per-caller arrays for the law's values and derivatives at every point. */
    final class Scratch {
        final double[] f = new double[n];
        final double[][] jac = new double[m][n];
        final double[][] hess = new double[m * (m + 1) / 2][n];
        final double[][] valueOut = {f};
        /** The first point where the objective was not finite, or -1. */
        int badRow = -1;
    }

    Scratch scratch() {
        return new Scratch();
    }

    /** Parameter values of unconstrained coordinates. */
    void toP(double[] u, double[] p) {
        for (int j = 0; j < m; j++) {
            p[j] = transforms[j].value(u[j]);
        }
    }

    /** The law's values only at {@code p}. */
    void values(double[] p, Scratch s) {
        valueProgram.evaluate(valueData, 0, n, p, s.valueOut, valueWs.get());
    }

    /** The law's values, Jacobian and Hessian at {@code p}. */
    void derivatives(double[] p, Scratch s) {
        kernel.evaluate(kernelData, 0, n, p, s.f, s.jac, s.hess, kernelWs.get());
    }

    /** The residual at point {@code i} from the law's value there; NaN when it has none. */
    double residual(int i, double f) {
        if (log) {
            return f > 0 ? Math.log(f) - z[i] : Double.NaN;
        }
        return f - z[i];
    }

    /**
     * The objective at {@code p} with point weights {@code w}; with {@code g} (and {@code h}) also
     * its gradient (and Hessian) with respect to the parameters. Returns +inf (and sets
     * {@code s.badRow}) when some weighted point has no finite residual.
     */
    double evaluate(double[] p, double[] w, Scratch s, double[] g, double[][] h) {
        return evaluate(p, w, s, g, h, null);
    }

    /**
     * Like {@link #evaluate(double[], double[], Scratch, double[], double[][])}, also filling
     * {@code gn} (when not null, with {@code h}) with the IRLS Gauss-Newton matrix
     * {@code sum_i w_i psi(r_i)/r_i dr_i dr_i^T}: positive semi-definite whatever the loss.
     */
    double evaluate(double[] p, double[] w, Scratch s, double[] g, double[][] h, double[][] gn) {
        if (g == null) {
            values(p, s);
        } else {
            derivatives(p, s);
            java.util.Arrays.fill(g, 0);
            if (h != null) {
                for (double[] row : h) {
                    java.util.Arrays.fill(row, 0);
                }
            }
            if (gn != null) {
                for (double[] row : gn) {
                    java.util.Arrays.fill(row, 0);
                }
            }
        }
        double sum = 0;
        double[] dr = new double[m];
        s.badRow = -1;
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            if (wi == 0) {
                continue;
            }
            double f = s.f[i];
            double r = residual(i, f);
            if (!Double.isFinite(r)) {
                s.badRow = i;
                return Double.POSITIVE_INFINITY;
            }
            sum += wi * loss.rho(r);
            if (g == null) {
                continue;
            }
            double psi = wi * loss.d1(r);
            double inv = log ? 1 / f : 1;
            for (int j = 0; j < m; j++) {
                dr[j] = s.jac[j][i] * inv;
                g[j] += psi * dr[j];
            }
            if (h == null) {
                continue;
            }
            double curv = wi * loss.d2(r);
            if (gn != null) {
                double irls = r == 0 ? wi * loss.d2(0) : psi / r;
                for (int j = 0; j < m; j++) {
                    double a = irls * dr[j];
                    double[] gj = gn[j];
                    for (int k = j; k < m; k++) {
                        gj[k] += a * dr[k];
                    }
                }
            }
            int idx = 0;
            for (int j = 0; j < m; j++) {
                double[] hj = h[j];
                double drj = dr[j];
                for (int k = j; k < m; k++) {
                    double second = s.hess[idx++][i] * inv;
                    if (log) {
                        second -= drj * dr[k];
                    }
                    hj[k] += curv * drj * dr[k] + psi * second;
                }
            }
        }
        if (h != null) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < j; k++) {
                    h[j][k] = h[k][j];
                    if (gn != null) {
                        gn[j][k] = gn[k][j];
                    }
                }
            }
        }
        return Double.isNaN(sum) ? Double.POSITIVE_INFINITY : sum;
    }

    /**
     * The objective in unconstrained coordinates: fills {@code p}, and with {@code g} the gradient
     * and Hessian with respect to {@code u} (chain rule through the transforms).
     */
    double evaluateU(double[] u, double[] w, Scratch s, double[] p, double[] g, double[][] h,
                     double[] gp, double[][] hp) {
        return evaluateU(u, w, s, p, g, h, gp, hp, null, null);
    }

    /** Like the other {@code evaluateU}, also giving the IRLS Gauss-Newton matrix {@code gn} in {@code u}. */
    double evaluateU(double[] u, double[] w, Scratch s, double[] p, double[] g, double[][] h,
                     double[] gp, double[][] hp, double[][] gn, double[][] gnp) {
        toP(u, p);
        double f = evaluate(p, w, s, gp, hp, gnp);
        if (g == null || !Double.isFinite(f)) {
            return f;
        }
        for (int j = 0; j < m; j++) {
            double tj = transforms[j].d1(u[j]);
            g[j] = gp[j] * tj;
            for (int k = 0; k <= j; k++) {
                double v = hp[j][k] * tj * transforms[k].d1(u[k]);
                h[j][k] = v;
                h[k][j] = v;
            }
            h[j][j] += gp[j] * transforms[j].d2(u[j]);
        }
        if (gn != null) {
            for (int j = 0; j < m; j++) {
                double tj = transforms[j].d1(u[j]);
                for (int k = 0; k < m; k++) {
                    gn[j][k] = gnp[j][k] * tj * transforms[k].d1(u[k]);
                }
            }
        }
        return f;
    }
}
