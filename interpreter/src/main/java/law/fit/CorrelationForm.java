package law.fit;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * A symmetric matrix in correlation form (scaled to a unit diagonal), with its eigenvalues: how
 * {@link Uncertainty} inverts information matrices and judges their conditioning free of the
 * parameters' units.
 */
final class CorrelationForm {
    final double[][] matrix;
    final double[] scale;
    final int zero;
    double minEig = Double.NaN;
    double maxEig = Double.NaN;
    EigenDecompositionSymmetric eig;

    private CorrelationForm(double[][] matrix, double[] scale, int zero) {
        this.matrix = matrix;
        this.scale = scale;
        this.zero = zero;
    }

    static CorrelationForm of(double[][] a) {
        int m = a.length;
        double[] d = new double[m];
        int zero = -1;
        for (int j = 0; j < m; j++) {
            d[j] = a[j][j] > 0 && Double.isFinite(a[j][j]) ? Math.sqrt(a[j][j]) : 0;
            if (d[j] == 0 && zero < 0) {
                zero = j;
            }
        }
        double[][] c = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                c[j][k] = d[j] == 0 || d[k] == 0 ? (j == k ? 1 : 0) : a[j][k] / (d[j] * d[k]);
            }
        }
        CorrelationForm s = new CorrelationForm(c, d, zero);
        for (double[] row : c) {
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    return s;
                }
            }
        }
        s.eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(c));
        double[] ev = s.eig.getEigenvalues();
        s.maxEig = java.util.Arrays.stream(ev).max().orElse(Double.NaN);
        s.minEig = java.util.Arrays.stream(ev).min().orElse(Double.NaN);
        return s;
    }

    double condition() {
        return minEig > 0 ? maxEig / minEig : Double.POSITIVE_INFINITY;
    }

    double[][] inverse() {
        int m = matrix.length;
        double[] ev = eig.getEigenvalues();
        double[][] out = new double[m][m];
        for (int q = 0; q < m; q++) {
            double[] v = eig.getEigenvector(q).toArray();
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < m; k++) {
                    out[j][k] += v[j] * v[k] / ev[q];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                out[j][k] /= scale[j] * scale[k];
            }
        }
        return out;
    }

    List<String> culprits(List<String> names) {
        List<String> out = new ArrayList<>();
        if (zero >= 0) {
            for (int j = 0; j < scale.length; j++) {
                if (scale[j] == 0) {
                    out.add(names.get(j));
                }
            }
            return out;
        }
        if (eig == null) {
            return List.copyOf(names);
        }
        double[] ev = eig.getEigenvalues();
        int q = 0;
        for (int k = 1; k < ev.length; k++) {
            if (ev[k] < ev[q]) {
                q = k;
            }
        }
        double[] v = eig.getEigenvector(q).toArray();
        for (int j = 0; j < v.length; j++) {
            if (Math.abs(v[j]) > 0.2) {
                out.add(names.get(j));
            }
        }
        return out;
    }
}
