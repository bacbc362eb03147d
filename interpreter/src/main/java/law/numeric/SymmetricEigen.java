package law.numeric;

/**
 * The eigendecomposition of a small symmetric matrix by cyclic Jacobi rotations: accurate to
 * rounding for the parameter-sized matrices of the optimizers (a few to a few dozen rows), and
 * free of allocation, so it can run at every iteration of every start.
 */
public final class SymmetricEigen {
    private static final int MAX_SWEEPS = 60;

    private final int m;
    private final double[][] a;
    /** The eigenvalues, ascending, after {@link #decompose}. */
    public final double[] values;
    /** The eigenvectors as columns: {@code vectors[i][k]} is component i of the k-th vector. */
    public final double[][] vectors;
    private final int[] order;
    private final double[] diag;
    private final double[][] v;

    /** Workspace for {@code m x m} matrices. */
    public SymmetricEigen(int m) {
        this.m = m;
        this.a = new double[m][m];
        this.values = new double[m];
        this.vectors = new double[m][m];
        this.order = new int[m];
        this.diag = new double[m];
        this.v = new double[m][m];
    }

    /**
     * Decomposes the symmetric {@code s} (only read, never changed). Returns false when an
     * entry is not finite (the results are then undefined).
     */
    public boolean decompose(double[][] s) {
        double norm = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double x = s[i][j];
                if (!Double.isFinite(x)) {
                    return false;
                }
                a[i][j] = x;
                v[i][j] = i == j ? 1 : 0;
                norm += x * x;
            }
        }
        double tiny = 1e-300 + norm * 1e-34;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= tiny) {
                break;
            }
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    rotate(p, q);
                }
            }
        }
        sort();
        return true;
    }

    /** Zeroes {@code a[p][q]} with one rotation, accumulating it in {@code v}. */
    private void rotate(int p, int q) {
        double apq = a[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double sn = t * c;
        for (int k = 0; k < m; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - sn * akq;
            a[k][q] = sn * akp + c * akq;
        }
        for (int k = 0; k < m; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - sn * aqk;
            a[q][k] = sn * apk + c * aqk;
        }
        a[p][q] = 0;
        a[q][p] = 0;
        for (int k = 0; k < m; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - sn * vkq;
            v[k][q] = sn * vkp + c * vkq;
        }
    }

    private void sort() {
        for (int i = 0; i < m; i++) {
            order[i] = i;
            diag[i] = a[i][i];
        }
        for (int i = 1; i < m; i++) {
            int x = order[i];
            int j = i - 1;
            while (j >= 0 && diag[order[j]] > diag[x]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
        for (int k = 0; k < m; k++) {
            values[k] = diag[order[k]];
            for (int i = 0; i < m; i++) {
                vectors[i][k] = v[i][order[k]];
            }
        }
    }
}
