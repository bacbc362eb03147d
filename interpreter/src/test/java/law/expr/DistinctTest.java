package law.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Powers of data computed once per distinct value ({@link Distinct}) give every output the bits
 * of the point-by-point loop: over repeated columns with non-positive, signed-zero, infinite and
 * NaN bases (where the power falls back to Math.pow), across block boundaries, ranges, several
 * data sets and workspaces.
 */
class DistinctTest {
    private static final double[] SPECIAL = {0.0, -0.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY, 1e-300, 2.5};

    /** Columns N, D, x, y of {@code n} points drawn from {@code values} values each, with special values in x and y. */
    private static double[][] repeated(int n, int values, long seed) {
        Random r = new Random(seed);
        double[][] pool = CompilerTest.data(values, seed);
        double[][] cols = new double[4][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 4; c++) {
                cols[c][i] = pool[c][r.nextInt(values)];
            }
            if (i % 5 == 0) {
                cols[2][i] = SPECIAL[r.nextInt(SPECIAL.length)];
                cols[3][i] = SPECIAL[r.nextInt(SPECIAL.length)];
            }
        }
        return cols;
    }

    private static double[][] raw(Program p, double[][] cols, int n, double[] params) {
        double[][] out = new double[p.outputCount()][n];
        p.evaluate(cols, n, params, out, p.newWorkspace());
        return out;
    }

    /** The same doubles to the bit, signed zeros apart, NaNs alike (their sign bit varies with the loop the JIT makes). */
    private static void sameBits(double[][] want, double[][] got, String what) {
        for (int k = 0; k < want.length; k++) {
            long[] w = Arrays.stream(want[k]).mapToLong(Double::doubleToLongBits).toArray();
            long[] g = Arrays.stream(got[k]).mapToLong(Double::doubleToLongBits).toArray();
            assertArrayEquals(w, g, what + ", output " + k);
        }
    }

    @Test
    void powersPerDistinctValueHaveThePointLoopsBits() {
        List<Expr> exprs = CompilerTest.outputs();
        for (int block : new int[] {1, 7, 256}) {
            Program p = Compiler.compile(exprs, CompilerTest.COLUMNS, CompilerTest.PARAMS, block);
            Workspace ws = p.newWorkspace();
            for (int n : new int[] {40, 255, 1000}) {
                double[][] cols = repeated(n, 12, n + block);
                Prepared prepared = p.prepare(cols, n);
                assertTrue(prepared.powersPerDistinctValue() >= 3, "N^alpha, D^beta, y^alpha: " + prepared.powersPerDistinctValue());
                for (double[] params : List.of(CompilerTest.PARAM_VALUES, new double[] {0.5, 3, 7, -1.25, 2})) {
                    double[][] out = new double[p.outputCount()][n];
                    p.evaluate(prepared, 0, n, params, out, ws);
                    sameBits(raw(p, cols, n, params), out, "block " + block + ", n " + n);
                }
            }
        }
    }

    @Test
    void rangesAndDistinctDataAreComputedPointByPoint() {
        Program p = Compiler.compile(CompilerTest.outputs(), CompilerTest.COLUMNS, CompilerTest.PARAMS);
        int n = 600;
        double[][] cols = repeated(n, 30, 5);
        Prepared prepared = p.prepare(cols, n);
        double[][] split = new double[p.outputCount()][n];
        Workspace ws = p.newWorkspace();
        p.evaluate(prepared, 0, 250, CompilerTest.PARAM_VALUES, split, ws);
        p.evaluate(prepared, 250, n, CompilerTest.PARAM_VALUES, split, ws);
        sameBits(raw(p, cols, n, CompilerTest.PARAM_VALUES), split, "two ranges");
        assertEquals(0, p.prepare(CompilerTest.data(n, 6), n).powersPerDistinctValue(), "all values distinct");
    }

    /** One workspace serves data sets with different distinct values in turn, and raw columns in between. */
    @Test
    void oneWorkspaceForSeveralDataSets() {
        Program p = Compiler.compile(List.of(MiniParser.parse(CompilerTest.CHINCHILLA)), List.of("N", "D"),
                CompilerTest.PARAMS);
        Workspace ws = p.newWorkspace();
        for (int round = 0; round < 2; round++) {
            for (int values : new int[] {3, 50, 8}) {
                int n = 100;
                double[][] cols = Arrays.copyOf(repeated(n, values, values), 2);
                Prepared prepared = p.prepare(cols, n);
                assertEquals(2, prepared.powersPerDistinctValue(), "N^-alpha and D^-beta");
                double[][] out = new double[1][n];
                p.evaluate(prepared, 0, n, CompilerTest.PARAM_VALUES, out, ws);
                sameBits(raw(p, cols, n, CompilerTest.PARAM_VALUES), out, values + " values");
                double[][] other = Arrays.copyOf(repeated(n, 99, 1), 2);
                double[][] direct = new double[1][n];
                p.evaluate(other, n, CompilerTest.PARAM_VALUES, direct, ws);
                sameBits(raw(p, other, n, CompilerTest.PARAM_VALUES), direct, "raw columns after " + values + " values");
            }
        }
    }
}
