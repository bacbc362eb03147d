package law.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class BracketedNewtonTest {
    /** Solves f_i = 0 for every i in lockstep, as the implicit laws do; returns the roots and the iterations. */
    private static double[] solve(DoubleUnaryOperator[] f, DoubleUnaryOperator[] df, double[] lo, double[] hi,
                                  int[] iterations) {
        int n = f.length;
        BracketedNewton m = new BracketedNewton(n);
        double[] u = new double[n];
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            u[i] = m.open(i, lo[i], hi[i], f[i].applyAsDouble(lo[i]));
        }
        for (int k = 0; k < 200; k++) {
            boolean open = false;
            for (int i = 0; i < n; i++) {
                if (!done[i]) {
                    done[i] = m.step(i, f[i].applyAsDouble(u[i]), df[i].applyAsDouble(u[i]));
                    u[i] = m.iterate(i);
                    iterations[i]++;
                    open |= !done[i];
                }
            }
            if (!open) {
                break;
            }
        }
        for (boolean d : done) {
            assertTrue(d, "every equation converges");
        }
        return u;
    }

    /** u^3 = c for a block of c, each root to within 2 ulps of Math.cbrt. */
    @Test
    void cubeRootsOfABlock() {
        double[] c = {1e-9, 0.5, 2, 27, 1e12};
        int n = c.length;
        DoubleUnaryOperator[] f = new DoubleUnaryOperator[n];
        DoubleUnaryOperator[] df = new DoubleUnaryOperator[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            double ci = c[i];
            f[i] = u -> u * u * u - ci;
            df[i] = u -> 3 * u * u;
            hi[i] = Math.max(1, ci);
        }
        double[] u = solve(f, df, lo, hi, new int[n]);
        for (int i = 0; i < n; i++) {
            assertEquals(Math.cbrt(c[i]), u[i], 2 * Math.ulp(Math.cbrt(c[i])), "cbrt " + c[i]);
        }
    }

    /**
     * atan(u - 7) = 0 on [-100, 100]: plain Newton from the midpoint 0 diverges (|u - 7| > 1.39),
     * the bisections bring it in, and the root is exact.
     */
    @Test
    void bisectionRescuesADivergingNewton() {
        int[] it = new int[1];
        double[] u = solve(new DoubleUnaryOperator[] {x -> Math.atan(x - 7)},
                new DoubleUnaryOperator[] {x -> 1 / (1 + (x - 7) * (x - 7))}, new double[] {-100}, new double[] {100}, it);
        assertEquals(7, u[0], 4 * Math.ulp(7.0));
        assertTrue(it[0] < 60, "iterations " + it[0]);
    }

    /** The bracket may be given either way round in sign: f decreasing, f(lo) > 0. */
    @Test
    void aDecreasingFunction() {
        double[] u = solve(new DoubleUnaryOperator[] {x -> Math.exp(-x) - 0.25},
                new DoubleUnaryOperator[] {x -> -Math.exp(-x)}, new double[] {0}, new double[] {10}, new int[1]);
        assertEquals(Math.log(4), u[0], 2 * Math.ulp(Math.log(4)));
    }
}
