package law.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import law.expr.Derivative;
import law.expr.Expr;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;

/**
 * Minimises a {@link Problem}. Positive variables are searched in log space ({@code t = log x}),
 * so budgets spanning twenty orders of magnitude are one smooth problem. Each equality
 * constraint eliminates one variable, which is recovered at every point by Newton's method
 * (bracketing as a fallback); gradients of the reduced objective are exact, from
 * {@link Derivative#of} and the implicit-function theorem. Bounds are kept by projection in a
 * BFGS method; other inequalities by an augmented Lagrangian. A coarse grid over the free
 * variables picks the starting points.
 */
final class Solver {
    /** Positive variables live in {@code [e^-LIMIT, e^LIMIT]} (about 1e-60 to 1e60). */
    static final double LIMIT = 138.0;
    /** Beyond {@code e^±UNBOUNDED} (about 1e45) an unbounded side of a variable counts as unbounded. */
    static final double UNBOUNDED = 103.6;
    private static final double REAL_LIMIT = 1e60;

    private final Problem p;
    private final int n;
    private final String[] names;
    private final boolean[] log;
    private final Expr[] df;
    private final Eq[] eqs;
    private final Eq[] ineqs;
    private final int[] free;
    private final int[] elim;
    private final double[] lo;
    private final double[] hi;
    private double[] lambda;
    private double rho = 10;
    private double[] lastElim;
    private int evaluations;
    private double[] cachedX;
    private double[] cachedCopy;
    private Map<String, Double> cachedMap;

    /** What came out. */
    record Solution(Map<String, Double> x, double objective, List<String> atBound, String unbounded,
                    boolean converged, double violation) {
    }

    /** The problem cannot be set up (more equalities than variables to eliminate). */
    static final class SetupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SetupException(String message) {
            super(message, null, false, false);
        }
    }

    private record Eq(Problem.Relation rel, Expr left, Expr right, Expr[] dl, Expr[] dr) {
    }

    private record Point(double[] t, double[] x, double f, double[] grad) {
    }

    Solver(Problem p) {
        this.p = p;
        n = p.vars().size();
        names = p.vars().toArray(new String[0]);
        log = new boolean[n];
        lo = new double[n];
        hi = new double[n];
        df = new Expr[n];
        for (int j = 0; j < n; j++) {
            log[j] = p.positive().contains(names[j]);
            double[] b = p.bounds().getOrDefault(names[j], new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
            lo[j] = log[j] ? (b[0] > 0 ? Math.log(b[0]) : -LIMIT) : Math.max(b[0], -REAL_LIMIT);
            hi[j] = log[j] ? (b[1] < Double.POSITIVE_INFINITY ? Math.log(b[1]) : LIMIT) : Math.min(b[1], REAL_LIMIT);
            df[j] = Derivative.of(p.objective(), names[j]);
        }
        eqs = p.equalities().stream().map(this::eq).toArray(Eq[]::new);
        // Each equality eliminates one variable it mentions, preferring variables without bounds,
        // and the later of the listed variables (so `optimal N, D` keeps N free).
        int[] chosen = new int[eqs.length];
        boolean[] taken = new boolean[n];
        for (int i = 0; i < eqs.length; i++) {
            int best = -1;
            for (int j = n - 1; j >= 0; j--) {
                if (taken[j] || !(eqs[i].left.dependsOn(names[j]) || eqs[i].right.dependsOn(names[j]))) {
                    continue;
                }
                if (best < 0 || (bounded(best) && !bounded(j))) {
                    best = j;
                }
            }
            if (best < 0) {
                throw new SetupException("the constraint '" + eqs[i].rel.text()
                        + "' has no variable left to solve for");
            }
            chosen[i] = best;
            taken[best] = true;
        }
        elim = chosen;
        List<Problem.Relation> extra = new ArrayList<>(p.inequalities());
        for (int e : elim) {
            if (p.bounds().containsKey(names[e])) {
                double[] b = p.bounds().get(names[e]);
                if (b[0] > Double.NEGATIVE_INFINITY && !(log[e] && b[0] <= 0)) {
                    extra.add(new Problem.Relation(Expr.num(b[0]), Expr.sym(names[e]), names[e] + " >= " + b[0]));
                }
                if (b[1] < Double.POSITIVE_INFINITY) {
                    extra.add(new Problem.Relation(Expr.sym(names[e]), Expr.num(b[1]), names[e] + " <= " + b[1]));
                }
            }
        }
        ineqs = extra.stream().map(this::eq).toArray(Eq[]::new);
        lambda = new double[ineqs.length];
        free = java.util.stream.IntStream.range(0, n).filter(j -> !taken[j]).toArray();
    }

    private boolean bounded(int j) {
        return p.bounds().containsKey(names[j]);
    }

    private Eq eq(Problem.Relation r) {
        Expr[] dl = new Expr[n];
        Expr[] dr = new Expr[n];
        for (int j = 0; j < n; j++) {
            dl[j] = Derivative.of(r.left(), names[j]);
            dr[j] = Derivative.of(r.right(), names[j]);
        }
        return new Eq(r, r.left(), r.right(), dl, dr);
    }

    /** Minimises from a grid of starting points, or from {@code warm} when given. */
    Solution solve(Map<String, Double> warm) {
        double[] tFree = new double[free.length];
        List<double[]> starts = new ArrayList<>();
        if (warm != null) {
            lastElim = new double[elim.length];
            for (int i = 0; i < elim.length; i++) {
                lastElim[i] = toT(elim[i], warm.get(names[elim[i]]));
            }
            for (int k = 0; k < free.length; k++) {
                tFree[k] = toT(free[k], warm.get(names[free[k]]));
            }
            starts.add(tFree);
        } else {
            starts = grid();
            if (starts.isEmpty()) {
                return null;
            }
        }
        Point best = null;
        for (double[] s : starts) {
            Point pt = augmented(s);
            if (pt != null && (best == null || pt.f < best.f)) {
                best = pt;
            }
        }
        if (best == null) {
            return null;
        }
        return finish(best);
    }

    private double toT(int j, double x) {
        return log[j] ? Math.log(x) : x;
    }

    // ------------------------------------------------------------------ starting points

    private List<double[]> grid() {
        int d = free.length;
        double[][] axes = new double[d][];
        long size = 1;
        for (int k = 0; k < d; k++) {
            axes[k] = axis(free[k], d == 1);
            size *= axes[k].length;
        }
        List<double[]> candidates = new ArrayList<>();
        if (size <= 4000) {
            int[] idx = new int[d];
            for (long c = 0; c < size; c++) {
                double[] t = new double[d];
                long rest = c;
                for (int k = 0; k < d; k++) {
                    idx[k] = (int) (rest % axes[k].length);
                    rest /= axes[k].length;
                    t[k] = axes[k][idx[k]];
                }
                candidates.add(t);
            }
        } else {
            Random r = new Random(42);
            for (int c = 0; c < 3000; c++) {
                double[] t = new double[d];
                for (int k = 0; k < d; k++) {
                    t[k] = axes[k][r.nextInt(axes[k].length)];
                }
                candidates.add(t);
            }
        }
        List<Point> scored = new ArrayList<>();
        for (double[] t : candidates) {
            lastElim = null;
            Point pt = evaluate(t, false);
            if (pt != null && Double.isFinite(pt.f)) {
                scored.add(pt);
            }
        }
        scored.sort((a, b) -> Double.compare(a.f, b.f));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(3, scored.size()); i++) {
            out.add(scored.get(i).t);
        }
        return out;
    }

    private double[] axis(int j, boolean fine) {
        List<Double> out = new ArrayList<>();
        boolean userLo = log[j] ? lo[j] > -LIMIT : lo[j] > -REAL_LIMIT;
        boolean userHi = log[j] ? hi[j] < LIMIT : hi[j] < REAL_LIMIT;
        if (userLo && userHi) {
            int m = fine ? 25 : 7;
            for (int i = 0; i < m; i++) {
                out.add(lo[j] + (hi[j] - lo[j]) * (i + 0.5) / m);
            }
        } else if (log[j]) {
            double step = fine ? 1 : 3;
            for (double k = -6; k <= 30; k += step) {
                double t = k * Math.log(10);
                if (t > lo[j] && t < hi[j]) {
                    out.add(t);
                }
            }
            if (out.isEmpty()) {
                out.add(userLo ? lo[j] + 1 : hi[j] - 1);
            }
        } else {
            double[] mags = fine ? new double[] {1e-3, 1e-2, 0.1, 1, 10, 100, 1e3, 1e4, 1e6} : new double[] {1e-2, 1, 100, 1e4};
            out.add(Math.min(Math.max(0, lo[j]), hi[j]));
            for (double m : mags) {
                for (double s : new double[] {-m, m}) {
                    if (s > lo[j] && s < hi[j]) {
                        out.add(s);
                    }
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // ------------------------------------------------------------------ augmented Lagrangian

    private Point augmented(double[] start) {
        Arrays.fill(lambda, 0);
        rho = 10;
        double[] t = start.clone();
        Point pt = null;
        double lastViolation = Double.POSITIVE_INFINITY;
        for (int outer = 0; outer < (ineqs.length == 0 ? 1 : 30); outer++) {
            pt = bfgs(t);
            if (pt == null) {
                return null;
            }
            t = pt.t;
            if (ineqs.length == 0) {
                break;
            }
            double violation = 0;
            double[] g = new double[ineqs.length];
            for (int i = 0; i < ineqs.length; i++) {
                g[i] = ineqValue(i, pt.x);
                violation = Math.max(violation, Math.max(0, g[i]));
                lambda[i] = Math.max(0, lambda[i] + rho * g[i]);
            }
            if (violation < 1e-13) {
                break;
            }
            if (violation > 0.25 * lastViolation) {
                rho = Math.min(rho * 10, 1e12);
            }
            lastViolation = violation;
        }
        // The reported objective is the plain one.
        return new Point(pt.t, pt.x, eval(p.objective(), pt.x), pt.grad);
    }

    /** Inequality {@code left <= right} as {@code g <= 0}, scaled to be unit-free. */
    private double ineqValue(int i, double[] x) {
        double l = eval(ineqs[i].left, x);
        double r = eval(ineqs[i].right, x);
        return (l - r) / Math.max(1e-300, Math.max(Math.abs(l), Math.abs(r)));
    }

    private double[] ineqGrad(int i, double[] x) {
        double l = eval(ineqs[i].left, x);
        double r = eval(ineqs[i].right, x);
        double s = Math.max(1e-300, Math.max(Math.abs(l), Math.abs(r)));
        double[] g = new double[n];
        for (int j = 0; j < n; j++) {
            g[j] = (eval(ineqs[i].dl[j], x) - eval(ineqs[i].dr[j], x)) / s * dxdt(j, x);
        }
        return g;
    }

    // ------------------------------------------------------------------ BFGS with bounds

    private Point bfgs(double[] start) {
        int d = free.length;
        double[] t = project(start);
        Point e = evaluate(t, true);
        if (e == null || !Double.isFinite(e.f)) {
            return null;
        }
        if (d == 0) {
            return e;
        }
        double[][] h = identity(d);
        boolean scaled = false;
        boolean[] fixedBefore = new boolean[d];
        for (int iter = 0; iter < 2000; iter++) {
            double[] g = e.grad;
            boolean[] fixed = new boolean[d];
            double pg = 0;
            for (int k = 0; k < d; k++) {
                int j = free[k];
                fixed[k] = (t[k] <= lo[j] + 1e-12 && g[k] > 0) || (t[k] >= hi[j] - 1e-12 && g[k] < 0);
                if (!fixed[k]) {
                    pg = Math.max(pg, Math.abs(g[k]));
                }
            }
            if (pg <= 1e-15 * Math.max(1, Math.abs(e.f))) {
                break;
            }
            if (!Arrays.equals(fixed, fixedBefore)) {
                h = identity(d);
                scaled = false;
                fixedBefore = fixed;
            }
            double[] dir = new double[d];
            double slope = 0;
            for (int a = 0; a < d; a++) {
                if (fixed[a]) {
                    continue;
                }
                for (int b = 0; b < d; b++) {
                    if (!fixed[b]) {
                        dir[a] -= h[a][b] * g[b];
                    }
                }
                slope += dir[a] * g[a];
            }
            if (!(slope < 0)) {
                h = identity(d);
                for (int a = 0; a < d; a++) {
                    dir[a] = fixed[a] ? 0 : -g[a];
                }
            }
            double factor = 1;
            for (int a = 0; a < d; a++) {
                double cap = log[free[a]] ? 4 : 4 * Math.max(1, Math.abs(t[a]));
                if (Math.abs(dir[a]) * factor > cap) {
                    factor = cap / Math.abs(dir[a]);
                }
            }
            Point next = null;
            double alpha = factor;
            for (int ls = 0; ls < 60; ls++) {
                double[] tn = new double[d];
                for (int a = 0; a < d; a++) {
                    tn[a] = t[a] + alpha * dir[a];
                }
                tn = project(tn);
                Point cand = evaluate(tn, true);
                if (cand != null && Double.isFinite(cand.f)) {
                    double decrease = 0;
                    for (int a = 0; a < d; a++) {
                        decrease += g[a] * (tn[a] - t[a]);
                    }
                    boolean armijo = cand.f <= e.f + 1e-4 * decrease;
                    // Near the optimum f stops resolving progress; the gradient still does.
                    boolean flat = Math.abs(cand.f - e.f) <= 1e-14 * Math.max(1, Math.abs(e.f))
                            && norm(cand.grad, fixed) < 0.9 * pg;
                    if (armijo || flat) {
                        next = cand;
                        break;
                    }
                }
                alpha *= 0.5;
            }
            if (next == null) {
                break;
            }
            double[] s = new double[d];
            double[] y = new double[d];
            double sy = 0;
            double yy = 0;
            for (int a = 0; a < d; a++) {
                s[a] = next.t[a] - t[a];
                y[a] = next.grad[a] - g[a];
                sy += s[a] * y[a];
                yy += y[a] * y[a];
            }
            if (sy > 1e-300) {
                if (!scaled) {
                    for (int a = 0; a < d; a++) {
                        h[a][a] = sy / yy;
                    }
                    scaled = true;
                }
                update(h, s, y, sy);
            }
            boolean moved = false;
            for (int a = 0; a < d; a++) {
                moved |= s[a] != 0;
            }
            t = next.t;
            e = next;
            if (!moved) {
                break;
            }
        }
        return e;
    }

    private static double norm(double[] g, boolean[] fixed) {
        double m = 0;
        for (int a = 0; a < g.length; a++) {
            if (!fixed[a]) {
                m = Math.max(m, Math.abs(g[a]));
            }
        }
        return m;
    }

    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int d = s.length;
        double[] hy = new double[d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                hy[a] += h[a][b] * y[b];
            }
        }
        double yhy = 0;
        for (int a = 0; a < d; a++) {
            yhy += y[a] * hy[a];
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                h[a][b] += ((sy + yhy) * s[a] * s[b]) / (sy * sy) - (hy[a] * s[b] + s[a] * hy[b]) / sy;
            }
        }
    }

    private static double[][] identity(int d) {
        double[][] h = new double[d][d];
        for (int a = 0; a < d; a++) {
            h[a][a] = 1;
        }
        return h;
    }

    private double[] project(double[] t) {
        double[] out = t.clone();
        for (int k = 0; k < out.length; k++) {
            int j = free[k];
            out[k] = Math.min(Math.max(out[k], lo[j]), hi[j]);
        }
        return out;
    }

    // ------------------------------------------------------------------ the reduced objective

    /** The (penalised) objective at free coordinates {@code tFree}, or {@code null} when no point satisfies the equalities there. */
    private Point evaluate(double[] tFree, boolean withPenalty) {
        evaluations++;
        double[] t = new double[n];
        for (int k = 0; k < free.length; k++) {
            t[free[k]] = tFree[k];
        }
        if (!solveEliminated(t)) {
            return null;
        }
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = log[j] ? Math.exp(t[j]) : t[j];
        }
        double f = eval(p.objective(), x);
        if (!Double.isFinite(f)) {
            return new Point(tFree, x, Double.NaN, null);
        }
        double[] grad = new double[n];
        for (int j = 0; j < n; j++) {
            grad[j] = eval(df[j], x) * dxdt(j, x);
        }
        if (withPenalty) {
            for (int i = 0; i < ineqs.length; i++) {
                double g = ineqValue(i, x);
                double m = Math.max(0, lambda[i] + rho * g);
                f += (m * m - lambda[i] * lambda[i]) / (2 * rho);
                if (m > 0) {
                    double[] gg = ineqGrad(i, x);
                    for (int j = 0; j < n; j++) {
                        grad[j] += m * gg[j];
                    }
                }
            }
        }
        return new Point(tFree, x, f, reduce(grad, x));
    }

    /** The gradient along the free variables, the eliminated ones following the constraints. */
    private double[] reduce(double[] grad, double[] x) {
        double[] out = new double[free.length];
        if (elim.length == 0) {
            for (int k = 0; k < free.length; k++) {
                out[k] = grad[free[k]];
            }
            return out;
        }
        double[][] jac = jacobian(x);
        int k = elim.length;
        double[][] je = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int m = 0; m < k; m++) {
                je[i][m] = jac[i][elim[m]];
            }
        }
        double[] ge = new double[k];
        for (int m = 0; m < k; m++) {
            ge[m] = grad[elim[m]];
        }
        // w solves J_E^T w = grad_E; the reduced gradient is grad_F - J_F^T w.
        DecompositionSolver lu = new LUDecomposition(new Array2DRowRealMatrix(je).transpose()).getSolver();
        double[] w = lu.solve(new ArrayRealVector(ge)).toArray();
        for (int a = 0; a < free.length; a++) {
            double v = grad[free[a]];
            for (int i = 0; i < k; i++) {
                v -= jac[i][free[a]] * w[i];
            }
            out[a] = v;
        }
        return out;
    }

    /** Residuals of the equalities: {@code log(l / r)} when both sides are positive, else {@code l - r}. */
    private double[] residuals(double[] x) {
        double[] r = new double[eqs.length];
        for (int i = 0; i < eqs.length; i++) {
            double l = eval(eqs[i].left, x);
            double rr = eval(eqs[i].right, x);
            r[i] = l > 0 && rr > 0 ? Math.log(l / rr) : l - rr;
        }
        return r;
    }

    /** d residual_i / d t_j, consistent with {@link #residuals}. */
    private double[][] jacobian(double[] x) {
        double[][] jac = new double[eqs.length][n];
        for (int i = 0; i < eqs.length; i++) {
            double l = eval(eqs[i].left, x);
            double r = eval(eqs[i].right, x);
            boolean logForm = l > 0 && r > 0;
            for (int j = 0; j < n; j++) {
                double dl = eval(eqs[i].dl[j], x);
                double dr = eval(eqs[i].dr[j], x);
                jac[i][j] = (logForm ? dl / l - dr / r : dl - dr) * dxdt(j, x);
            }
        }
        return jac;
    }

    private double dxdt(int j, double[] x) {
        return log[j] ? x[j] : 1;
    }

    /** Finds the eliminated coordinates of {@code t} (in place) so that every equality holds. */
    private boolean solveEliminated(double[] t) {
        int k = elim.length;
        if (k == 0) {
            return true;
        }
        for (int m = 0; m < k; m++) {
            t[elim[m]] = lastElim != null ? lastElim[m] : (log[elim[m]] ? 0 : 0);
        }
        if (newton(t) || (k == 1 && bracket(t))) {
            lastElim = new double[k];
            for (int m = 0; m < k; m++) {
                lastElim[m] = t[elim[m]];
            }
            return true;
        }
        return false;
    }

    private double[] xOf(double[] t) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = log[j] ? Math.exp(t[j]) : t[j];
        }
        return x;
    }

    private boolean newton(double[] t) {
        int k = elim.length;
        for (int iter = 0; iter < 60; iter++) {
            double[] x = xOf(t);
            double[] r = residuals(x);
            double size = 0;
            for (double v : r) {
                if (!Double.isFinite(v)) {
                    return false;
                }
                size = Math.max(size, Math.abs(v));
            }
            double[][] jac = jacobian(x);
            double[][] je = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int m = 0; m < k; m++) {
                    je[i][m] = jac[i][elim[m]];
                }
            }
            double[] step;
            try {
                step = new LUDecomposition(new Array2DRowRealMatrix(je)).getSolver()
                        .solve(new ArrayRealVector(r)).toArray();
            } catch (RuntimeException singular) {
                return false;
            }
            double biggest = 0;
            for (int m = 0; m < k; m++) {
                double s = Math.max(-8, Math.min(8, step[m]));
                t[elim[m]] = clampElim(elim[m], t[elim[m]] - s);
                biggest = Math.max(biggest, Math.abs(s) / (log[elim[m]] ? 1 : Math.max(1, Math.abs(t[elim[m]]))));
            }
            if (biggest < 1e-15 || size < 1e-16) {
                return converged(t);
            }
        }
        return converged(t);
    }

    private double clampElim(int j, double v) {
        double l = log[j] ? -LIMIT : -REAL_LIMIT;
        double h = log[j] ? LIMIT : REAL_LIMIT;
        return Math.min(Math.max(v, l), h);
    }

    private boolean converged(double[] t) {
        double[] x = xOf(t);
        for (int i = 0; i < eqs.length; i++) {
            double l = eval(eqs[i].left, x);
            double r = eval(eqs[i].right, x);
            if (!(Math.abs(l - r) <= 1e-10 * Math.max(Math.abs(l), Math.abs(r)) || Math.abs(l - r) < 1e-300)) {
                return false;
            }
        }
        return true;
    }

    /** One equality, one unknown: look for a sign change around the guess, then Brent. */
    private boolean bracket(double[] t) {
        int j = elim[0];
        double guess = t[j];
        java.util.function.DoubleUnaryOperator r = v -> {
            t[j] = v;
            double[] x = xOf(t);
            return eval(eqs[0].left, x) - eval(eqs[0].right, x);
        };
        double l = log[j] ? -LIMIT : -REAL_LIMIT;
        double h = log[j] ? LIMIT : REAL_LIMIT;
        double prevT = guess;
        double prevR = r.applyAsDouble(guess);
        for (int side = -1; side <= 1; side += 2) {
            prevT = guess;
            prevR = r.applyAsDouble(guess);
            for (int m = 0; m < 40; m++) {
                double step = log[j] ? Math.pow(2, m - 2) : Math.pow(4, m - 2) * Math.max(1, Math.abs(guess));
                double v = Math.min(Math.max(guess + side * step, l), h);
                double rv = r.applyAsDouble(v);
                if (Double.isFinite(rv) && Double.isFinite(prevR) && (rv == 0 || Math.signum(rv) != Math.signum(prevR))) {
                    double a = Math.min(prevT, v);
                    double b = Math.max(prevT, v);
                    try {
                        double root = new BrentSolver(1e-15, 1e-15).solve(200, r::applyAsDouble, a, b);
                        t[j] = root;
                        return converged(t) || newton(t);
                    } catch (RuntimeException e) {
                        return false;
                    }
                }
                prevT = v;
                prevR = rv;
                if (v == l || v == h) {
                    break;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ results

    private Solution finish(Point pt) {
        Map<String, Double> x = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            x.put(names[j], pt.x[j]);
        }
        List<String> atBound = new ArrayList<>();
        String unbounded = null;
        double[] t = new double[n];
        for (int j = 0; j < n; j++) {
            t[j] = log[j] ? Math.log(pt.x[j]) : pt.x[j];
        }
        for (int j = 0; j < n; j++) {
            double[] b = p.bounds().get(names[j]);
            boolean userLo = b != null && b[0] > Double.NEGATIVE_INFINITY && !(log[j] && b[0] <= 0);
            boolean userHi = b != null && b[1] < Double.POSITIVE_INFINITY;
            if (userLo && Math.abs(pt.x[j] - b[0]) <= 1e-9 * Math.max(1, Math.abs(b[0]))) {
                atBound.add(names[j] + " at its lower bound " + law.report.Fmt.num(b[0]));
            } else if (userHi && Math.abs(pt.x[j] - b[1]) <= 1e-9 * Math.max(1, Math.abs(b[1]))) {
                atBound.add(names[j] + " at its upper bound " + law.report.Fmt.num(b[1]));
            }
            if (log[j]) {
                if (!userHi && t[j] > UNBOUNDED) {
                    unbounded = names[j] + " grows without limit";
                } else if (!userLo && t[j] < -UNBOUNDED) {
                    unbounded = names[j] + " shrinks towards 0";
                }
            } else if (!userHi && t[j] > 1e45) {
                unbounded = names[j] + " grows without limit";
            } else if (!userLo && t[j] < -1e45) {
                unbounded = names[j] + " decreases without limit";
            }
        }
        double violation = 0;
        for (int i = 0; i < ineqs.length; i++) {
            double g = ineqValue(i, pt.x);
            violation = Math.max(violation, g);
            if (g > -1e-8 && lambda[i] > 0) {
                atBound.add("the constraint '" + ineqs[i].rel.text() + "' is active");
            }
        }
        boolean converged = pt.grad == null || Arrays.stream(pt.grad).allMatch(v -> Math.abs(v) < 1e-6 * Math.max(1, Math.abs(pt.f)))
                || !atBound.isEmpty();
        return new Solution(x, pt.f, atBound, unbounded, converged, violation);
    }

    /** How many points were evaluated (for tests of efficiency). */
    int evaluations() {
        return evaluations;
    }

    private double eval(Expr e, double[] x) {
        if (e instanceof Expr.Num num) {
            return num.value();
        }
        if (x != cachedX || !Arrays.equals(x, cachedCopy)) {
            cachedMap = new HashMap<>(2 * n);
            for (int j = 0; j < n; j++) {
                cachedMap.put(names[j], x[j]);
            }
            cachedX = x;
            cachedCopy = x.clone();
        }
        return e.evaluate(cachedMap);
    }
}
