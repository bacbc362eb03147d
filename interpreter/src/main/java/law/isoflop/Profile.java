package law.isoflop;

/**
 * A weighted least-squares parabola {@code L = c0 + c1 t + c2 t^2} in {@code t = ln N - centre}
 * over one budget's points, and its minimum with the delta-method standard error of {@code ln N*}
 * and of {@code L*} from the coefficients' covariance {@code s^2 (X'WX)^-1}.
 *
 * @param lnN    ln N* (NaN when the parabola has no minimum)
 * @param lnNse  its standard error (NaN without degrees of freedom)
 * @param loss   L*, the parabola's value at its minimum
 * @param lossSe its standard error
 */
record Profile(double lnN, double lnNse, double loss, double lossSe) {

    /** Fits x = ln N, y = loss with multiplicities w; null when fewer than 3 distinct x carry weight. */
    static Profile fit(double[] x, double[] y, double[] w) {
        double sw = 0;
        double sx = 0;
        int distinct = 0;
        double[] seen = new double[3];
        for (int i = 0; i < x.length; i++) {
            if (w[i] <= 0) {
                continue;
            }
            sw += w[i];
            sx += w[i] * x[i];
            boolean known = false;
            for (int k = 0; k < Math.min(distinct, 3); k++) {
                known |= seen[k] == x[i];
            }
            if (!known && distinct < 3) {
                seen[distinct] = x[i];
            }
            distinct += known ? 0 : 1;
        }
        if (distinct < 3) {
            return null;
        }
        double centre = sx / sw;
        double[][] a = new double[3][3];
        double[] rhs = new double[3];
        for (int i = 0; i < x.length; i++) {
            if (w[i] <= 0) {
                continue;
            }
            double t = x[i] - centre;
            double[] f = {1, t, t * t};
            for (int j = 0; j < 3; j++) {
                rhs[j] += w[i] * f[j] * y[i];
                for (int k = 0; k < 3; k++) {
                    a[j][k] += w[i] * f[j] * f[k];
                }
            }
        }
        double[][] inv = invert3(a);
        if (inv == null) {
            return null;
        }
        double[] c = new double[3];
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                c[j] += inv[j][k] * rhs[k];
            }
        }
        if (!(c[2] > 0)) {
            return new Profile(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double rss = 0;
        for (int i = 0; i < x.length; i++) {
            if (w[i] > 0) {
                double t = x[i] - centre;
                double r = y[i] - (c[0] + c[1] * t + c[2] * t * t);
                rss += w[i] * r * r;
            }
        }
        double s2 = sw > 3 ? rss / (sw - 3) : Double.NaN;
        double tStar = -c[1] / (2 * c[2]);
        double[] gx = {0, -1 / (2 * c[2]), c[1] / (2 * c[2] * c[2])};
        double[] gl = {1, -c[1] / (2 * c[2]), c[1] * c[1] / (4 * c[2] * c[2])};
        return new Profile(centre + tStar, Math.sqrt(s2 * quad(inv, gx)), c[0] - c[1] * c[1] / (4 * c[2]),
                Math.sqrt(s2 * quad(inv, gl)));
    }

    private static double quad(double[][] m, double[] g) {
        double q = 0;
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                q += g[j] * m[j][k] * g[k];
            }
        }
        return q;
    }

    private static double[][] invert3(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double scale = m[0][0] * m[1][1] * m[2][2];
        if (!(Math.abs(det) > 1e-14 * Math.abs(scale))) {
            return null;
        }
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (j + 1) % 3;
                int i2 = (j + 2) % 3;
                int j1 = (i + 1) % 3;
                int j2 = (i + 2) % 3;
                r[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / det;
            }
        }
        return r;
    }
}
