package law.fit;

import law.numeric.Derivatives;
import law.numeric.SmoothFunction;

/**
 * The negative log-likelihood of a {@link Problem}'s residuals under a {@link Likelihood}, as a
 * function of the law's unconstrained coordinates {@code u} (see {@link Transform}) and
 * {@code s = log sigma} (last): {@code sum_i w_i (rho(r_i / sigma) + s + log Z)}. Gradient and
 * Hessian are exact; the law's part goes through {@link Sums} with per-point weights
 * {@code a = w psi / sigma dr/df} and {@code b = w psi' / sigma^2 (dr/df)^2 + w psi / sigma d2r/df2}.
 * One instance per thread.
 */
final class LikelihoodObjective implements SmoothFunction {
    private final Problem pr;
    private final Likelihood lik;
    private final double[] w;
    private final double logZ;
    private final double total;
    private final Problem.Scratch s;
    /** The point whose law values and derivatives {@link #s} holds, or null. */
    private double[] at;
    private final double[] p;
    private final double[] gp;
    private final double[][] hp;
    private final double[] mixed;
    private final double[][] gnp;

    LikelihoodObjective(Problem pr, Likelihood lik, double[] w) {
        this.pr = pr;
        this.lik = lik;
        this.w = w;
        this.logZ = lik.logNormaliser();
        double t = 0;
        for (double x : w) {
            t += x;
        }
        this.total = t;
        this.s = pr.scratch();
        this.p = new double[pr.m];
        this.gp = new double[pr.m];
        this.hp = new double[pr.m][pr.m];
        this.mixed = new double[pr.m];
        this.gnp = new double[pr.m][pr.m];
    }

    @Override
    public int dimension() {
        return pr.m + 1;
    }

    /**
     * The law's values and derivatives at {@code x} into the scratch, unless it holds them already:
     * a trial point the minimizer accepts is evaluated again with derivatives, and the value of a
     * trial comes from this same (derivative) program, so the minimizer compares like with like.
     */
    private void kernel(double[] x) {
        if (at == null || !java.util.Arrays.equals(at, x)) {
            pr.derivatives(p, s);
            at = x.clone();
        }
    }

    /** No level counts as an exact fit: a log-likelihood has no floor. */
    @Override
    public double floor() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double lower(int j) {
        return j < pr.m ? pr.transforms[j].boxLo() : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double upper(int j) {
        return j < pr.m ? pr.transforms[j].boxHi() : Double.POSITIVE_INFINITY;
    }

    /** The first row where a residual was not finite at the last evaluation, or -1. */
    int badRow() {
        return s.badRow;
    }

    /** The law's parameter values at {@code x}, then sigma. */
    double[] params(double[] x) {
        double[] out = new double[pr.m + 1];
        double[] q = new double[pr.m];
        pr.toP(x, q);
        System.arraycopy(q, 0, out, 0, pr.m);
        out[pr.m] = Math.exp(x[pr.m]);
        return out;
    }

    @Override
    public double evaluate(double[] x, Derivatives d) {
        pr.toP(x, p);
        double ls = x[pr.m];
        double sigma = Math.exp(ls);
        kernel(x);
        if (d == null) {
            return sum(ls, sigma, false, null);
        }
        int m = pr.m;
        double[] gs = new double[3];
        double f = sum(ls, sigma, true, gs);
        if (!Double.isFinite(f)) {
            return f;
        }
        Sums.gradient(pr, s, gp);
        Sums.hessian(pr, s, hp, gnp); // with the Gauss-Newton matrix, in the same passes
        for (int j = 0; j < m; j++) {
            double t1 = pr.transforms[j].d1(x[j]);
            d.g[j] = gp[j] * t1;
            for (int k = 0; k < m; k++) {
                d.h[j][k] = hp[j][k] * t1 * pr.transforms[k].d1(x[k]);
            }
            d.h[j][j] += gp[j] * pr.transforms[j].d2(x[j]);
            d.h[j][m] = mixed[j] * t1;
            d.h[m][j] = d.h[j][m];
        }
        d.g[m] = gs[0];
        d.h[m][m] = gs[1];
        d.gnReady = false;
        if (d.state == null) {
            d.state = new double[m + 1][m + 1];
        }
        double[][] gn = (double[][]) d.state; // kept per Derivatives: the minimizer holds two points
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                gn[j][k] = gnp[j][k] * pr.transforms[j].d1(x[j]) * pr.transforms[k].d1(x[k]);
            }
        }
        gn[m][m] = gs[2];
        return f;
    }

    /**
     * The IRLS Gauss-Newton matrix at the point last evaluated: {@code sum w psi(z)/z / sigma^2
     * dr dr^T} for the law's coordinates and {@code sum w (max(psi', 0) z^2 + psi z)} for
     * {@code log sigma}, block diagonal; positive semi-definite.
     */
    @Override
    public void gaussNewton(Derivatives d) {
        double[][] gn = (double[][]) d.state;
        for (int j = 0; j < gn.length; j++) {
            System.arraycopy(gn[j], 0, d.gn[j], 0, gn.length);
        }
        d.gnReady = true;
    }

    /**
     * The objective from the law's values in {@code s}; with {@code derivatives} also the weights
     * of the sums, the mixed second derivatives in {@link #mixed} and {@code d/ds, d2/ds2} in
     * {@code gs}. +inf (setting the bad row) where a weighted residual is not finite.
     */
    private double sum(double ls, double sigma, boolean derivatives, double[] gs) {
        s.badRow = -1;
        double rhoSum = 0;
        double gS = 0;
        double hS = 0;
        double gnS = 0;
        if (derivatives) {
            java.util.Arrays.fill(mixed, 0);
        }
        for (int i = 0; i < pr.n; i++) {
            double wi = w[i];
            double r = wi == 0 ? 0 : pr.residual(i, s.f[i]);
            if (wi == 0 || !Double.isFinite(r)) {
                if (derivatives) {
                    s.a[i] = 0;
                    s.b[i] = 0;
                    s.c[i] = 0;
                }
                if (wi != 0) {
                    s.badRow = i;
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            double z = r / sigma;
            rhoSum += wi * lik.rho(z);
            if (!derivatives) {
                continue;
            }
            double psi = lik.psi(z);
            double dpsi = lik.dpsi(z);
            double inv = pr.log ? 1 / s.f[i] : 1;
            double dr = wi * psi / sigma;
            s.a[i] = dr * inv;
            s.b[i] = (wi * dpsi / (sigma * sigma) - (pr.log ? dr : 0)) * inv * inv;
            double az = Math.abs(z);
            s.c[i] = wi * (az > 1e-150 ? psi / z : lik.dpsi(0)) / (sigma * sigma) * inv * inv;
            gS += wi * (1 - psi * z);
            hS += wi * (dpsi * z * z + psi * z);
            gnS += wi * (Math.max(dpsi, 0) * z * z + psi * z);
            double rs = -wi * (dpsi * z + psi) / sigma * inv; // d2/(df ds)
            for (int j = 0; j < pr.m; j++) {
                mixed[j] += rs * s.jac[j][i];
            }
        }
        if (derivatives) {
            gs[0] = gS;
            gs[1] = hS;
            gs[2] = gnS;
        }
        double f = rhoSum + total * (ls + logZ);
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    @Override
    public double gradient(double[] x, double[] g) {
        Derivatives d = new Derivatives(dimension(), false);
        double f = evaluate(x, d);
        System.arraycopy(d.g, 0, g, 0, g.length);
        return f;
    }
}
