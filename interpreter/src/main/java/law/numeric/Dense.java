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
        for (int j = 0; j < a.length; j++) {
            for (int k = 0; k < j; k++) {
                a[j][k] = a[k][j];
            }
        }
    }

    /**
     * Solves {@code a x = b} for a symmetric positive definite {@code a} by Cholesky, using
     * {@code l} as workspace; returns false (leaving {@code x} undefined) when {@code a} is not
     * positive definite.
     */
    public static boolean choleskySolve(double[][] a, double[] b, double[] x, double[][] l) {
        int m = b.length;
        if (!positiveDefinite(a, l)) {
            return false;
        }
        for (int j = 0; j < m; j++) {
            double s = b[j];
            for (int q = 0; q < j; q++) {
                s -= l[j][q] * x[q];
            }
            x[j] = s / l[j][j];
        }
        for (int j = m - 1; j >= 0; j--) {
            double s = x[j];
            for (int q = j + 1; q < m; q++) {
                s -= l[q][j] * x[q];
            }
            x[j] = s / l[j][j];
        }
        return true;
    }

    /** Whether the symmetric {@code a} is positive definite: its Cholesky factor (into {@code l}) exists. */
    public static boolean positiveDefinite(double[][] a, double[][] l) {
        int m = a.length;
        for (int j = 0; j < m; j++) {
            for (int k = 0; k <= j; k++) {
                double s = a[j][k];
                for (int q = 0; q < k; q++) {
                    s -= l[j][q] * l[k][q];
                }
                if (j == k) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return false;
                    }
                    l[j][j] = Math.sqrt(s);
                } else {
                    l[j][k] = s / l[k][k];
                }
            }
        }
        return true;
    }

    /** A new {@code rows x cols} matrix of zeros. */
    public static double[][] matrix(int rows, int cols) {
        return new double[rows][cols];
    }
}
