package law.isoflop;

/**
 * {@code y = k * C^e} fitted as a weighted straight line {@code ln y = ln k + e ln C}; the slope's
 * standard error is {@code sqrt(s^2 / Sxx)} with the residual variance {@code s^2 = sum w r^2 / (m - 2)}
 * (NaN with two budgets).
 *
 * @param k    the coefficient
 * @param e    the exponent
 * @param se   the exponent's standard error
 * @param kse  the standard error of ln k
 */
record PowerLaw(double k, double e, double se, double kse) {

    static PowerLaw fit(double[] lnC, double[] lnY, double[] w) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        int m = 0;
        for (int i = 0; i < lnC.length; i++) {
            if (w[i] > 0 && Double.isFinite(lnY[i])) {
                sw += w[i];
                sx += w[i] * lnC[i];
                sy += w[i] * lnY[i];
                m++;
            }
        }
        if (m < 2) {
            return new PowerLaw(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mx = sx / sw;
        double my = sy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < lnC.length; i++) {
            if (w[i] > 0 && Double.isFinite(lnY[i])) {
                sxx += w[i] * (lnC[i] - mx) * (lnC[i] - mx);
                sxy += w[i] * (lnC[i] - mx) * (lnY[i] - my);
            }
        }
        double e = sxy / sxx;
        double a = my - e * mx;
        double rss = 0;
        for (int i = 0; i < lnC.length; i++) {
            if (w[i] > 0 && Double.isFinite(lnY[i])) {
                double r = lnY[i] - a - e * lnC[i];
                rss += w[i] * r * r;
            }
        }
        double s2 = m > 2 ? rss / (m - 2) : Double.NaN;
        return new PowerLaw(Math.exp(a), e, Math.sqrt(s2 / sxx), Math.sqrt(s2 * (1 / sw + mx * mx / sxx)));
    }
}
