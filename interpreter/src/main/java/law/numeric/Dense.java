package law.numeric;

/** Small dense linear algebra on {@code double[]} vectors and {@code double[][]} matrices. */
public final class Dense {
    private Dense() {
    }

    /** The dot product of {@code a} and {@code b}. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code s^T h s} for a square {@code h}. */
    public static double quad(double[][] h, double[] s) {
        double q = 0;
        for (int j = 0; j < s.length; j++) {
            double row = 0;
            double[] hj = h[j];
            for (int k = 0; k < s.length; k++) {
                row += hj[k] * s[k];
            }
            q += s[j] * row;
        }
        return q;
    }

    /** The largest absolute entry of {@code a} (0 when empty). */
    public static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** The Euclidean norm of {@code a}. */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Copies the square matrix {@code from} into {@code to}. */
    public static void copy(double[][] from, double[][] to) {
        for (int j = 0; j < from.length; j++) {
            System.arraycopy(from[j], 0, to[j], 0, from[j].length);
        }
    }

    /** Sets every entry of {@code a} to zero. */
    public static void zero(double[][] a) {
        for (double[] row : a) {
            java.util.Arrays.fill(row, 0);
        }
    }

    /** Mirrors the upper triangle of the square {@code a} into its lower triangle. */
    public static void symmetrize(double[][] a) {
        for (int j = 1; j < a.length; j++) { // row 0 has nothing below the diagonal (see #forward)
            double[] aj = a[j];
            for (int k = 0; k < j; k++) {
                aj[k] = a[k][j];
            }
        }
    }

    /**
     * Solves {@code a x = b} for a symmetric positive definite {@code a} by Cholesky, using
     * {@code l} as workspace; returns false (leaving {@code x} undefined) when {@code a} is not
     * positive definite.
     */
    public static boolean choleskySolve(double[][] a, double[] b, double[] x, double[][] l) {
        if (!positiveDefinite(a, l)) {
            return false;
        }
        forward(l, b, x, b.length);
        backward(l, x, b.length);
        return true;
    }

    /**
     * Solves {@code L x = b} for the lower-triangular {@code l} in its first {@code m} rows.
     *
     * <p>Row 0, whose inner loop has no iterations, is taken before the loop: a loop nest whose
     * inner loop is sometimes empty makes the JIT hoist checks out of it on a profile that a later
     * empty pass breaks, and it then deoptimises and recompiles the method several times. The
     * loops of this class peel such passes for that reason; the arithmetic is the same.
     */
    public static void forward(double[][] l, double[] b, double[] x, int m) {
        if (m == 0) {
            return;
        }
        x[0] = b[0] / l[0][0];
        for (int j = 1; j < m; j++) {
            double[] lj = l[j];
            double s = b[j];
            for (int q = 0; q < j; q++) {
                s -= lj[q] * x[q];
            }
            x[j] = s / lj[j];
        }
    }

    /** Solves {@code L^T y = x} in place for the lower-triangular {@code l} in its first {@code m} rows (see {@link #forward}). */
    private static void backward(double[][] l, double[] x, int m) {
        if (m == 0) {
            return;
        }
        x[m - 1] = x[m - 1] / l[m - 1][m - 1];
        for (int j = m - 2; j >= 0; j--) {
            double s = x[j];
            for (int q = j + 1; q < m; q++) {
                s -= l[q][j] * x[q];
            }
            x[j] = s / l[j][j];
        }
    }

    /** Whether the symmetric {@code a} is positive definite: its Cholesky factor (into {@code l}) exists. */
    public static boolean positiveDefinite(double[][] a, double[][] l) {
        int m = a.length;
        for (int j = 0; j < m; j++) {
            double[] aj = a[j];
            double[] lj = l[j];
            if (!entry(l, j, 0, aj[0])) { // column 0 has no inner loop (see #forward)
                return false;
            }
            for (int k = 1; k <= j; k++) {
                double[] lk = l[k];
                double s = aj[k];
                for (int q = 0; q < k; q++) {
                    s -= lj[q] * lk[q];
                }
                if (!entry(l, j, k, s)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Sets the Cholesky factor's entry {@code (j, k)}, {@code k <= j}, from its reduced value {@code s}; false when a pivot is not positive. */
    private static boolean entry(double[][] l, int j, int k, double s) {
        if (j == k) {
            if (!(s > 0) || !Double.isFinite(s)) {
                return false;
            }
            l[j][j] = Math.sqrt(s);
        } else {
            l[j][k] = s / l[k][k];
        }
        return true;
    }

    /** A new {@code rows x cols} matrix of zeros. */
    public static double[][] matrix(int rows, int cols) {
        return new double[rows][cols];
    }
}
