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

    /** The eigenvalues ascending (ties in their order on the diagonal) and their vectors in that order. */
    private void sort() {
        boolean nan = false;
        for (int i = 0; i < m; i++) {
            order[i] = i;
            diag[i] = a[i][i];
            nan |= Double.isNaN(diag[i]);
        }
        if (nan) {
            insertionSort();
        } else {
            rank();
        }
        for (int k = 0; k < m; k++) {
            values[k] = diag[order[k]];
            for (int i = 0; i < m; i++) {
                vectors[i][k] = v[i][order[k]];
            }
        }
    }

    /**
     * The stable ascending order of the diagonal when no entry is NaN: entry i goes to place
     * {@code #{k : d_k < d_i} + #{k < i : d_k = d_i}}, as {@link #insertionSort} puts it. Counted
     * loops up without branches: the insertion sort's loop down failed the JIT's loop-limit
     * check at every run and recompiled each caller.
     */
    private void rank() {
        for (int i = 0; i < m; i++) {
            double di = diag[i];
            int r = 0;
            for (int k = 0; k < m; k++) {
                double dk = diag[k];
                r += (dk < di) | ((dk == di) & (k < i)) ? 1 : 0;
            }
            order[r] = i;
        }
    }

    /** The stable insertion sort of the diagonal's order (NaN entries stay where comparisons leave them). */
    private void insertionSort() {
        for (int i = 1; i < m; i++) {
            int x = order[i];
            int j = i - 1;
            while (j >= 0 && diag[order[j]] > diag[x]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }
}
