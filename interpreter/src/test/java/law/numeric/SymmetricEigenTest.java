package law.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Jacobi eigendecomposition: eigenpairs to rounding, ascending, ties kept in their diagonal order. */
class SymmetricEigenTest {

    @Test
    void eigenpairsOfRandomMatricesAscending() {
        Random r = new Random(3);
        for (int m = 1; m <= 7; m++) {
            double[][] a = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i][j] = a[j][i] = r.nextGaussian() * Math.pow(10, r.nextInt(5) - 2);
                }
            }
            SymmetricEigen e = new SymmetricEigen(m);
            assertTrue(e.decompose(a));
            double scale = 0;
            for (double[] row : a) {
                scale = Math.max(scale, Dense.maxAbs(row));
            }
            for (int k = 0; k < m; k++) {
                if (k > 0) {
                    assertTrue(e.values[k - 1] <= e.values[k], "ascending at " + k);
                }
                for (int i = 0; i < m; i++) {
                    double av = 0;
                    for (int j = 0; j < m; j++) {
                        av += a[i][j] * e.vectors[j][k];
                    }
                    assertEquals(e.values[k] * e.vectors[i][k], av, 1e-12 * scale * m, "A v = lambda v, m = " + m);
                }
            }
        }
    }

    /** A diagonal matrix is its own decomposition: equal eigenvalues (0 and -0 too) keep their diagonal order. */
    @Test
    void tiesKeepTheirDiagonalOrder() {
        double[] d = {2, 1, -0.0, 1, 0.0, -3, 2};
        int[] expected = {5, 2, 4, 1, 3, 0, 6};
        double[][] a = new double[d.length][d.length];
        for (int i = 0; i < d.length; i++) {
            a[i][i] = d[i];
        }
        SymmetricEigen e = new SymmetricEigen(d.length);
        assertTrue(e.decompose(a));
        for (int k = 0; k < d.length; k++) {
            assertEquals(Double.doubleToLongBits(d[expected[k]]), Double.doubleToLongBits(e.values[k]), "value " + k);
            assertEquals(1.0, e.vectors[expected[k]][k], "vector " + k);
        }
    }
}
