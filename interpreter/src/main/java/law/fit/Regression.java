package law.fit;

import law.numeric.BoxNewton;

/**
 * The inner problem of variable projection: the loss of {@code phi_0 + Phi c - y} as a function
 * of the linear values {@code c}, with its gradient, Hessian and IRLS majorant. Each quantity is
 * one contiguous pass over the points (residuals, per-point weights, then one dot product per
 * entry), with no per-point calls.
 */
final class Regression implements BoxNewton.Convex {
    private final Problem pr;
    private final double[] w;
    private final int k;
    private final double[][] phi;
    private double[] phi0;
    private final double[] r;
    private final double[] psi;
    private final double[] curv;
    private final double[] irls;
    /** The residuals at the ray's origin, their change per unit of t along it, and that times w and w v. */
    private final double[] origin;
    private final double[] along;
    private final double[] wv;
    private final double[] wvv;

    Regression(Problem pr, double[] w, int k) {
        this.pr = pr;
        this.w = w;
        this.k = k;
        this.phi = new double[k][];
        int n = pr.n;
        this.r = new double[n];
        this.psi = new double[n];
        this.curv = new double[n];
        this.irls = new double[n];
        this.origin = new double[n];
        this.along = new double[n];
        this.wv = new double[n];
        this.wvv = new double[n];
    }

    /** Binds the basis values: {@code phi0} and each of {@code phi} may be null (a zero basis function). */
    void bind(double[] phi0, double[][] phi) {
        this.phi0 = phi0;
        System.arraycopy(phi, 0, this.phi, 0, k);
    }

    @Override
    public double evaluate(double[] x, double[] g, double[][] h, double[][] m) {
        residuals(x);
        double sum = g == null ? losses() : weights();
        if (!(sum <= Double.MAX_VALUE) || g == null) {
            return sum <= Double.MAX_VALUE ? sum : Double.POSITIVE_INFINITY;
        }
        int n = pr.n;
        for (int a = 0; a < k; a++) {
            g[a] = phi[a] == null ? 0 : dot(psi, phi[a], n);
            for (int b = a; b < k; b++) {
                weighted(a, b, h, m);
                h[b][a] = h[a][b];
                m[b][a] = m[a][b];
            }
        }
        return sum;
    }

    /**
     * The residuals along {@code x + t d} are {@code r(x) + t v}, {@code v = Phi d}: kept for
     * {@link #slope} with the weighted {@code w v} and {@code w v^2} (a point without weight is
     * left out: its residual is set to 0).
     */
    @Override
    public boolean ray(double[] x, double[] d) {
        residuals(x);
        int n = pr.n;
        java.util.Arrays.fill(along, 0, n, 0);
        for (int a = 0; a < k; a++) {
            double[] pa = phi[a];
            double da = d[a];
            if (pa != null && da != 0) {
                for (int i = 0; i < n; i++) {
                    along[i] += da * pa[i];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            boolean weighed = w[i] != 0;
            origin[i] = weighed ? r[i] : 0;
            wv[i] = weighed ? w[i] * along[i] : 0;
            wvv[i] = wv[i] * along[i];
        }
        return true;
    }

    /** {@code sum w psi(r + t v) v} along the ray, {@code sum w psi'(r + t v) v^2} into {@code curvature[0]}. */
    @Override
    public double slope(double t, double[] curvature) {
        double delta = pr.loss.huberThreshold();
        return Double.isNaN(delta) ? lossSlope(t, curvature) : huberSlope(t, delta, curvature);
    }

    /** {@link #slope} for Huber's loss and squared loss ({@code delta = inf}), branch-free. */
    private double huberSlope(double t, double delta, double[] curvature) {
        double s = 0;
        double c = 0;
        for (int i = 0; i < pr.n; i++) {
            double ri = origin[i] + t * along[i];
            double ar = Math.abs(ri);
            s += Math.copySign(Math.min(ar, delta), ri) * wv[i];
            c += ar <= delta ? wvv[i] : 0;
        }
        curvature[0] = c;
        return s;
    }

    /** {@link #slope} through the loss's methods. */
    private double lossSlope(double t, double[] curvature) {
        Loss loss = pr.loss;
        double s = 0;
        double c = 0;
        for (int i = 0; i < pr.n; i++) {
            double ri = origin[i] + t * along[i];
            s += loss.d1(ri) * wv[i];
            c += loss.d2(ri) * wvv[i];
        }
        curvature[0] = c;
        return s;
    }

    /** {@code r = (phi_0 + sum_a x_a phi_a) - y}, the law's value summed in the order the outer sums use. */
    private void residuals(double[] x) {
        int n = pr.n;
        if (phi0 == null) {
            java.util.Arrays.fill(r, 0, n, 0);
        } else {
            System.arraycopy(phi0, 0, r, 0, n);
        }
        for (int a = 0; a < k; a++) {
            double[] pa = phi[a];
            double xa = x[a];
            if (pa != null) {
                for (int i = 0; i < n; i++) {
                    r[i] += xa * pa[i];
                }
            }
        }
        double[] z = pr.z;
        for (int i = 0; i < n; i++) {
            r[i] -= z[i];
        }
    }

    /** The objective alone; +inf where a weighted residual is not finite. */
    private double losses() {
        Loss loss = pr.loss;
        double sum = 0;
        for (int i = 0; i < pr.n; i++) {
            double wi = w[i];
            if (wi != 0) {
                if (!(Math.abs(r[i]) <= Double.MAX_VALUE)) {
                    return Double.POSITIVE_INFINITY;
                }
                sum += wi * loss.rho(r[i]);
            }
        }
        return sum;
    }

    /** The objective, filling the per-point weights of the gradient, Hessian and majorant; +inf as {@link #losses}. */
    private double weights() {
        Loss loss = pr.loss;
        double delta = loss.huberThreshold();
        boolean huber = !Double.isNaN(delta);
        double sum = 0;
        for (int i = 0; i < pr.n; i++) {
            double wi = w[i];
            double ri = r[i];
            if (wi == 0) {
                psi[i] = 0;
                curv[i] = 0;
                irls[i] = 0;
                continue;
            }
            if (!(Math.abs(ri) <= Double.MAX_VALUE)) {
                return Double.POSITIVE_INFINITY;
            }
            if (huber) {
                sum += Loss.huber(ri, wi, delta, psi, curv, irls, i);
            } else {
                sum += wi * loss.rho(ri);
                psi[i] = wi * loss.d1(ri);
                curv[i] = wi * loss.d2(ri);
                irls[i] = ri == 0 ? wi * loss.d2(0) : psi[i] / ri;
            }
        }
        return sum;
    }

    /**
     * {@code h_ab = sum_i curv_i phi_a(i) phi_b(i)} and {@code m_ab} the same with the IRLS
     * weights, in one pass (two independent sums), 0 where either basis function is zero.
     */
    private void weighted(int a, int b, double[][] h, double[][] m) {
        double[] pa = phi[a];
        double[] pb = phi[b];
        if (pa == null || pb == null) {
            h[a][b] = 0;
            m[a][b] = 0;
            return;
        }
        double sh = 0;
        double sm = 0;
        for (int i = 0; i < pr.n; i++) {
            sh += curv[i] * pa[i] * pb[i];
            sm += irls[i] * pa[i] * pb[i];
        }
        h[a][b] = sh;
        m[a][b] = sm;
    }

    /** A dot product summed in point order (as the law's own sums run: the inner solve is then reproducible to the bit). */
    private static double dot(double[] x, double[] y, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
