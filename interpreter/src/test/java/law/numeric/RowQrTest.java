package law.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.junit.jupiter.api.Test;

/** The row-at-a-time QR: the normal equations' quantities, and least squares as accurate as a Householder QR. */
class RowQrTest {
    private static RowQr factor(double[][] a, double[] b) {
        RowQr qr = new RowQr(a[0].length);
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, qr.row(), 0, a[i].length);
            qr.add(b[i]);
        }
        return qr;
    }

    /** R'R = J'J, R'(Q'r) = J'r and |Q'r|^2 + rest = |r|^2, on rows of mixed scales with a zero row and zero entries. */
    @Test
    void keepsTheNormalEquationsAndTheNorm() {
        Random rnd = new Random(7);
        int n = 500;
        int m = 4;
        double[][] a = new double[n][m];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] = i % 7 == 0 && j == 1 ? 0 : rnd.nextGaussian() * Math.pow(10, j);
            }
            b[i] = rnd.nextGaussian();
        }
        java.util.Arrays.fill(a[3], 0);
        RowQr qr = factor(a, b);
        double bb = 0;
        for (double v : b) {
            bb += v * v;
        }
        double qq = 0;
        for (int j = 0; j < m; j++) {
            qq += qr.qtr(j) * qr.qtr(j);
            for (int k = 0; k < j; k++) {
                assertEquals(0, qr.r(j)[k], 0, "upper triangular");
            }
            double jtr = 0;
            double rtq = 0;
            for (int i = 0; i < n; i++) {
                jtr += a[i][j] * b[i];
            }
            for (int k = 0; k <= j; k++) {
                rtq += qr.r(k)[j] * qr.qtr(k);
            }
            assertEquals(jtr, rtq, 1e-11 * Math.pow(10, j) * n, "J'r, column " + j);
            for (int k = 0; k < m; k++) {
                double jtj = 0;
                double rtr = 0;
                for (int i = 0; i < n; i++) {
                    jtj += a[i][j] * a[i][k];
                }
                for (int q = 0; q < m; q++) {
                    rtr += qr.r(q)[j] * qr.r(q)[k];
                }
                assertEquals(jtj, rtr, 1e-12 * Math.abs(jtj) + 1e-9, "J'J " + j + "," + k);
            }
        }
        assertEquals(bb, qq + qr.rest(), 1e-12 * bb);
    }

    /**
     * A polynomial basis of degree 6 on [1, 2], condition number 1.1e7: R x = Q'r solves it as
     * Hipparchus's Householder QR does, to 1e-8 relative (numpy's QR and SVD agree to 1e-11); the
     * normal equations (condition 1.2e14) are off by 1e-3.
     */
    @Test
    void solvesAnIllConditionedSystemAsHouseholderDoes() {
        int n = 200;
        int m = 7;
        double[][] a = new double[n][m];
        double[] b = new double[n];
        Random rnd = new Random(3);
        for (int i = 0; i < n; i++) {
            double t = 1 + i / (double) n;
            for (int j = 0; j < m; j++) {
                a[i][j] = Math.pow(t, j);
            }
            b[i] = Math.exp(t) + 1e-3 * rnd.nextGaussian();
        }
        RowQr qr = factor(a, b);
        double[] x = new double[m];
        for (int j = m - 1; j >= 0; j--) {
            double v = qr.qtr(j);
            for (int k = j + 1; k < m; k++) {
                v -= qr.r(j)[k] * x[k];
            }
            x[j] = v / qr.r(j)[j];
        }
        double[] ref = new QRDecomposition(new Array2DRowRealMatrix(a), 0).getSolver()
                .solve(new ArrayRealVector(b)).toArray();
        for (int j = 0; j < m; j++) {
            assertEquals(ref[j], x[j], 1e-8 * Math.max(1, Math.abs(ref[j])), "coefficient " + j);
        }
    }
}
