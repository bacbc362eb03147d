package law.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import law.expr.Builtin;
import law.expr.Expr;
import law.expr.Ops;
import law.numeric.Derivatives;
import org.junit.jupiter.api.Test;

/**
 * The Gauss-Newton matrix computed with the Hessian, in the same passes over the points
 * ({@link Sums#hessian(Problem, Problem.Scratch, double[][], double[][])}), is to the bit the
 * matrix computed on its own ({@link Sums#gaussNewton}), and the Hessian and gradient are those of
 * an evaluation without it: over laws with constant derivatives, a flat parameter, and 2, 3, 4 and
 * 7 varying derivatives (every grouping of the dot loops), linear and log residuals, four losses
 * and three weightings, so each of the three ways (shared passes, a copy, the Hessian over a
 * gathered subset) is taken.
 */
class FusedSumsTest {
    private static final int POINTS = 61; // not a multiple of 4: the dot loops' tails run

    private static Expr s(String name) {
        return Expr.sym(name);
    }

    private static Expr n(double v) {
        return Expr.num(v);
    }

    /** A law over columns N and D with its parameters in order and a point where all its terms are positive. */
    private record Law(String name, Expr body, List<String> params, double[] at) {
    }

    private static List<Law> laws() {
        Expr chinchilla = Ops.add(List.of(s("E"), Ops.div(s("A"), Ops.pow(s("N"), s("alpha"))),
                Ops.div(s("B"), Ops.pow(s("D"), s("beta")))));
        Expr constants = Ops.add(List.of(s("c"), Ops.mul(n(2), s("d")), Ops.mul(s("a"), Ops.pow(s("N"), s("b"))),
                Ops.mul(s("e"), s("D"))));
        Expr flat = Ops.add(Ops.mul(s("a"), Ops.pow(s("N"), s("b"))), Ops.mul(s("c"), s("D")));
        Expr seven = Ops.add(List.of(Ops.mul(s("a"), Ops.pow(s("N"), s("b"))), Ops.mul(s("c"), Ops.pow(s("D"), s("d"))),
                Ops.mul(s("e"), Ops.mul(s("N"), s("D"))), Ops.mul(s("f"), Ops.call(Builtin.EXP, Ops.mul(s("g"), s("N"))))));
        return List.of(
                new Law("chinchilla E first", chinchilla, List.of("E", "A", "B", "alpha", "beta"),
                        new double[] {1.7, 40, 60, 0.34, 0.28}),
                new Law("chinchilla as fitted", chinchilla, List.of("A", "B", "E", "alpha", "beta"),
                        new double[] {40, 60, 1.7, 0.34, 0.28}),
                new Law("constant derivatives 1 and 2", constants, List.of("a", "c", "b", "d", "e"),
                        new double[] {3, 0.5, -0.7, 0.25, 0.01}),
                new Law("a flat parameter", flat, List.of("a", "b", "z", "c"), new double[] {3, -0.5, 9, 0.02}),
                new Law("seven varying derivatives", seven, List.of("a", "b", "c", "d", "e", "f", "g"),
                        new double[] {2, -0.5, 1, -0.3, 0.001, 0.2, 0.05}));
    }

    private static List<Loss> losses() {
        return List.of(Loss.SQUARED, new Loss(Loss.Kind.HUBER, 1e-3), new Loss(Loss.Kind.HUBER, 0.05),
                new Loss(Loss.Kind.CAUCHY, 0.02));
    }

    private static List<double[]> weightings(Random r) {
        double[] unit = new double[POINTS];
        double[] counts = new double[POINTS];
        double[] sparse = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            unit[i] = 1;
            counts[i] = r.nextInt(4);
            sparse[i] = i % 7 == 0 ? 1.5 : 0;
        }
        return List.of(unit, counts, sparse);
    }

    private static Problem problem(Law law, double[][] data, boolean log, Loss loss, double[] w, Random r) {
        Problem exact = new Problem(law.body, List.of("N", "D"), data, law.params, transforms(law), new double[POINTS],
                w, false, Loss.SQUARED);
        Problem.Scratch s = exact.scratch();
        exact.values(law.at, s);
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            y[i] = s.f[i] * Math.exp(0.03 * r.nextGaussian());
        }
        return new Problem(law.body, List.of("N", "D"), data, law.params, transforms(law), y, w, log, loss);
    }

    private static Transform[] transforms(Law law) {
        Transform[] t = new Transform[law.params.size()];
        for (int j = 0; j < t.length; j++) {
            t[j] = j % 2 == 0 ? new Transform(0, Double.POSITIVE_INFINITY)
                    : new Transform(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        return t;
    }

    private static double[][] data(Random r) {
        double[] nn = new double[POINTS];
        double[] dd = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            nn[i] = 1 + 9 * r.nextDouble();
            dd[i] = Math.pow(10, 3 * r.nextDouble());
        }
        return new double[][] {nn, dd};
    }

    /** Which way the Hessian and Gauss-Newton matrix are computed, from the weights of the sums. */
    private static String way(Problem pr, Problem.Scratch s) {
        long nonzero = Arrays.stream(s.b, 0, pr.n).filter(v -> v != 0).count();
        if (nonzero < pr.n / 2) {
            return "gathered";
        }
        return Arrays.equals(s.b, s.c) ? "copy" : "shared";
    }

    @Test
    void gaussNewtonWithTheHessianIsBitwiseTheMatrixAlone() {
        Random r = new Random(13);
        double[][] data = data(r);
        List<String> ways = new ArrayList<>();
        int cases = 0;
        for (Law law : laws()) {
            for (boolean log : new boolean[] {false, true}) {
                for (Loss loss : losses()) {
                    for (double[] w : weightings(r)) {
                        Problem pr = problem(law, data, log, loss, w, r);
                        String what = law.name + (log ? ", log " : ", linear ") + loss + ", weights "
                                + Arrays.toString(Arrays.copyOf(w, 5));
                        ways.add(check(pr, law.at, what));
                        cases++;
                    }
                }
            }
        }
        assertEquals(120, cases);
        for (String way : List.of("gathered", "copy", "shared")) {
            assertTrue(ways.contains(way), "no case computes the matrices the " + way + " way: " + ways);
        }
    }

    /** Compares one problem's fused and separate sums at {@code p}; returns the way they were computed. */
    private static String check(Problem pr, double[] p, String what) {
        int m = pr.m;
        Problem.Scratch fused = pr.scratch();
        double[] g1 = new double[m];
        double[][] h1 = new double[m][m];
        double[][] gn1 = new double[m][m];
        double f1 = pr.evaluate(p, pr.weights, fused, g1, h1, gn1);
        Problem.Scratch alone = pr.scratch();
        double[] g2 = new double[m];
        double[][] h2 = new double[m][m];
        double[][] gn2 = new double[m][m];
        double f2 = pr.evaluate(p, pr.weights, alone, g2, h2);
        Sums.gaussNewton(pr, alone, gn2);
        assertTrue(Double.isFinite(f1), what);
        assertEquals(Double.doubleToRawLongBits(f2), Double.doubleToRawLongBits(f1), what);
        assertArrayEquals(bits(g2), bits(g1), what);
        for (int j = 0; j < m; j++) {
            assertArrayEquals(bits(h2[j]), bits(h1[j]), what + ": Hessian row " + j);
            assertArrayEquals(bits(gn2[j]), bits(gn1[j]), what + ": Gauss-Newton row " + j);
        }
        if (pr.params.contains("z")) {
            int z = pr.params.indexOf("z");
            assertTrue(pr.flat[z], what);
            for (int k = 0; k < m; k++) {
                assertEquals(0.0, gn1[z][k], what);
                assertEquals(0.0, gn1[k][z], what);
            }
        }
        return way(pr, fused);
    }

    /** The bits of the value, gradient, Hessian and Gauss-Newton matrix in {@code d}. */
    private static long[][] everything(double f, Derivatives d) {
        List<long[]> rows = new ArrayList<>();
        rows.add(new long[] {Double.doubleToRawLongBits(f)});
        rows.add(bits(d.g));
        for (double[] row : d.h) {
            rows.add(bits(row));
        }
        for (double[] row : d.gn) {
            rows.add(bits(row));
        }
        return rows.toArray(new long[0][]);
    }

    /**
     * The residuals a trial leaves are used only by an evaluation at that trial's point: not after
     * a trial elsewhere, nor after one whose parameters overflowed (it computes no residuals).
     */
    @Test
    void aTrialsResidualsServeOnlyItsOwnPoint() {
        Random r = new Random(11);
        double[][] data = data(r);
        Law law = laws().get(0);
        double[] w = weightings(r).get(0);
        Problem pr = problem(law, data, true, new Loss(Loss.Kind.HUBER, 1e-3), w, r);
        Objective obj = new Objective(pr, w);
        int m = pr.m;
        double[] u = coordinates(pr, law.at);
        Derivatives fresh = new Derivatives(m, true);
        long[][] expected = everything(obj.evaluate(u, fresh), fresh);
        double[] elsewhere = u.clone();
        elsewhere[3] += 0.1;
        Derivatives d = new Derivatives(m, true);
        obj.trial(u, d);
        obj.trial(elsewhere, d);
        long[][] got = everything(obj.evaluate(u, d), d);
        for (int j = 0; j < got.length; j++) {
            assertArrayEquals(expected[j], got[j], "row " + j);
        }
        Problem.Scratch s = pr.scratch();
        double[] overflow = law.at.clone();
        overflow[0] = Double.POSITIVE_INFINITY;
        pr.trial(law.at, w, s);
        assertTrue(s.trialResiduals);
        assertEquals(Double.POSITIVE_INFINITY, pr.trial(overflow, w, s));
        assertFalse(s.trialResiduals, "a trial that computes no residuals leaves none to use");
        pr.trial(law.at, w, s);
        pr.values(law.at, s);
        assertFalse(s.trialResiduals, "new law values make the trial's residuals stale");
        pr.trial(law.at, w, s);
        pr.derivatives(law.at, s);
        assertFalse(s.trialResiduals);
    }

    /** The minimizers' coordinates of the parameter values {@code p}. */
    private static double[] coordinates(Problem pr, double[] p) {
        double[] u = new double[pr.m];
        for (int j = 0; j < pr.m; j++) {
            u[j] = pr.transforms[j].inverse(p[j]);
        }
        return u;
    }

    private static long[] bits(double[] x) {
        return Arrays.stream(x).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    /**
     * The objective for the minimizers fills the Gauss-Newton matrix as it evaluates into a
     * {@link Derivatives} that has one, the same matrix as asking for it after, whether the law's
     * values come from a trial at the point or from the evaluation itself; without room for it,
     * it leaves it to be asked for.
     */
    @Test
    void theObjectiveFillsTheGaussNewtonMatrixItWouldBeAskedFor() {
        Random r = new Random(7);
        double[][] data = data(r);
        for (Law law : laws()) {
            double[] w = weightings(r).get(0);
            Problem pr = problem(law, data, true, new Loss(Loss.Kind.HUBER, 1e-3), w, r);
            Objective obj = new Objective(pr, w);
            int m = pr.m;
            double[] u = coordinates(pr, law.at);
            long[][] first = null;
            for (boolean trialFirst : new boolean[] {false, true}) {
                Derivatives d = new Derivatives(m, true);
                if (trialFirst) {
                    obj.trial(u, d);
                }
                double f = obj.evaluate(u, d);
                assertTrue(Double.isFinite(f), law.name);
                assertTrue(d.gnReady, law.name);
                double[][] eager = Arrays.stream(d.gn).map(double[]::clone).toArray(double[][]::new);
                d.gnReady = false;
                obj.gaussNewton(d);
                assertTrue(d.gnReady, law.name);
                for (int j = 0; j < m; j++) {
                    assertArrayEquals(bits(d.gn[j]), bits(eager[j]), law.name + ", row " + j);
                }
                long[][] all = everything(f, d);
                if (first == null) {
                    first = all;
                } else {
                    for (int j = 0; j < all.length; j++) {
                        assertArrayEquals(first[j], all[j], law.name + ": after a trial (its residuals reused), row " + j);
                    }
                }
            }
            Derivatives noRoom = new Derivatives(m, false);
            obj.evaluate(u, noRoom);
            assertFalse(noRoom.gnReady, law.name);
        }
    }
}
