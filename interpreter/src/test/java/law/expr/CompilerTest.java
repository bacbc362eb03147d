package law.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Compiled evaluation against the scalar tree walk, across block boundaries and threads. */
class CompilerTest {
    static final List<String> COLUMNS = List.of("N", "D", "x", "y");
    static final List<String> PARAMS = List.of("E", "A", "B", "alpha", "beta");
    static final String CHINCHILLA = "E + A / N^alpha + B / D^beta";

    /** Expressions over columns N, D, x, y and scalars E, A, B, alpha, beta. */
    static List<Expr> outputs() {
        List<String> sources = List.of(
                CHINCHILLA,
                "lse(log(E) , log(A) - alpha * log(N), log(B) - beta * log(D))",
                "lse(x, y)", "lse(x * alpha, y, E)", "lse(x, 2)",
                "min(x, y)", "max(x, y, alpha)", "min(x, y) * max(x, E)",
                "abs(x - y) + sign(x) + sqrt(N) / D", "log2(N) + log10(D) - exp(-x^2)",
                "softplus(x * A / 100) + sigmoid(y - alpha)", "x^2 + x^3 + 1 / x + 1 / y^2 + x^-0.5",
                "sin(x * y) + cos(alpha * x) - tan(y / 4)", "asin(y / 2) + acos(sigmoid(x)) + atan(x * A)",
                "atan2(y, x) + atan2(alpha, y) + atan2(x, 2) + erf(x - y) + erf(alpha * y)",
                "x^y + y^alpha + alpha^x + 2^x", "(x + 1)^(-3) + N^7 / 1e70",
                "E * alpha + A / beta", "x", "N", "E", "3");
        List<Expr> out = new ArrayList<>();
        for (String s : sources) {
            out.add(MiniParser.parse(s));
        }
        Expr law = out.get(0);
        for (String p : PARAMS) {
            Expr d = Derivative.of(law, p);
            out.add(d);
            for (String q : PARAMS) {
                out.add(Derivative.of(d, q));
            }
        }
        for (String v : List.of("x", "y")) {
            for (int k = 2; k < 15; k++) {
                out.add(Derivative.of(out.get(k), v));
            }
        }
        return out;
    }

    static double[][] data(int n, long seed) {
        Random r = new Random(seed);
        double[][] cols = new double[4][n];
        for (int i = 0; i < n; i++) {
            cols[0][i] = Math.pow(10, 7 + 4 * r.nextDouble());
            cols[1][i] = Math.pow(10, 9 + 3 * r.nextDouble());
            cols[2][i] = 0.1 + 3 * r.nextDouble();
            cols[3][i] = -2 + 4 * r.nextDouble();
        }
        return cols;
    }

    static final double[] PARAM_VALUES = {1.69, 406.4, 410.7, 0.34, 0.28};

    static double[][] run(Program p, double[][] cols, int n) {
        double[][] out = new double[p.outputCount()][n];
        p.evaluate(cols, n, PARAM_VALUES, out, p.newWorkspace());
        return out;
    }

    @Test
    void matchesScalarEvaluation() {
        List<Expr> exprs = outputs();
        Program p = Compiler.compile(exprs, COLUMNS, PARAMS);
        int n = 700;
        double[][] cols = data(n, 1);
        double[][] out = run(p, cols, n);
        Map<String, Double> at = new HashMap<>();
        for (int j = 0; j < PARAMS.size(); j++) {
            at.put(PARAMS.get(j), PARAM_VALUES[j]);
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < COLUMNS.size(); c++) {
                at.put(COLUMNS.get(c), cols[c][i]);
            }
            for (int k = 0; k < exprs.size(); k++) {
                double want = exprs.get(k).evaluate(at);
                double got = out[k][i];
                boolean same = Double.compare(want, got) == 0
                        || Math.abs(want - got) <= 1e-12 * Math.max(1, Math.abs(want));
                if (!same) {
                    fail("output " + k + " (" + exprs.get(k) + ") at point " + i + ": " + got + " vs " + want);
                }
            }
        }
    }

    @Test
    void sameBitsWhateverTheBlockBoundaries() {
        List<Expr> exprs = outputs();
        double[][] cols = data(1000, 2);
        double[][] reference = run(Compiler.compile(exprs, COLUMNS, PARAMS), cols, 1000);
        for (int block : new int[] {1, 7, 256, 1000}) {
            Program p = Compiler.compile(exprs, COLUMNS, PARAMS, block);
            for (int n : new int[] {1, 255, 256, 257, 1000}) {
                double[][] out = run(p, cols, n);
                for (int k = 0; k < out.length; k++) {
                    double[] want = java.util.Arrays.copyOf(reference[k], n);
                    assertArrayEquals(want, out[k], 0.0, "block " + block + ", n " + n + ", output " + k);
                }
            }
        }
    }

    @Test
    void rangesAndPreparedDataGiveTheSameBits() {
        List<Expr> exprs = outputs();
        Program p = Compiler.compile(exprs, COLUMNS, PARAMS);
        double[][] cols = data(1000, 3);
        double[][] reference = run(p, cols, 1000);
        double[][] split = new double[p.outputCount()][1000];
        Workspace ws = p.newWorkspace();
        p.evaluate(cols, 0, 300, PARAM_VALUES, split, ws);
        p.evaluate(cols, 300, 1000, PARAM_VALUES, split, ws);
        Prepared prepared = p.prepare(cols, 1000);
        assertTrue(prepared.cachedPerPoint() >= 2, "log(N) and log(D) are cached");
        double[][] fromPrepared = new double[p.outputCount()][1000];
        p.evaluate(prepared, 0, 1000, PARAM_VALUES, fromPrepared, ws);
        for (int k = 0; k < reference.length; k++) {
            assertArrayEquals(reference[k], split[k], 0.0, "ranges, output " + k);
            assertArrayEquals(reference[k], fromPrepared[k], 0.0, "prepared, output " + k);
        }
    }

    @Test
    void sameBitsFromManyThreads() throws Exception {
        LawKernel kernel = LawKernel.of(MiniParser.parse(CHINCHILLA), List.of("N", "D"), PARAMS, true);
        Program p = kernel.program();
        int n = 5000;
        double[][] cols = java.util.Arrays.copyOf(data(n, 4), 2);
        double[][] reference = run(p, cols, n);
        Prepared prepared = p.prepare(cols, n);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<double[][]>> results = new ArrayList<>();
            for (int t = 0; t < 24; t++) {
                boolean usePrepared = t % 2 == 0;
                results.add(pool.submit(() -> {
                    Workspace ws = p.newWorkspace();
                    double[][] out = new double[p.outputCount()][n];
                    for (int rep = 0; rep < 20; rep++) {
                        if (usePrepared) {
                            p.evaluate(prepared, 0, n, PARAM_VALUES, out, ws);
                        } else {
                            p.evaluate(cols, n, PARAM_VALUES, out, ws);
                        }
                    }
                    return out;
                }));
            }
            for (Future<double[][]> f : results) {
                double[][] out = f.get();
                for (int k = 0; k < out.length; k++) {
                    assertArrayEquals(reference[k], out[k], 0.0);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void sharesWorkAcrossValueGradientAndHessian() {
        LawKernel kernel = LawKernel.of(MiniParser.parse(CHINCHILLA), List.of("N", "D"), PARAMS, true);
        Program p = kernel.program();
        assertEquals(21, p.outputCount());
        assertEquals(2, p.count(Kernels.LOG), p.toString());
        assertEquals(2, p.count(Kernels.POWL_VS), p.toString());
        assertEquals(0, p.count(Kernels.EXP), p.toString());
    }

    /**
     * Powers computed as exp(e * log x) follow Math.pow where x is not positive and finite, and
     * elsewhere stay within |e log x| ulps (here at most 1e-12 relative).
     */
    @Test
    void powersOfNonPositiveBases() {
        List<Expr> exprs = List.of(MiniParser.parse("x^k"), MiniParser.parse("x^y"), MiniParser.parse("k^y"));
        Program p = Compiler.compile(exprs, List.of("x", "y"), List.of("k"), 4);
        double[] xs = {-2, -0.5, 0, 3, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, -3};
        double[] ys = {2, 3, 0, -1, 0.5, -2, 1, 0, 2.5};
        int n = xs.length;
        for (double k : new double[] {2, 3, 0, -1, 0.5, -2, -3.5}) {
            double[][] out = new double[3][n];
            p.evaluate(new double[][] {xs, ys}, n, new double[] {k}, out, p.newWorkspace());
            for (int i = 0; i < n; i++) {
                same(Math.pow(xs[i], k), out[0][i], "x^k at x=" + xs[i] + ", k=" + k);
                same(Math.pow(xs[i], ys[i]), out[1][i], "x^y at x=" + xs[i] + ", y=" + ys[i]);
                same(Math.pow(k, ys[i]), out[2][i], "k^y at k=" + k + ", y=" + ys[i]);
            }
        }
    }

    private static void same(double want, double got, String what) {
        if (!(Double.compare(want, got) == 0 || Math.abs(want - got) <= 1e-12 * Math.abs(want))) {
            fail(what + ": " + got + " vs Math.pow " + want);
        }
    }

    @Test
    void unknownSymbolIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Compiler.compile(List.of(MiniParser.parse("x + zeta")), List.of("x"), List.of()));
        assertTrue(e.getMessage().contains("'zeta'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Compiler.compile(List.of(Expr.ONE), List.of("x"), List.of("x")));
    }

    @Test
    void rejectsBadArguments() {
        Program p = Compiler.compile(List.of(MiniParser.parse("x * a")), List.of("x"), List.of("a"));
        double[][] out = new double[1][10];
        double[][] cols = new double[1][10];
        Workspace other = Compiler.compile(List.of(Expr.ONE), List.of(), List.of()).newWorkspace();
        assertThrows(IllegalArgumentException.class, () -> p.evaluate(cols, 11, new double[1], out, p.newWorkspace()));
        assertThrows(IllegalArgumentException.class, () -> p.evaluate(cols, 10, new double[2], out, p.newWorkspace()));
        assertThrows(IllegalArgumentException.class, () -> p.evaluate(cols, 10, new double[1], out, other));
        p.evaluate(cols, 0, new double[1], out, p.newWorkspace());
    }
}
