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
    private final double[] work;

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
        this.work = new double[n];
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
                h[a][b] = weighted(curv, a, b);
                m[a][b] = weighted(irls, a, b);
                h[b][a] = h[a][b];
                m[b][a] = m[a][b];
            }
        }
        return sum;
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

    /** {@code sum_i v_i phi_a(i) phi_b(i)}, 0 where either basis function is zero. */
    private double weighted(double[] v, int a, int b) {
        double[] pa = phi[a];
        double[] pb = phi[b];
        if (pa == null || pb == null) {
            return 0;
        }
        int n = pr.n;
        for (int i = 0; i < n; i++) {
            work[i] = v[i] * pa[i];
        }
        return dot(work, pb, n);
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
