package law.fit;

import law.numeric.BoxNewton;
import law.numeric.Dense;
import law.numeric.Derivatives;
import law.numeric.SmoothFunction;

/**
 * Variable projection (Golub and Pereyra): the fit as a function of the nonlinear parameters
 * {@code theta} alone, the linear ones {@code c} solved exactly, within their bounds, inside every
 * evaluation: {@code F(theta) = min_c sum w rho(phi_0 + Phi c - y)}. The inner problem is convex
 * (a least-squares or robust regression on the basis functions), solved by {@link BoxNewton}:
 * under a robust loss from the solution at the minimizer's current point moved to first order
 * ({@code dc/dtheta = -H_cc^-1 H_ctheta}, the implicit function theorem), which at a trial point
 * near it mostly has the minimum's points in Huber's quadratic zone already; under squared loss
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
    /** The point of the last evaluation with derivatives, its solution and {@code dc/du} there (null: none). */
    private double[] anchorU;
    private double[] anchorC;
    private double[][] sensitivity;
    /** The point of the last {@link #trial}, while its solution is still the one held, else null. */
    private double[] trialU;
    private double trialF;

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
        trialU = null;
        predict(u);
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

    /**
     * Moves {@code c} to the anchor's solution moved to first order to {@code u}, within the
     * bounds. Not under squared loss: its inner problem is solved in one step from anywhere, and a
     * start at the last solution is the more accurate (that step then refines it; on Lanczos1,
     * whose residuals are about 1e-13, the fit from a predicted start had 2 correct digits of the
     * certified RSS).
     */
    private void predict(double[] u) {
        if (sensitivity == null || pr.loss.kind() == Loss.Kind.SQUARED) {
            return;
        }
        for (int x = 0; x < k; x++) {
            double cx = anchorC[x];
            for (int a = 0; a < q; a++) {
                cx += sensitivity[a][x] * (u[a] - anchorU[a]);
            }
            c[x] = Math.min(Math.max(cx, lo[x]), hi[x]);
        }
    }

    /** The value at a trial point; an {@link #evaluate} with derivatives at the same point next reuses its solution. */
    @Override
    public double trial(double[] u, Derivatives d) {
        double f = solve(u);
        trialU = u.clone();
        trialF = f;
        return f;
    }

    /** Keeps {@code u}, its solution and {@code dc/du = -cross} for the starts of the next solves. */
    private void anchor(double[] u, double[][] cross) {
        if (cross == null) {
            sensitivity = null;
            return;
        }
        anchorU = u.clone();
        anchorC = c.clone();
        sensitivity = new double[q][k];
        for (int a = 0; a < q; a++) {
            for (int x = 0; x < k; x++) {
                sensitivity[a][x] = -cross[a][x];
            }
        }
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
        boolean kept = d != null && java.util.Arrays.equals(trialU, u);
        double f = kept ? trialF : solve(u);
        trialU = null;
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
        anchor(u, reduce(st, st.hp, d.h, true, u));
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
     * transforms' second-derivative term of the exact Hessian (needs {@code u}). Returns
     * {@code M_FF^-1 M_Fu} (row a: column u_a, over the linear parameters, 0 for held ones), null
     * when no linear parameter is free or M_FF is singular (then {@code out} is {@code M_tt} alone).
     */
    private double[][] reduce(State st, double[][] mp, double[][] red, boolean curvature, double[] u) {
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                red[a][b] = mp[sep.non[a]][sep.non[b]] * st.t1[a] * st.t1[b];
            }
            if (curvature) {
                red[a][a] += st.gp[sep.non[a]] * pr.transforms[sep.non[a]].d2(u[a]);
            }
        }
        double[][] cross = cross(st, mp);
        if (cross == null) {
            return null;
        }
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                double s = 0;
                for (int x = 0; x < k; x++) {
                    s += mp[sep.lin[x]][sep.non[b]] * st.t1[b] * cross[a][x];
                }
                red[a][b] -= s;
            }
        }
        return cross;
    }

    /** {@code M_FF^-1 M_Fu_a} for each a, over all linear parameters (0 for held ones); null as {@link #reduce} says. */
    private double[][] cross(State st, double[][] mp) {
        int nf = 0;
        int[] free = new int[k];
        for (int a = 0; a < k; a++) {
            if (!st.held[a]) {
                free[nf++] = a;
            }
        }
        if (nf == 0) {
            return null;
        }
        double[][] ff = new double[nf][nf];
        for (int x = 0; x < nf; x++) {
            for (int y = 0; y < nf; y++) {
                ff[x][y] = mp[sep.lin[free[x]]][sep.lin[free[y]]];
            }
        }
        double[][] l = new double[nf][nf];
        double[] col = new double[nf];
        double[] sol = new double[nf];
        double[][] cross = new double[q][k];
        for (int a = 0; a < q; a++) {
            for (int x = 0; x < nf; x++) {
                col[x] = mp[sep.lin[free[x]]][sep.non[a]] * st.t1[a];
            }
            if (!Dense.choleskySolve(ff, col, sol, l)) {
                return null;
            }
            for (int x = 0; x < nf; x++) {
                cross[a][free[x]] = sol[x];
            }
        }
        return cross;
    }
}
