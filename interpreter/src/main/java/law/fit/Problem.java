package law.fit;

import java.util.ArrayList;
import java.util.List;
import law.expr.Compiler;
import law.expr.Derivative;
import law.expr.Expr;
import law.expr.LawKernel;
import law.expr.Prepared;
import law.expr.Program;
import law.expr.Workspace;
import law.numeric.Elementary;

/**
 * One fitting problem compiled for the data: the law with its exact first and second
 * derivatives over the points, the targets, the base weights, the residual space, the loss and
 * the parameter transforms. Immutable and thread-safe (each thread gets its own workspaces); the
 * objective is {@code sum_i w_i rho(r_i)}, summed, never averaged.
 *
 * <p>The kernel computes only the derivatives that are not identically zero (most second
 * derivatives of a law vanish: Chinchilla's form has 4 of 15), and {@link Sums} accumulates the
 * objective's gradient and Hessian over points from them, one contiguous loop per entry.
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
    /** The objective below which the fit is exact to rounding. */
    final double floor;
    /** The pairs {@code (j, k)}, {@code j <= k}, whose second derivative is not identically zero. */
    final int[][] pairs;
    /** Per parameter, whether its first derivative is identically zero. */
    final boolean[] flat;
    /** Per parameter, its first derivative when that is a constant number, else NaN. */
    final double[] constant;
    /** The parameters whose first derivative varies over points. */
    final int[] vectorJac;
    /** Per parameter j, the parameters k >= j whose first derivative varies over points. */
    final int[][] vectorFrom;
    /** Per parameter j, whether some parameter k >= j has a constant first derivative. */
    final boolean[] constantFrom;
    /** 0 .. pairs.length - 1. */
    final int[] allPairs;
    /** The split into linear and other parameters, for variable projection; null when it does not apply. */
    final Separable separable;
    private final Program kernel;
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
            z[i] = log ? Elementary.log(target[i]) : target[i];
        }
        this.floor = floor(z, weights, log, loss);
        List<Expr> outputs = new ArrayList<>();
        outputs.add(body);
        List<Expr> gradient = new ArrayList<>();
        this.flat = new boolean[m];
        this.constant = new double[m];
        for (int j = 0; j < m; j++) {
            Expr dj = Derivative.of(body, params.get(j));
            gradient.add(dj);
            flat[j] = dj.equals(Expr.ZERO);
            constant[j] = dj instanceof Expr.Num c ? c.value() : Double.NaN;
            if (Double.isNaN(constant[j])) {
                outputs.add(dj);
            }
        }
        List<int[]> nonzero = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            for (int k = j; k < m; k++) {
                Expr h = Derivative.of(gradient.get(j), params.get(k));
                if (!h.equals(Expr.ZERO)) {
                    nonzero.add(new int[] {j, k});
                    outputs.add(h);
                }
            }
        }
        this.pairs = nonzero.toArray(new int[0][]);
        this.allPairs = java.util.stream.IntStream.range(0, pairs.length).toArray();
        this.vectorFrom = new int[m][];
        for (int j = 0; j < m; j++) {
            vectorFrom[j] = java.util.stream.IntStream.range(j, m).filter(k -> Double.isNaN(constant[k])).toArray();
        }
        this.constantFrom = new boolean[m];
        for (int j = m - 1; j >= 0; j--) {
            constantFrom[j] = !Double.isNaN(constant[j]) || j + 1 < m && constantFrom[j + 1];
        }
        this.vectorJac = vectorFrom.length == 0 ? new int[0] : java.util.stream.IntStream.range(0, m)
                .filter(k -> Double.isNaN(constant[k])).toArray();
        this.kernel = Compiler.compile(outputs, columns, params);
        this.kernelData = kernel.prepare(data, n);
        this.valueProgram = Compiler.compile(List.of(body), columns, params);
        this.valueData = valueProgram.prepare(data, n);
        this.kernelWs = ThreadLocal.withInitial(kernel::newWorkspace);
        this.valueWs = ThreadLocal.withInitial(valueProgram::newWorkspace);
        this.separable = Separable.of(this, body, columns, data);
    }

    /**
     * The objective of residuals at 16 ulps of the data's scale: below it, a fit is exact to
     * rounding and no gradient can be measured.
     */
    private static double floor(double[] z, double[] w, boolean log, Loss loss) {
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            double r = 16 * Math.ulp(log ? Math.max(1, Math.abs(z[i])) : Math.abs(z[i]));
            s += w[i] * loss.rho(r);
        }
        return s;
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
        final double[][] jac = new double[m][];
        /** The second derivatives of {@link #pairs}, in that order. */
        final double[][] hess = new double[pairs.length][n];
        final double[][] outputs;
        final double[][] valueOut = {f};
        /** Per-point weights of the sums: gradient, curvature and Gauss-Newton. */
        final double[] a = new double[n];
        final double[] b = new double[n];
        final double[] c = new double[n];
        /** The residuals of {@link #f}. */
        final double[] r = new double[n];
        /**
         * Whether {@link #r} holds the residuals of {@link #f} as {@link Problem#trial} left them,
         * which {@link Problem#sums} then uses instead of taking the logs again.
         */
        boolean trialResiduals;
        final double[] work = new double[n];
        /** A second {@link #work}, for the Gauss-Newton matrix's row weights in the Hessian's passes. */
        final double[] work2 = new double[n];
        /** Scratch of {@link Elementary#logs}. */
        final double[] logU = new double[n];
        final double[] logLo = new double[n];
        final int[] index = new int[n];
        final double[] gathered = new double[n];
        final double[][] gatheredJac = new double[m][n];
        final double[] row = new double[m];
        final double[] row2 = new double[m];
        final double[] total = new double[2];
        final double[] pairSums = new double[pairs.length];
        /** The first point where the objective was not finite, or -1. */
        int badRow = -1;

        /** Plain loops, no collections: a fit makes one per start, so the JIT compiles this too. */
        Scratch() {
            outputs = new double[1 + vectorJac.length + pairs.length][];
            int k = 0;
            outputs[k++] = f;
            for (int j = 0; j < m; j++) {
                jac[j] = new double[n];
                if (Double.isNaN(constant[j])) {
                    outputs[k++] = jac[j];
                } else {
                    java.util.Arrays.fill(jac[j], constant[j]);
                }
            }
            for (double[] q : hess) {
                outputs[k++] = q;
            }
        }
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

    /**
     * Whether every parameter value is finite: a trial step far out in a log coordinate overflows
     * exp (about a tenth of the trial points of a wide start grid), and its objective is +inf
     * without evaluating the law at every point.
     */
    private static boolean finite(double[] p) {
        for (double v : p) {
            if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }

    /** The law's values only at {@code p}. */
    void values(double[] p, Scratch s) {
        s.trialResiduals = false;
        valueProgram.evaluate(valueData, 0, n, p, s.valueOut, valueWs.get());
    }

    /** The law's values, Jacobian and non-zero second derivatives at {@code p}. */
    void derivatives(double[] p, Scratch s) {
        s.trialResiduals = false;
        kernel.evaluate(kernelData, 0, n, p, s.outputs, kernelWs.get());
    }

    /** The residual at point {@code i} from the law's value there; NaN when it has none. */
    double residual(int i, double f) {
        if (log) {
            return f > 0 ? Elementary.log(f) - z[i] : Double.NaN;
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
        if (!finite(p)) {
            return overflowed(s);
        }
        if (g == null) {
            values(p, s);
            return Sums.objective(this, w, s);
        }
        derivatives(p, s);
        return sums(w, s, g, h, gn);
    }

    /**
     * The objective at {@code p} computed as {@link #evaluate} computes it with derivatives (the
     * same law values, to the last bit), without the derivative sums: what a trust-region trial
     * point needs, so that accepting it never compares values of two different programs.
     */
    double trial(double[] p, double[] w, Scratch s) {
        if (!finite(p)) {
            return overflowed(s);
        }
        derivatives(p, s);
        double f = Sums.objective(this, w, s);
        s.trialResiduals = true;
        return f;
    }

    /** The objective where a parameter value is not finite: +inf, with no bad row to name. */
    private static double overflowed(Scratch s) {
        s.badRow = -1;
        s.trialResiduals = false;
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The objective and its derivative sums from the law's values and derivatives already in
     * {@code s}, and from their residuals when a {@link #trial} computed them (the same doubles).
     */
    double sums(double[] w, Scratch s, double[] g, double[][] h, double[][] gn) {
        double f = Sums.weights(this, w, s, h != null, s.trialResiduals);
        if (!Double.isFinite(f)) {
            return f;
        }
        Sums.gradient(this, s, g);
        if (h != null) {
            Sums.hessian(this, s, h, gn);
        } else if (gn != null) {
            Sums.gaussNewton(this, s, gn);
        }
        return f;
    }
}
