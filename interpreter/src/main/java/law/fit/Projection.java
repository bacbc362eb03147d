package law.fit;

import law.numeric.BoxNewton;
import law.numeric.Dense;
import law.numeric.Derivatives;
import law.numeric.SmoothFunction;

/**
 * Variable projection (Golub and Pereyra): the fit as a function of the nonlinear parameters
 * {@code theta} alone, the linear ones {@code c} solved exactly, within their bounds, inside every
 * evaluation: {@code F(theta) = min_c sum w rho(phi_0 + Phi c - y)}. The inner problem is convex
 * (a least-squares or robust regression on the basis functions), solved by {@link BoxNewton}
 * from the last solution. Its derivatives are exact: the gradient is the objective's partial
 * gradient in theta at {@code c*(theta)} (the envelope theorem) and the Hessian its Schur
 * complement {@code H_tt - H_tc H_cc^-1 H_ct} over the linear parameters no bound holds; the
 * Gauss-Newton matrix is reduced the same way. Coordinates of theta are unconstrained
 * ({@code u}, see {@link Transform}); one instance per run.
 */
final class Projection implements SmoothFunction {
    private final Problem pr;
    private final Separable sep;
    private final double[] w;
    private final int q;
    private final int k;
    private final double[] lo;
    private final double[] hi;
    private final double[] c;
    private final double[] theta;
    private final double floor;
    private final Regression inner;
    private final BoxNewton box;
    private final double[][] basis;
    private final double[][] out;

    Projection(Problem pr, Separable sep, double[] w, double[] p0) {
        this.pr = pr;
        this.sep = sep;
        this.w = w;
        this.q = sep.non.length;
        this.k = sep.lin.length;
        this.lo = new double[k];
        this.hi = new double[k];
        this.c = new double[k];
        for (int a = 0; a < k; a++) {
            Transform t = pr.transforms[sep.lin[a]];
            lo[a] = t.lo();
            hi[a] = t.hi();
            c[a] = Math.min(Math.max(p0[sep.lin[a]], lo[a]), hi[a]);
        }
        this.theta = new double[q];
        this.floor = new Objective(pr, w).floor();
        this.inner = new Regression(pr, w, k);
        this.basis = new double[k][];
        this.box = new BoxNewton(k);
        this.out = sep.newOutputs();
    }

    @Override
    public int dimension() {
        return q;
    }

    @Override
    public double floor() {
        return floor;
    }

    @Override
    public double lower(int j) {
        return pr.transforms[sep.non[j]].boxLo();
    }

    @Override
    public double upper(int j) {
        return pr.transforms[sep.non[j]].boxHi();
    }

    /** The full parameter values at {@code u}, after an evaluation there. */
    double[] params(double[] u) {
        double[] p = new double[pr.m];
        for (int a = 0; a < q; a++) {
            p[sep.non[a]] = pr.transforms[sep.non[a]].value(u[a]);
        }
        for (int a = 0; a < k; a++) {
            p[sep.lin[a]] = c[a];
        }
        return p;
    }

    /** The reduced objective at {@code u}, the linear parameters solved. */
    private double solve(double[] u) {
        for (int a = 0; a < q; a++) {
            theta[a] = pr.transforms[sep.non[a]].value(u[a]);
        }
        sep.evaluate(theta, out);
        for (int a = 0; a < k; a++) {
            basis[a] = sep.basis(out, a + 1);
        }
        inner.bind(sep.basis(out, 0), basis);
        return box.minimize(inner, c, lo, hi, 1e-15, 100);
    }

    /** What an evaluation keeps for its Gauss-Newton matrix. */
    private final class State {
        final Problem.Scratch scratch = pr.scratch();
        final double[] t1 = new double[q];
        final boolean[] held = new boolean[k];
        final double[] gp = new double[pr.m];
        final double[][] hp = new double[pr.m][pr.m];
        final double[][] gnp = new double[pr.m][pr.m];
    }

    @Override
    public double evaluate(double[] u, Derivatives d) {
        double f = solve(u);
        if (d == null || !Double.isFinite(f)) {
            return f;
        }
        if (d.state == null) {
            d.state = new State();
        }
        State st = (State) d.state;
        d.gnReady = false;
        double full = derivatives(u, st, true);
        if (!Double.isFinite(full)) {
            return full;
        }
        for (int a = 0; a < q; a++) {
            int j = sep.non[a];
            d.g[a] = st.gp[j] * st.t1[a];
        }
        reduce(st, st.hp, d.h, true, u);
        return f;
    }

    @Override
    public void gaussNewton(Derivatives d) {
        State st = (State) d.state;
        Sums.gaussNewton(pr, st.scratch, st.gnp);
        reduce(st, st.gnp, d.gn, false, null);
        d.gnReady = true;
    }

    @Override
    public double gradient(double[] u, double[] g) {
        double f = solve(u);
        if (!Double.isFinite(f)) {
            return f;
        }
        State st = new State();
        derivatives(u, st, false);
        for (int a = 0; a < q; a++) {
            g[a] = st.gp[sep.non[a]] * st.t1[a];
        }
        return f;
    }

    /** The full objective's gradient (and Hessian) in parameter units at (theta, c*). */
    private double derivatives(double[] u, State st, boolean hessian) {
        sep.combine(out, c, st.scratch);
        double f = Sums.weights(pr, w, st.scratch, hessian);
        if (!Double.isFinite(f)) {
            return f;
        }
        Sums.gradient(pr, st.scratch, st.gp);
        if (hessian) {
            Sums.hessian(pr, st.scratch, st.hp);
        }
        for (int a = 0; a < q; a++) {
            st.t1[a] = pr.transforms[sep.non[a]].d1(u[a]);
        }
        for (int a = 0; a < k; a++) {
            st.held[a] = box.held(a);
        }
        return f;
    }

    /**
     * {@code out = M_tt - M_tF M_FF^-1 M_Ft} for the matrix {@code mp} (parameter units, theta
     * rows and columns taken to u), F the free linear parameters; {@code curvature} adds the
     * transforms' second-derivative term of the exact Hessian (needs {@code u}).
     */
    private void reduce(State st, double[][] mp, double[][] red, boolean curvature, double[] u) {
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                red[a][b] = mp[sep.non[a]][sep.non[b]] * st.t1[a] * st.t1[b];
            }
            if (curvature) {
                red[a][a] += st.gp[sep.non[a]] * pr.transforms[sep.non[a]].d2(u[a]);
            }
        }
        int nf = 0;
        int[] free = new int[k];
        for (int a = 0; a < k; a++) {
            if (!st.held[a]) {
                free[nf++] = sep.lin[a];
            }
        }
        if (nf == 0) {
            return;
        }
        double[][] ff = new double[nf][nf];
        for (int x = 0; x < nf; x++) {
            for (int y = 0; y < nf; y++) {
                ff[x][y] = mp[free[x]][free[y]];
            }
        }
        double[][] l = new double[nf][nf];
        double[] col = new double[nf];
        double[] sol = new double[nf];
        double[][] cross = new double[q][];
        for (int a = 0; a < q; a++) {
            for (int x = 0; x < nf; x++) {
                col[x] = mp[free[x]][sep.non[a]] * st.t1[a];
            }
            if (!Dense.choleskySolve(ff, col, sol, l)) {
                return;
            }
            cross[a] = sol.clone();
        }
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                double s = 0;
                for (int x = 0; x < nf; x++) {
                    s += mp[free[x]][sep.non[b]] * st.t1[b] * cross[a][x];
                }
                red[a][b] -= s;
            }
        }
    }
}
