package law.query;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;

/**
 * The equality constraints of a {@link Problem}, each eliminating one variable. Given the free
 * coordinates, the eliminated ones are recovered by Newton's method on the residuals (Brent
 * within a bracket as a fallback for a single equality), starting from the last solution; the
 * gradient along the free coordinates follows from the implicit-function theorem.
 */
final class Elimination {
    private final Problem p;
    private final Coords c;
    private final Coords.Eq[] eqs;
    private final int[] elim;
    private final int[] free;
    private double[] lastElim;

    /**
     * Chooses the variable each equality eliminates.
     *
     * @throws Solver.SetupException when an equality has no variable left to solve for
     */
    Elimination(Problem p, Coords c) {
        this.p = p;
        this.c = c;
        eqs = p.equalities().stream().map(c::eq).toArray(Coords.Eq[]::new);
        // Each equality eliminates one variable it mentions, preferring variables without bounds,
        // and the later of the listed variables (so `optimal N, D` keeps N free).
        int[] chosen = new int[eqs.length];
        boolean[] taken = new boolean[c.n];
        for (int i = 0; i < eqs.length; i++) {
            int best = -1;
            for (int j = c.n - 1; j >= 0; j--) {
                if (taken[j] || !(eqs[i].left().dependsOn(c.names[j]) || eqs[i].right().dependsOn(c.names[j]))) {
                    continue;
                }
                if (best < 0 || (bounded(best) && !bounded(j))) {
                    best = j;
                }
            }
            if (best < 0) {
                throw new Solver.SetupException("the constraint '" + eqs[i].rel().text()
                        + "' has no variable left to solve for");
            }
            chosen[i] = best;
            taken[best] = true;
        }
        elim = chosen;
        free = IntStream.range(0, c.n).filter(j -> !taken[j]).toArray();
    }

    private boolean bounded(int j) {
        return p.bounds().containsKey(c.names[j]);
    }

    /** The eliminated variables, one per equality. */
    int[] eliminated() {
        return elim;
    }

    /** The variables left free. */
    int[] free() {
        return free;
    }

    /** Starts the next solve from {@code t} (one coordinate per eliminated variable). */
    void startFrom(double[] t) {
        lastElim = t;
    }

    /** Starts the next solve from zero rather than the last solution. */
    void forget() {
        lastElim = null;
    }

    /** Finds the eliminated coordinates of {@code t} (in place) so that every equality holds. */
    boolean solve(double[] t) {
        int k = elim.length;
        if (k == 0) {
            return true;
        }
        for (int m = 0; m < k; m++) {
            t[elim[m]] = lastElim != null ? lastElim[m] : 0;
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

    /** The gradient along the free variables, the eliminated ones following the constraints. */
    double[] reduce(double[] grad, double[] x) {
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
            double l = c.eval(eqs[i].left(), x);
            double rr = c.eval(eqs[i].right(), x);
            r[i] = l > 0 && rr > 0 ? Math.log(l / rr) : l - rr;
        }
        return r;
    }

    /** d residual_i / d t_j, consistent with {@link #residuals}. */
    private double[][] jacobian(double[] x) {
        double[][] jac = new double[eqs.length][c.n];
        for (int i = 0; i < eqs.length; i++) {
            double l = c.eval(eqs[i].left(), x);
            double r = c.eval(eqs[i].right(), x);
            boolean logForm = l > 0 && r > 0;
            for (int j = 0; j < c.n; j++) {
                double dl = c.eval(eqs[i].dl()[j], x);
                double dr = c.eval(eqs[i].dr()[j], x);
                jac[i][j] = (logForm ? dl / l - dr / r : dl - dr) * c.dxdt(j, x);
            }
        }
        return jac;
    }

    private boolean newton(double[] t) {
        int k = elim.length;
        for (int iter = 0; iter < 60; iter++) {
            double[] x = c.xOf(t);
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
                t[elim[m]] = clamp(elim[m], t[elim[m]] - s);
                biggest = Math.max(biggest, Math.abs(s) / (c.log[elim[m]] ? 1 : Math.max(1, Math.abs(t[elim[m]]))));
            }
            if (biggest < 1e-15 || size < 1e-16) {
                return converged(t);
            }
        }
        return converged(t);
    }

    private double clamp(int j, double v) {
        return Math.min(Math.max(v, c.floor(j)), c.ceiling(j));
    }

    private boolean converged(double[] t) {
        double[] x = c.xOf(t);
        for (int i = 0; i < eqs.length; i++) {
            double l = c.eval(eqs[i].left(), x);
            double r = c.eval(eqs[i].right(), x);
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
        DoubleUnaryOperator r = v -> {
            t[j] = v;
            double[] x = c.xOf(t);
            return c.eval(eqs[0].left(), x) - c.eval(eqs[0].right(), x);
        };
        double l = c.floor(j);
        double h = c.ceiling(j);
        double prevT = guess;
        double prevR = r.applyAsDouble(guess);
        for (int side = -1; side <= 1; side += 2) {
            prevT = guess;
            prevR = r.applyAsDouble(guess);
            for (int m = 0; m < 40; m++) {
                double step = c.log[j] ? Math.pow(2, m - 2) : Math.pow(4, m - 2) * Math.max(1, Math.abs(guess));
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
}
