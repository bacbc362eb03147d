package law.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import law.numeric.Elementary;
import org.junit.jupiter.api.Test;

/**
 * Powers, exponentials and logarithms over blocks of points (the kernels' two-loop forms for
 * blocks that start at 0, point by point otherwise) give the bits of the scalar functions at
 * every value, whatever the block size, the first point and whether the data are prepared;
 * the sign of a zero counts.
 */
class BlockPowersTest {
    private static final double[] XS = {0, -0.0, -1, -2.5, 1, 2, 0.5, Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL,
        Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e300, 1e-300, 3.7, 700,
        -700, 709.5, 710, -745.5, -746, 1e9};
    private static final double[] ES = {0, -0.0, 1, -1, 2, 3, -3, 0.5, 2.5, -2.5, 1e308, -1e308, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN, 1e-320, 0.34, 7, 1000, -1000, -0.34};

    private interface Scalar {
        double at(double x, double e, double p);
    }

    @Test
    void blocksGiveTheScalarBits() {
        List<String> src = List.of("x^e", "x^p", "exp(x)", "log(x)", "exp(p * x)", "(x * p)^e");
        List<Scalar> want = List.of(
            (x, e, p) -> Op.powl(x, e, Elementary.log(x)),
            (x, e, p) -> Op.powl(x, p, Elementary.log(x)),
            (x, e, p) -> Elementary.exp(x),
            (x, e, p) -> Elementary.log(x),
            (x, e, p) -> Elementary.exp(p * x),
            (x, e, p) -> Op.powl(x * p, e, Elementary.log(x * p)));
        List<Expr> outs = src.stream().map(MiniParser::parse).toList();
        int n = XS.length * ES.length;
        double[][] cols = new double[2][n];
        for (int i = 0; i < n; i++) {
            cols[0][i] = XS[i / ES.length];
            cols[1][i] = ES[i % ES.length];
        }
        for (double p : new double[] {2.5, -0.34, 0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, -1e308}) {
            for (int block : new int[] {1, 7, 64, 256, 4096}) {
                Program prog = Compiler.compile(outs, List.of("x", "e"), List.of("p"), block);
                for (int from : new int[] {0, 5}) {
                    for (boolean prepared : new boolean[] {false, true}) {
                        double[][] o = new double[outs.size()][n];
                        if (prepared) {
                            prog.evaluate(prog.prepare(cols, n), from, n, new double[] {p}, o, prog.newWorkspace());
                        } else {
                            prog.evaluate(cols, from, n, new double[] {p}, o, prog.newWorkspace());
                        }
                        for (int k = 0; k < outs.size(); k++) {
                            for (int i = from; i < n; i++) {
                                double w = want.get(k).at(cols[0][i], cols[1][i], p);
                                if (bits(w) != bits(o[k][i])) {
                                    assertEquals(w, o[k][i], src.get(k) + " at x = " + cols[0][i] + ", e = " + cols[1][i]
                                            + ", p = " + p + " (block " + block + ", from " + from + ", prepared " + prepared + ")");
                                    fail("the sign of zero: " + src.get(k) + " at x = " + cols[0][i] + ", e = " + cols[1][i]);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** The raw bits, every NaN as one. */
    private static long bits(double x) {
        return Double.isNaN(x) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(x);
    }
}
