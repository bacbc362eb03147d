package law.expr;

import java.util.HashMap;
import java.util.Map;

/**
 * A power {@code x^e} of data ({@code POWL_VS}: a column or column-only value {@code x}, its
 * cached log, a scalar exponent) over a data set where {@code x} repeats: the power is computed
 * once per distinct value in each call and gathered to the points, instead of one {@code exp}
 * per point. On Chinchilla's data the model sizes take 141 values over 240 points, and an
 * {@code exp} costs about ten times a gathered load.
 *
 * <p>Same operations on the same doubles as {@link Kernels}' point loop, so the same results:
 * points are grouped by the bits of both {@code x} and its log.
 */
final class Distinct {
    /** Used where the distinct values are at most this fraction of the points. */
    private static final double AT_MOST = 0.75;

    /** Per point, the index of its value among the distinct ones. */
    final int[] index;
    /** The distinct bases. */
    final double[] x;
    /** Their logs, as cached. */
    final double[] lx;

    private Distinct(int[] index, double[] x, double[] lx) {
        this.index = index;
        this.x = x;
        this.lx = lx;
    }

    private record Key(long x, long lx) {
    }

    /**
     * Per instruction of {@code mixed}, the distinct values of its power's base where that pays,
     * else null; null when no instruction qualifies.
     *
     * @param data per register, the array bound to it for all {@code n} points (columns and
     *             cached values), null for the others
     */
    static Distinct[] of(Code mixed, double[][] data, int n) {
        Distinct[] out = new Distinct[mixed.size()];
        boolean any = false;
        for (int k = 0; k < mixed.size(); k++) {
            if (mixed.op()[k] != Kernels.POWL_VS) {
                continue;
            }
            int a = mixed.a()[k];
            int c = mixed.c()[k];
            if (a < data.length && c < data.length && data[a] != null && data[c] != null) {
                out[k] = distinct(data[a], data[c], n);
                any |= out[k] != null;
            }
        }
        return any ? out : null;
    }

    /** The distinct pairs {@code (x, lx)} over {@code n} points, or null when there are too many. */
    private static Distinct distinct(double[] x, double[] lx, int n) {
        int limit = (int) (AT_MOST * n);
        Map<Key, Integer> seen = new HashMap<>();
        int[] index = new int[n];
        double[] dx = new double[limit];
        double[] dl = new double[limit];
        for (int i = 0; i < n; i++) {
            Key key = new Key(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(lx[i]));
            Integer q = seen.get(key);
            if (q == null) {
                q = seen.size();
                if (q >= limit) {
                    return null;
                }
                seen.put(key, q);
                dx[q] = x[i];
                dl[q] = lx[i];
            }
            index[i] = q;
        }
        return new Distinct(index, java.util.Arrays.copyOf(dx, seen.size()), java.util.Arrays.copyOf(dl, seen.size()));
    }

    /** Fills {@code ws.tables[k]} with each distinct base's power for this call's exponents. */
    static void powers(Distinct[] distinct, Code mixed, Workspace ws) {
        for (int k = 0; k < distinct.length; k++) {
            Distinct g = distinct[k];
            if (g == null) {
                continue;
            }
            int u = g.x.length;
            if (ws.tables[k] == null || ws.tables[k].length < u) {
                ws.tables[k] = new double[u];
            }
            Kernels.powlS(ws.tables[k], 0, g.x, 0, ws.scalars[mixed.b()[k]], g.lx, 0, u);
        }
    }
}
