package law.numeric;

/** Huber's loss of residuals {@code r + t v} along a line, for the tests of the line searches. */
final class HuberLine {
    private HuberLine() {
    }

    /**
     * {@code phi'(t) = sum psi(r_i + t v_i) v_i} for Huber's loss with threshold {@code delta}, and
     * {@code phi''(t) = sum [|r_i + t v_i| <= delta] v_i^2} into {@code curvature[0]}.
     */
    static double slope(double[] r, double[] v, double delta, double t, double[] curvature) {
        double s = 0;
        double c = 0;
        for (int i = 0; i < r.length; i++) {
            double ri = r[i] + t * v[i];
            s += Math.copySign(Math.min(Math.abs(ri), delta), ri) * v[i];
            c += Math.abs(ri) <= delta ? v[i] * v[i] : 0;
        }
        curvature[0] = c;
        return s;
    }
}
