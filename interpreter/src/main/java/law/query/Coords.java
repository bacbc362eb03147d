package law.query;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import law.expr.Derivative;
import law.expr.Expr;

/**
 * The variables of a {@link Problem} and the coordinates the solver searches them in: a positive
 * variable {@code x} is searched as {@code t = log x}, any other as {@code t = x}. Holds the
 * bounds in those coordinates and evaluates expressions at a point {@code x}, reusing the
 * name-to-value map while the point stays the same.
 */
final class Coords {
    /** Positive variables live in {@code [e^-LIMIT, e^LIMIT]} (about 1e-60 to 1e60). */
    static final double LIMIT = 138.0;
    private static final double REAL_LIMIT = 1e60;

    /** How many variables. */
    final int n;
    /** The variables, in the problem's order. */
    final String[] names;
    /** Which variables are searched in log space. */
    final boolean[] log;
    /** Lower bounds in search coordinates. */
    final double[] lo;
    /** Upper bounds in search coordinates. */
    final double[] hi;

    private double[] cachedX;
    private double[] cachedCopy;
    private Map<String, Double> cachedMap;

    /**
     * A relation with the derivatives of both sides by every variable.
     *
     * @param rel   the relation as given
     * @param left  left side
     * @param right right side
     * @param dl    d left / d x_j
     * @param dr    d right / d x_j
     */
    record Eq(Problem.Relation rel, Expr left, Expr right, Expr[] dl, Expr[] dr) {
    }

    Coords(Problem p) {
        n = p.vars().size();
        names = p.vars().toArray(new String[0]);
        log = new boolean[n];
        lo = new double[n];
        hi = new double[n];
        for (int j = 0; j < n; j++) {
            log[j] = p.positive().contains(names[j]);
            double[] b = p.bounds().getOrDefault(names[j], new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
            lo[j] = log[j] ? (b[0] > 0 ? Math.log(b[0]) : -LIMIT) : Math.max(b[0], -REAL_LIMIT);
            hi[j] = log[j] ? (b[1] < Double.POSITIVE_INFINITY ? Math.log(b[1]) : LIMIT) : Math.min(b[1], REAL_LIMIT);
        }
    }

    /** Differentiates both sides of {@code r} by every variable. */
    Eq eq(Problem.Relation r) {
        Expr[] dl = new Expr[n];
        Expr[] dr = new Expr[n];
        for (int j = 0; j < n; j++) {
            dl[j] = Derivative.of(r.left(), names[j]);
            dr[j] = Derivative.of(r.right(), names[j]);
        }
        return new Eq(r, r.left(), r.right(), dl, dr);
    }

    /** The lowest coordinate variable {@code j} may take, bounds or not. */
    double floor(int j) {
        return log[j] ? -LIMIT : -REAL_LIMIT;
    }

    /** The highest coordinate variable {@code j} may take, bounds or not. */
    double ceiling(int j) {
        return log[j] ? LIMIT : REAL_LIMIT;
    }

    /** The coordinate of value {@code x} of variable {@code j}. */
    double toT(int j, double x) {
        return log[j] ? Math.log(x) : x;
    }

    /** The point at coordinates {@code t}. */
    double[] xOf(double[] t) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = log[j] ? Math.exp(t[j]) : t[j];
        }
        return x;
    }

    /** {@code d x_j / d t_j} at the point {@code x}. */
    double dxdt(int j, double[] x) {
        return log[j] ? x[j] : 1;
    }

    /** The value of {@code e} at the point {@code x}. */
    double eval(Expr e, double[] x) {
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
