package law.numeric;

/**
 * The QR factorisation of a tall least-squares system {@code J x ~ r}, taken a row at a time by
 * Givens rotations: the upper triangle {@code R} with {@code R'R = J'J}, the rotated right-hand
 * side {@code Q'r} and the part of {@code |r|^2} no column reaches. Memory is {@code m x m}
 * whatever the number of rows, each row costs {@code O(m^2)}, and the rotations are orthogonal, so
 * the factor is as accurate as a Householder QR of the whole matrix (no normal equations).
 *
 * <p>The system {@code [R; 0] x ~ [Q'r; rest]} of {@code m + 1} rows has the same
 * {@code J'J}, {@code J'r}, column norms and {@code |r|}, so a least-squares method that sees
 * only those (Levenberg-Marquardt) takes the same steps on it as on the {@code n} rows.
 */
public final class RowQr {
    private final int m;
    private final double[][] r;
    private final double[] qtr;
    private final double[] row;
    private double rest;

    /** An empty factorisation of {@code m} columns. */
    public RowQr(int m) {
        this.m = m;
        this.r = new double[m][m];
        this.qtr = new double[m];
        this.row = new double[m];
    }

    /** Forgets every row. */
    public void clear() {
        for (double[] line : r) {
            java.util.Arrays.fill(line, 0);
        }
        java.util.Arrays.fill(qtr, 0);
        rest = 0;
    }

    /** The row's entries, to fill before {@link #add(double)}; {@link #add} overwrites them. */
    public double[] row() {
        return row;
    }

    /** Rotates the row in {@link #row()}, with right-hand side {@code b}, into the factor. */
    public void add(double b) {
        for (int k = 0; k < m; k++) {
            double a = row[k];
            if (a == 0) {
                continue;
            }
            double[] rk = r[k];
            double d = rk[k];
            double h = length(d, a);
            double c = d / h;
            double s = a / h;
            rk[k] = h;
            for (int j = k + 1; j < m; j++) {
                double t = rk[j];
                rk[j] = c * t + s * row[j];
                row[j] = c * row[j] - s * t;
            }
            double t = qtr[k];
            qtr[k] = c * t + s * b;
            b = c * b - s * t;
        }
        rest += b * b;
    }

    /** {@code sqrt(x^2 + y^2)} without overflow or underflow for {@code y != 0}. */
    private static double length(double x, double y) {
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        if (ax > ay) {
            double q = ay / ax;
            return ax * Math.sqrt(1 + q * q);
        }
        double q = ax / ay;
        return ay * Math.sqrt(1 + q * q);
    }

    /** Row {@code k} of the upper triangle R (live: the next row changes it). */
    public double[] r(int k) {
        return r[k];
    }

    /** {@code Q'r}, entry {@code k}. */
    public double qtr(int k) {
        return qtr[k];
    }

    /** The sum of squares of the right-hand side that no column reaches: {@code |r|^2 - |Q'r|^2}. */
    public double rest() {
        return rest;
    }
}
