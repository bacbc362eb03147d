package law.numeric;

/**
 * The minimum of a convex function of one variable {@code phi(t)} on {@code [0, reach]}, from its
 * derivative, given {@code phi'(0) < 0}: the root of {@code phi'} (or {@code reach} when
 * {@code phi'} stays negative up to it). Newton's method on {@code phi'} with {@code phi''},
 * kept inside the bracket the derivative's signs give; the secant through the bracket (the
 * Illinois variant) where Newton's step leaves it or {@code phi''} vanishes, and growth by 4
 * while no point beyond the minimum is known.
 *
 * <p>On a piecewise quadratic function (Huber's loss of residuals linear in t) {@code phi'} is
 * piecewise linear, and Newton's step from a point lands on the minimum when both lie on the
 * same piece: usually two or three evaluations of the derivative.
 */
public final class LineMinimum {
    /** The derivative along the line. */
    @FunctionalInterface
    public interface Slope {
        /** {@code phi'(t)}, and {@code phi''(t)} into {@code curvature[0]}. */
        double at(double t, double[] curvature);
    }

    private static final int MAX_EVALUATIONS = 60;
    /** A derivative this small against the first one is zero to rounding. */
    private static final double FLAT = 1e-13;
    /** A bracket this narrow, relative to its end, holds the minimum to rounding. */
    private static final double NARROW = 1e-14;

    private final Slope slope;
    private final double reach;
    private final double[] curvature = new double[1];
    private double lo;
    private double slopeLo;
    private double hi = Double.POSITIVE_INFINITY;
    private double slopeHi = Double.NaN;

    private LineMinimum(Slope slope, double slope0, double reach) {
        this.slope = slope;
        this.slopeLo = slope0;
        this.reach = reach;
    }

    /**
     * The minimiser on {@code [0, reach]} ({@code reach} may be +inf) of the convex function whose
     * derivative is {@code slope}, with {@code slope0 = phi'(0) < 0}; the result is always a point
     * where {@code phi'} was found negative or zero to rounding, so {@code phi} decreases there;
     * 0 when none was found.
     */
    public static double of(Slope slope, double slope0, double reach) {
        return new LineMinimum(slope, slope0, reach).search(false);
    }

    /**
     * Like {@link #of}, but where {@code phi'} is not negative at {@code t = min(1, reach)} (the
     * minimum lies before the unit step) returns that t without searching: a caller that accepts
     * the unit step when it decreases {@code phi} enough, and searches with {@link #of} only
     * where it does not, spends one evaluation on a good step and searches only beyond it or
     * where it overshoots.
     */
    public static double unitOrBeyond(Slope slope, double slope0, double reach) {
        return new LineMinimum(slope, slope0, reach).search(true);
    }

    private double search(boolean unitOrBeyond) {
        double flat = FLAT * -slopeLo;
        double t = Math.min(1, reach);
        int kept = 0; // > 0: the last updates moved lo, < 0: hi (Illinois: halve the end kept twice)
        for (int it = 0; it < MAX_EVALUATIONS; it++) {
            double s = slope.at(t, curvature);
            double c = curvature[0];
            if (Math.abs(s) <= flat || c > 0 && Math.abs(s / c) <= NARROW * t) {
                return t; // phi' is zero to rounding, or Newton's step would not move t
            }
            if (unitOrBeyond && it == 0 && !(s < 0)) {
                return t;
            }
            if (s < 0) {
                lo = t;
                slopeLo = s;
                kept = kept > 0 ? kept + 1 : 1;
                if (t >= reach) {
                    return reach;
                }
            } else {
                hi = t;
                slopeHi = s; // NaN or inf when phi' is not finite there: only bisection then
                kept = kept < 0 ? kept - 1 : -1;
            }
            if (hi < Double.POSITIVE_INFINITY && hi - lo <= NARROW * hi) {
                return lo;
            }
            t = newton(t, s, c);
            if (Double.isNaN(t)) {
                t = secant(kept);
            }
        }
        return lo;
    }

    /** Newton's step from t when it lands strictly inside the bracket (or on reach), else NaN. */
    private double newton(double t, double s, double c) {
        if (!(c > 0) || !Double.isFinite(s)) {
            return Double.NaN;
        }
        double next = t - s / c;
        if (Double.isInfinite(hi) && next >= reach) {
            return reach;
        }
        return next > lo && next < hi ? next : Double.NaN;
    }

    /**
     * The secant's root through the bracket's ends, the derivative at an end that the last two
     * updates kept halved (the Illinois rule: a secant never stalls at one end); bisection where
     * the derivative at hi is not finite; growth by 4 (to reach at most) while there is no upper end.
     */
    private double secant(int kept) {
        if (Double.isInfinite(hi)) {
            return Math.min(reach, 4 * Math.max(lo, Double.MIN_NORMAL));
        }
        double sl = kept < -1 ? 0.5 * slopeLo : slopeLo;
        double sh = kept > 1 ? 0.5 * slopeHi : slopeHi;
        if (kept < -1) {
            slopeLo = sl;
        } else if (kept > 1) {
            slopeHi = sh;
        }
        double next = lo - sl * (hi - lo) / (sh - sl);
        return next > lo && next < hi ? next : 0.5 * (lo + hi);
    }
}
