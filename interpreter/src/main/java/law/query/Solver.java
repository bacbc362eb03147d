package law.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.expr.Derivative;
import law.expr.Expr;
import law.numeric.ProjectedBfgs;

/**
 * Minimises a {@link Problem}. Positive variables are searched in log space ({@code t = log x},
 * see {@link Coords}), so budgets spanning twenty orders of magnitude are one smooth problem.
 * Each equality constraint eliminates one variable ({@link Elimination}), which is recovered at
 * every point by Newton's method (bracketing as a fallback); gradients of the reduced objective
 * are exact, from {@link Derivative#of} and the implicit-function theorem. Bounds are kept by
 * projection in a BFGS method ({@link ProjectedBfgs}); other inequalities by an augmented Lagrangian,
 * here. A coarse grid over the free variables picks the starting points ({@link Starts}).
 */
final class Solver {
    /** Beyond {@code e^±UNBOUNDED} (about 1e45) an unbounded side of a variable counts as unbounded. */
    static final double UNBOUNDED = 103.6;

    private final Problem p;
    private final Coords c;
    private final int n;
    private final String[] names;
    private final boolean[] log;
    private final Expr[] df;
    private final Elimination elimination;
    private final Coords.Eq[] ineqs;
    private final int[] free;
    private final int[] elim;
    private final ProjectedBfgs<Point> bfgs;
    private final double[] lambda;
    private double rho = 10;
    private int evaluations;
    private law.eval.Progress progress = law.eval.Progress.NONE;

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

    /** @throws SetupException when the equalities cannot all be eliminated */
    Solver(Problem p) {
        this.p = p;
        c = new Coords(p);
        n = c.n;
        names = c.names;
        log = c.log;
        df = new Expr[n];
        for (int j = 0; j < n; j++) {
            df[j] = Derivative.of(p.objective(), names[j]);
        }
        elimination = new Elimination(p, c);
        elim = elimination.eliminated();
        free = elimination.free();
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
        ineqs = extra.stream().map(c::eq).toArray(Coords.Eq[]::new);
        lambda = new double[ineqs.length];
        bfgs = bfgs(c, free);
    }

    /** The BFGS method over the free coordinates, within their bounds; checks for cancellation at every point. */
    private ProjectedBfgs<Point> bfgs(Coords c, int[] free) {
        double[] lo = new double[free.length];
        double[] hi = new double[free.length];
        boolean[] logScale = new boolean[free.length];
        for (int k = 0; k < free.length; k++) {
            lo[k] = c.lo[free[k]];
            hi[k] = c.hi[free[k]];
            logScale[k] = c.log[free[k]];
        }
        return new ProjectedBfgs<>(lo, hi, logScale, t -> {
            law.eval.Cancelled.check();
            return evaluate(t, true);
        });
    }

    /** Reports the search's progress (the grid of starts, then the searches from the best) to {@code p}. */
    Solver progress(law.eval.Progress p) {
        progress = p;
        return this;
    }

    /** Minimises from a grid of starting points, or from {@code warm} when given. */
    Solution solve(Map<String, Double> warm) {
        double[] tFree = new double[free.length];
        List<double[]> starts = new ArrayList<>();
        if (warm != null) {
            double[] lastElim = new double[elim.length];
            for (int i = 0; i < elim.length; i++) {
                lastElim[i] = c.toT(elim[i], warm.get(names[elim[i]]));
            }
            elimination.startFrom(lastElim);
            for (int k = 0; k < free.length; k++) {
                tFree[k] = c.toT(free[k], warm.get(names[free[k]]));
            }
            starts.add(tFree);
        } else {
            // Each grid point is scored from scratch, not from the last point's solution.
            starts = new Starts(c, free).pick(t -> {
                elimination.forget();
                return evaluate(t, false);
            }, progress);
            if (starts.isEmpty()) {
                return null;
            }
        }
        Point best = null;
        try (law.eval.Progress.Task task = progress.start("searching from the best starts", starts.size())) {
            for (double[] s : starts) {
                law.eval.Cancelled.check();
                Point pt = augmented(s);
                if (pt != null && (best == null || pt.f() < best.f())) {
                    best = pt;
                }
                task.step();
            }
        }
        if (best == null) {
            return null;
        }
        return finish(best);
    }

    // ------------------------------------------------------------------ augmented Lagrangian

    private Point augmented(double[] start) {
        Arrays.fill(lambda, 0);
        rho = 10;
        double[] t = start.clone();
        Point pt = null;
        double lastViolation = Double.POSITIVE_INFINITY;
        for (int outer = 0; outer < (ineqs.length == 0 ? 1 : 30); outer++) {
            law.eval.Cancelled.check();
            pt = bfgs.minimise(t);
            if (pt == null) {
                return null;
            }
            t = pt.t();
            if (ineqs.length == 0) {
                break;
            }
            double violation = 0;
            double[] g = new double[ineqs.length];
            for (int i = 0; i < ineqs.length; i++) {
                g[i] = ineqValue(i, pt.x());
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
        return new Point(pt.t(), pt.x(), eval(p.objective(), pt.x()), pt.grad());
    }

    /** Inequality {@code left <= right} as {@code g <= 0}, scaled to be unit-free. */
    private double ineqValue(int i, double[] x) {
        double l = eval(ineqs[i].left(), x);
        double r = eval(ineqs[i].right(), x);
        return (l - r) / Math.max(1e-300, Math.max(Math.abs(l), Math.abs(r)));
    }

    private double[] ineqGrad(int i, double[] x) {
        double l = eval(ineqs[i].left(), x);
        double r = eval(ineqs[i].right(), x);
        double s = Math.max(1e-300, Math.max(Math.abs(l), Math.abs(r)));
        double[] g = new double[n];
        for (int j = 0; j < n; j++) {
            g[j] = (eval(ineqs[i].dl()[j], x) - eval(ineqs[i].dr()[j], x)) / s * dxdt(j, x);
        }
        return g;
    }

    // ------------------------------------------------------------------ the reduced objective

    /** The (penalised) objective at free coordinates {@code tFree}, or {@code null} when no point satisfies the equalities there. */
    private Point evaluate(double[] tFree, boolean withPenalty) {
        evaluations++;
        double[] t = new double[n];
        for (int k = 0; k < free.length; k++) {
            t[free[k]] = tFree[k];
        }
        if (!elimination.solve(t)) {
            return null;
        }
        double[] x = c.xOf(t);
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
        return new Point(tFree, x, f, elimination.reduce(grad, x));
    }

    // ------------------------------------------------------------------ results

    /**
     * A positive variable whose objective keeps falling as it moves 25 and 50 e-folds further
     * towards 0 (or infinity) has no optimum, even when the optimiser stopped because the slope in
     * log space became tiny ({@code minimize x} stops near 1e-15): say which way it runs.
     */
    private String runsAway(Point pt) {
        for (int k = 0; k < free.length; k++) {
            int j = free[k];
            double[] b = p.bounds().get(names[j]);
            boolean userLo = b != null && b[0] > 0;
            boolean userHi = b != null && b[1] < Double.POSITIVE_INFINITY;
            if (!log[j]) {
                continue;
            }
            for (double dir : new double[] {-1, 1}) {
                if ((dir < 0 && userLo) || (dir > 0 && userHi)) {
                    continue;
                }
                double[] near = pt.t().clone();
                double[] far = pt.t().clone();
                near[k] += dir * 25;
                far[k] += dir * 50;
                if (Math.abs(far[k]) > Coords.LIMIT) {
                    continue;
                }
                Point a = evaluate(near, false);
                Point z = evaluate(far, false);
                if (a != null && z != null && Double.isFinite(a.f()) && Double.isFinite(z.f())
                        && a.f() < pt.f() && z.f() <= a.f()) {
                    return names[j] + (dir < 0 ? " shrinks towards 0" : " grows without limit");
                }
            }
        }
        return null;
    }

    private Solution finish(Point pt) {
        Map<String, Double> x = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            x.put(names[j], pt.x()[j]);
        }
        List<String> atBound = new ArrayList<>();
        String unbounded = null;
        double[] t = new double[n];
        for (int j = 0; j < n; j++) {
            t[j] = c.toT(j, pt.x()[j]);
        }
        for (int j = 0; j < n; j++) {
            double[] b = p.bounds().get(names[j]);
            boolean userLo = b != null && b[0] > Double.NEGATIVE_INFINITY && !(log[j] && b[0] <= 0);
            boolean userHi = b != null && b[1] < Double.POSITIVE_INFINITY;
            if (userLo && Math.abs(pt.x()[j] - b[0]) <= 1e-9 * Math.max(1, Math.abs(b[0]))) {
                atBound.add(names[j] + " at its lower bound " + law.report.Fmt.num(b[0]));
            } else if (userHi && Math.abs(pt.x()[j] - b[1]) <= 1e-9 * Math.max(1, Math.abs(b[1]))) {
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
        if (unbounded == null && ineqs.length == 0) {
            unbounded = runsAway(pt);
        }
        double violation = 0;
        for (int i = 0; i < ineqs.length; i++) {
            double g = ineqValue(i, pt.x());
            violation = Math.max(violation, g);
            if (g > -1e-8 && lambda[i] > 0) {
                atBound.add("the constraint '" + ineqs[i].rel().text() + "' is active");
            }
        }
        boolean converged = pt.grad() == null || Arrays.stream(pt.grad()).allMatch(v -> Math.abs(v) < 1e-6 * Math.max(1, Math.abs(pt.f())))
                || !atBound.isEmpty();
        return new Solution(x, pt.f(), atBound, unbounded, converged, violation);
    }

    /** How many points were evaluated (for tests of efficiency). */
    int evaluations() {
        return evaluations;
    }

    private double eval(Expr e, double[] x) {
        return c.eval(e, x);
    }

    private double dxdt(int j, double[] x) {
        return c.dxdt(j, x);
    }
}
