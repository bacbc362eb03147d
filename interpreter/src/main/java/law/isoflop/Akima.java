package law.isoflop;

import org.hipparchus.analysis.interpolation.AkimaSplineInterpolator;
import org.hipparchus.analysis.polynomials.PolynomialSplineFunction;

/**
 * The Akima-spline profile of one budget (Porian et al. 2024): the interpolating Akima spline of
 * ln L through the points (ln N, ln L), and its minimum on {@code (k - 1) * 25} log-spaced sizes
 * between the smallest and the largest of the k sampled sizes (the first of equal minima).
 *
 * <p>The spline is Hipparchus's {@link AkimaSplineInterpolator}, with Akima's (1970) own end rule:
 * the end slopes continue linearly ({@code m(-1) = 2 m(0) - m(1)}, {@code m(-2) = 2 m(-1) - m(0)},
 * likewise at the right end), as scipy's {@code Akima1DInterpolator} that Porian et al. used.
 * Hipparchus replaces that rule by three-point differences at the two outer knots of each end,
 * which moves the minimum of wide, asymmetric sweeps (on Porian's RefinedWeb Kaplan sweep the
 * exponent a moves from 0.835 to 0.872). So the data are extended by two points at each end on
 * those continued slopes before interpolating: Hipparchus's end rule then only shapes the added
 * intervals, which are never evaluated, and every sampled knot gets Akima's interior rule.
 *
 * @param index   the grid index of the minimum (0 or {@code grid - 1}: at an end of the sizes)
 * @param grid    the number of grid points
 * @param lnN     ln N at the minimum
 * @param lnLoss  ln L at the minimum
 */
record Akima(int index, int grid, double lnN, double lnLoss) {
    /** Grid points per interval between sampled sizes, as Porian et al. */
    static final int PER_INTERVAL = 25;

    /** Whether the minimum is the first or the last grid point: no interior minimum. */
    boolean edge() {
        return index == 0 || index == grid - 1;
    }

    /** ln of the grid's spacing in N. */
    double step(double[] x) {
        return (x[x.length - 1] - x[0]) / (grid - 1);
    }

    /**
     * The minimum of the spline through {@code (x[i], y[i])}, x strictly increasing, y = ln L;
     * null with fewer than 3 points.
     */
    static Akima minimum(double[] x, double[] y) {
        int k = x.length;
        if (k < 3) {
            return null;
        }
        PolynomialSplineFunction f = spline(x, y);
        int m = (k - 1) * PER_INTERVAL;
        int best = 0;
        double bestY = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            double v = f.value(at(x, j, m));
            if (v < bestY) {
                best = j;
                bestY = v;
            }
        }
        return new Akima(best, m, at(x, best, m), bestY);
    }

    /** Grid point j of m between x[0] and x[k-1], ends exact. */
    private static double at(double[] x, int j, int m) {
        if (j == m - 1) {
            return x[x.length - 1];
        }
        return x[0] + (x[x.length - 1] - x[0]) * j / (m - 1);
    }

    /** The Akima spline through the points, with Akima's end rule (see the class comment). */
    static PolynomialSplineFunction spline(double[] x, double[] y) {
        int k = x.length;
        double[] ex = new double[k + 4];
        double[] ey = new double[k + 4];
        System.arraycopy(x, 0, ex, 2, k);
        System.arraycopy(y, 0, ey, 2, k);
        double m0 = slope(x, y, 0);
        double m1 = slope(x, y, 1);
        double left1 = 2 * m0 - m1;
        double left2 = 2 * left1 - m0;
        double h = x[1] - x[0];
        ex[1] = x[0] - h;
        ey[1] = y[0] - left1 * h;
        ex[0] = ex[1] - h;
        ey[0] = ey[1] - left2 * h;
        double mn = slope(x, y, k - 2);
        double mp = slope(x, y, k - 3);
        double right1 = 2 * mn - mp;
        double right2 = 2 * right1 - mn;
        double g = x[k - 1] - x[k - 2];
        ex[k + 2] = x[k - 1] + g;
        ey[k + 2] = y[k - 1] + right1 * g;
        ex[k + 3] = ex[k + 2] + g;
        ey[k + 3] = ey[k + 2] + right2 * g;
        return new AkimaSplineInterpolator().interpolate(ex, ey);
    }

    private static double slope(double[] x, double[] y, int i) {
        return (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
    }
}
