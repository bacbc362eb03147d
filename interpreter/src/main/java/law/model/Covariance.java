package law.model;

/**
 * The covariance of a fit's estimates as queries use it: the matrix when every entry is a double,
 * and always the standard errors and correlations, from which the standard deviation of a linear
 * combination {@code g' theta} is computed without squaring a number near 1e300 where
 * {@code g' Sigma g} has no double (a law near 1e297 known to 1% has a standard error near 1e295
 * and a variance, near 1e590, with none; its gradient in a rescaled {@code 1e297 * A1} is near
 * 1e297). Where {@code g' Sigma g} is a double it is used as it is.
 *
 * @param matrix      the covariance matrix, or null where an entry has no double
 * @param se          per parameter its standard error (NaN where unknown)
 * @param correlation the correlations of the estimates
 */
public record Covariance(double[][] matrix, double[] se, double[][] correlation) {
    /** The covariance {@code c} as standard errors and correlations too. */
    public static Covariance of(double[][] c) {
        int m = c.length;
        double[] se = new double[m];
        double[][] rho = new double[m][m];
        for (int j = 0; j < m; j++) {
            se[j] = Math.sqrt(Math.max(0, c[j][j]));
        }
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                rho[j][k] = j == k ? 1 : c[j][k] / (se[j] * se[k]);
            }
        }
        return new Covariance(c, se, rho);
    }

    /** The standard error of parameter {@code p}. */
    public double sd(int p) {
        return matrix != null ? Math.sqrt(Math.max(0, matrix[p][p])) : se[p];
    }

    /** The standard deviation of {@code g' theta}: {@code sqrt(g' Sigma g)}. */
    public double sd(double[] g) {
        double var = matrix == null ? Double.NaN : variance(g);
        if (Double.isFinite(var)) {
            return Math.sqrt(Math.max(0, var));
        }
        // no matrix, or g' Sigma g has no double (a law near 1e297 has g_a near 1e297):
        // u_a = g_a se_a, scaled by the largest |u_a| so that no product overflows
        double top = 0;
        for (int a = 0; a < g.length; a++) {
            top = Math.max(top, Math.abs(g[a] * se[a]));
        }
        if (!(top > 0) || !Double.isFinite(top)) {
            return top == 0 ? 0 : Double.NaN;
        }
        double s = 0;
        for (int a = 0; a < g.length; a++) {
            for (int b = 0; b < g.length; b++) {
                s += g[a] * se[a] / top * correlation[a][b] * (g[b] * se[b] / top);
            }
        }
        return top * Math.sqrt(Math.max(0, s));
    }

    /** {@code (sd(g) / scale)^2}, the variance of {@code g' theta / scale}. */
    public double variance(double[] g, double scale) {
        double var = matrix == null ? Double.NaN : variance(g);
        if (Double.isFinite(var) && Double.isFinite(scale * scale)) {
            return Math.max(0, var) / (scale * scale);
        }
        double r = sd(g) / scale;
        return r * r;
    }

    private double variance(double[] g) {
        double var = 0;
        for (int a = 0; a < matrix.length; a++) {
            for (int b = 0; b < matrix.length; b++) {
                var += g[a] * matrix[a][b] * g[b];
            }
        }
        return var;
    }
}
