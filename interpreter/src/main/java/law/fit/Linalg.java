package law.fit;

/** Small dense linear algebra for the parameter-sized systems of the optimizers. */
final class Linalg {
    private Linalg() {
    }

    /**
     * Solves {@code (a + lambda diag(d)) x = b} by Cholesky; returns false (leaving {@code x}
     * undefined) when the matrix is not positive definite.
     */
    static boolean solve(double[][] a, double lambda, double[] d, double[] b, double[] x, double[][] l) {
        int m = b.length;
        for (int j = 0; j < m; j++) {
            for (int k = 0; k <= j; k++) {
                double s = a[j][k] + (j == k ? lambda * d[j] : 0);
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

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double quad(double[][] h, double[] s) {
        double q = 0;
        for (int j = 0; j < s.length; j++) {
            double row = 0;
            for (int k = 0; k < s.length; k++) {
                row += h[j][k] * s[k];
            }
            q += s[j] * row;
        }
        return q;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
