package law.fit;

/**
 * The summation loops of {@link Sums}: dot products and sums over points, each with a fixed
 * order of additions, and the same loops for two weight vectors at once.
 *
 * <p>A sum's bits depend on the order of its additions, so every entry is summed in one of two
 * orders, whichever loop computes it: in a group of two or four dot products, one accumulator per
 * entry in point order; alone, four accumulators over the points modulo 4, combined
 * {@code (s0 + s1) + (s2 + s3)} (and so is a plain sum). The two-vector loops ({@code dots2},
 * {@code dot2}, {@code sum2}) give each of their two results exactly the bits of the one-vector
 * loop, with twice the independent accumulators: a loop of one or two entries is bound by the
 * latency of its additions, and the second vector's additions run in the gaps.
 */
final class Dots {
    private Dots() {
    }

    /**
     * {@code out[k] = sum_i x_i ys[k](i)} for each index k in {@code which}, four at a time in one
     * pass over the points (one load of {@code x} serves four sums).
     */
    static void dots(double[] x, double[][] ys, int[] which, int n, double[] out) {
        int q = 0;
        for (; q + 3 < which.length; q += 4) {
            double[] y0 = ys[which[q]];
            double[] y1 = ys[which[q + 1]];
            double[] y2 = ys[which[q + 2]];
            double[] y3 = ys[which[q + 3]];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                s0 += xi * y0[i];
                s1 += xi * y1[i];
                s2 += xi * y2[i];
                s3 += xi * y3[i];
            }
            out[which[q]] = s0;
            out[which[q + 1]] = s1;
            out[which[q + 2]] = s2;
            out[which[q + 3]] = s3;
        }
        for (; q + 1 < which.length; q += 2) {
            double[] y0 = ys[which[q]];
            double[] y1 = ys[which[q + 1]];
            double s0 = 0;
            double s1 = 0;
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                s0 += xi * y0[i];
                s1 += xi * y1[i];
            }
            out[which[q]] = s0;
            out[which[q + 1]] = s1;
        }
        if (q < which.length) {
            out[which[q]] = dot(x, ys[which[q]], n);
        }
    }

    /**
     * {@link #dots} of {@code x} into {@code out} and of {@code x2} into {@code out2}, in the same
     * passes over the points (each {@code ys} value loaded once for both), every entry to the bit
     * as {@link #dots} gives it.
     */
    static void dots2(double[] x, double[] x2, double[][] ys, int[] which, int n, double[] out, double[] out2) {
        int q = 0;
        for (; q + 3 < which.length; q += 4) {
            double[] y0 = ys[which[q]];
            double[] y1 = ys[which[q + 1]];
            double[] y2 = ys[which[q + 2]];
            double[] y3 = ys[which[q + 3]];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double t0 = 0;
            double t1 = 0;
            double t2 = 0;
            double t3 = 0;
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                double zi = x2[i];
                double a0 = y0[i];
                double a1 = y1[i];
                double a2 = y2[i];
                double a3 = y3[i];
                s0 += xi * a0;
                t0 += zi * a0;
                s1 += xi * a1;
                t1 += zi * a1;
                s2 += xi * a2;
                t2 += zi * a2;
                s3 += xi * a3;
                t3 += zi * a3;
            }
            out[which[q]] = s0;
            out[which[q + 1]] = s1;
            out[which[q + 2]] = s2;
            out[which[q + 3]] = s3;
            out2[which[q]] = t0;
            out2[which[q + 1]] = t1;
            out2[which[q + 2]] = t2;
            out2[which[q + 3]] = t3;
        }
        for (; q + 1 < which.length; q += 2) {
            double[] y0 = ys[which[q]];
            double[] y1 = ys[which[q + 1]];
            double s0 = 0;
            double s1 = 0;
            double t0 = 0;
            double t1 = 0;
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                double zi = x2[i];
                double a0 = y0[i];
                double a1 = y1[i];
                s0 += xi * a0;
                t0 += zi * a0;
                s1 += xi * a1;
                t1 += zi * a1;
            }
            out[which[q]] = s0;
            out[which[q + 1]] = s1;
            out2[which[q]] = t0;
            out2[which[q + 1]] = t1;
        }
        if (q < which.length) {
            dot2(x, x2, ys[which[q]], n, out, out2, which[q]);
        }
    }

    /** {@code sum_i x_i}, four accumulators over the points modulo 4. */
    static double sum(double[] x, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@link #sum} of {@code x} into {@code out[0]} and of {@code x2} into {@code out[1]}, in one pass. */
    static void sum2(double[] x, double[] x2, int n, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[i];
            t0 += x2[i];
            s1 += x[i + 1];
            t1 += x2[i + 1];
            s2 += x[i + 2];
            t2 += x2[i + 2];
            s3 += x[i + 3];
            t3 += x2[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i];
            t0 += x2[i];
        }
        out[0] = (s0 + s1) + (s2 + s3);
        out[1] = (t0 + t1) + (t2 + t3);
    }

    /** {@code sum_i x_i y_i}, four accumulators over the points modulo 4. */
    static double dot(double[] x, double[] y, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@link #dot} of {@code x} and of {@code x2} with {@code y}, into {@code out[k]} and {@code out2[k]}, in one pass. */
    private static void dot2(double[] x, double[] x2, double[] y, int n, double[] out, double[] out2, int k) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double y0 = y[i];
            double y1 = y[i + 1];
            double y2 = y[i + 2];
            double y3 = y[i + 3];
            s0 += x[i] * y0;
            t0 += x2[i] * y0;
            s1 += x[i + 1] * y1;
            t1 += x2[i + 1] * y1;
            s2 += x[i + 2] * y2;
            t2 += x2[i + 2] * y2;
            s3 += x[i + 3] * y3;
            t3 += x2[i + 3] * y3;
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
            t0 += x2[i] * y[i];
        }
        out[k] = (s0 + s1) + (s2 + s3);
        out2[k] = (t0 + t1) + (t2 + t3);
    }
}
