package law.fit;

import law.numeric.Derivatives;
import law.numeric.SmoothFunction;

/**
 * A {@link Problem} with given point weights as a function of the unconstrained coordinates
 * {@code u} ({@code p = T(u)} per parameter, see {@link Transform}), for the minimizers: the chain
 * rule takes the gradient, Hessian and Gauss-Newton matrix from parameter units to {@code u}. One
 * instance per thread; a worker keeps one for all its starts ({@link #weights} sets each start's
 * point weights), since a fresh one per start is most of the garbage of a multi-start search.
 */
final class Objective implements SmoothFunction {
    private final Problem pr;
    private final Problem.Scratch s;
    private final double[] p;
    private final double[] gp;
    private final double[][] hp;
    private final double[][] gnp;
    private double[] w;
    /** How many times {@link #weights} was called: a trial point kept before the last call is not used. */
    private int generation;
    private double floor;

    Objective(Problem pr, double[] w) {
        this.pr = pr;
        this.s = pr.scratch();
        int m = pr.m;
        this.p = new double[m];
        this.gp = new double[m];
        this.hp = new double[m][m];
        this.gnp = new double[m][m];
        weights(w);
    }

    /**
     * Makes this the objective with point weights {@code w}, as a new instance would be: nothing
     * of the evaluations before (a bad row, the point of a trial) is kept.
     */
    Objective weights(double[] w) {
        this.w = w;
        double base = 0;
        double now = 0;
        for (int i = 0; i < pr.n; i++) {
            base += pr.weights[i];
            now += w[i];
        }
        this.floor = base > 0 ? pr.floor * (now / base) : 0; // pr.floor * now overflows for weights near 1e170
        s.badRow = -1;
        generation++;
        return this;
    }

    @Override
    public int dimension() {
        return pr.m;
    }

    @Override
    public double floor() {
        return floor;
    }

    @Override
    public double lower(int j) {
        return pr.transforms[j].boxLo();
    }

    @Override
    public double upper(int j) {
        return pr.transforms[j].boxHi();
    }

    /** The first row where the objective was not finite at the last evaluation, or -1. */
    int badRow() {
        return s.badRow;
    }

    /** The parameter values of {@code u}. */
    double[] params(double[] u) {
        double[] out = new double[pr.m];
        pr.toP(u, out);
        return out;
    }

    /** What an evaluation into a {@link Derivatives} keeps for its Gauss-Newton matrix. */
    private final class State {
        final Problem.Scratch scratch = pr.scratch();
        final double[] t1 = new double[pr.m];
        /** The point whose law values and derivatives the scratch holds from {@link #trial}, when {@link #held}. */
        final double[] at = new double[pr.m];
        /** Whether {@link #at} is set, by a trial since the last evaluation, under the weights of {@link #generation}. */
        boolean held;
        int generation;
    }

    private State state(Derivatives d) {
        if (d.state == null) {
            d.state = new State();
        }
        return (State) d.state;
    }

    /** The value at {@code u}, the law's derivatives kept in {@code d} for an {@link #evaluate} at the same point. */
    @Override
    public double trial(double[] u, Derivatives d) {
        State st = state(d);
        pr.toP(u, p);
        double f = pr.trial(p, w, st.scratch);
        s.badRow = st.scratch.badRow;
        System.arraycopy(u, 0, st.at, 0, pr.m);
        st.held = true;
        st.generation = generation;
        return f;
    }

    @Override
    public double evaluate(double[] u, Derivatives d) {
        pr.toP(u, p);
        if (d == null) {
            return pr.trial(p, w, s);
        }
        State st = state(d);
        d.gnReady = false;
        boolean kept = st.held && st.generation == generation && java.util.Arrays.equals(st.at, u);
        st.held = false;
        double[][] gn = d.hasGaussNewton() ? gnp : null; // the trust region asks for it at almost every point it accepts
        double f = kept ? pr.sums(w, st.scratch, gp, hp, gn) : pr.evaluate(p, w, st.scratch, gp, hp, gn);
        s.badRow = st.scratch.badRow;
        if (!Double.isFinite(f)) {
            return f;
        }
        int m = pr.m;
        for (int j = 0; j < m; j++) {
            st.t1[j] = pr.transforms[j].d1(u[j]);
            d.g[j] = gp[j] * st.t1[j];
        }
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                d.h[j][k] = hp[j][k] * st.t1[j] * st.t1[k];
            }
            d.h[j][j] += gp[j] * pr.transforms[j].d2(u[j]);
        }
        if (gn != null) {
            gaussNewtonToU(st, d);
        }
        return f;
    }

    /**
     * The Gauss-Newton matrix, which {@link #evaluate} computes with the Hessian when {@code d}
     * has room for it (in the same passes over the points); this fills it for a {@code d} whose
     * evaluation did not.
     */
    @Override
    public void gaussNewton(Derivatives d) {
        State st = (State) d.state;
        Sums.gaussNewton(pr, st.scratch, gnp);
        gaussNewtonToU(st, d);
    }

    /** {@code d.gn} from the Gauss-Newton matrix in parameter units in {@link #gnp}, by the chain rule. */
    private void gaussNewtonToU(State st, Derivatives d) {
        for (int j = 0; j < pr.m; j++) {
            for (int k = 0; k < pr.m; k++) {
                d.gn[j][k] = gnp[j][k] * st.t1[j] * st.t1[k];
            }
        }
        d.gnReady = true;
    }

    @Override
    public double gradient(double[] u, double[] g) {
        pr.toP(u, p);
        double f = pr.evaluate(p, w, s, gp, null, null);
        if (Double.isFinite(f)) {
            for (int j = 0; j < pr.m; j++) {
                g[j] = gp[j] * pr.transforms[j].d1(u[j]);
            }
        }
        return f;
    }
}
