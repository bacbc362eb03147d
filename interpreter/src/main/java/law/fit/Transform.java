package law.fit;

import law.model.Domain;

/**
 * Maps an unconstrained number {@code u} onto a parameter's domain, so every optimizer works on
 * all of R^n and never proposes a value outside the domain: {@code p = lo + exp(u)} above a lower
 * end, {@code p = hi - exp(u)} below an upper end, {@code p = lo + (hi - lo) sigmoid(u)} in an
 * interval, {@code p = u} when unbounded. Closed ends are treated as open: a parameter can get
 * arbitrarily close to its bound, and is then reported as at the bound.
 *
 * @param lo the lower end, or -inf
 * @param hi the upper end, or +inf
 */
public record Transform(double lo, double hi) {

    /** The transform of a domain. */
    public static Transform of(Domain d) {
        return new Transform(d.lo(), d.hi());
    }

    private boolean lower() {
        return lo != Double.NEGATIVE_INFINITY;
    }

    private boolean upper() {
        return hi != Double.POSITIVE_INFINITY;
    }

    /** The parameter value of {@code u}. */
    public double value(double u) {
        if (lower() && upper()) {
            return lo + (hi - lo) * sigmoid(u);
        } else if (lower()) {
            return lo + Math.exp(u);
        } else if (upper()) {
            return hi - Math.exp(u);
        }
        return u;
    }

    /** dp/du at {@code u}. */
    public double d1(double u) {
        if (lower() && upper()) {
            double s = sigmoid(u);
            return (hi - lo) * s * (1 - s);
        } else if (lower()) {
            return Math.exp(u);
        } else if (upper()) {
            return -Math.exp(u);
        }
        return 1;
    }

    /** d2p/du2 at {@code u}. */
    public double d2(double u) {
        if (lower() && upper()) {
            double s = sigmoid(u);
            return (hi - lo) * s * (1 - s) * (1 - 2 * s);
        } else if (lower()) {
            return Math.exp(u);
        } else if (upper()) {
            return -Math.exp(u);
        }
        return 0;
    }

    /**
     * The {@code u} of a parameter value; a value on or beyond a bound is first moved inside, by
     * 1e-6 of the interval's width or of {@code max(1, |bound|)}.
     */
    public double inverse(double p) {
        double q = inside(p);
        if (lower() && upper()) {
            return Math.log((q - lo) / (hi - q));
        } else if (lower()) {
            return Math.log(q - lo);
        } else if (upper()) {
            return Math.log(hi - q);
        }
        return q;
    }

    /** The value moved strictly inside the domain (unchanged when it already is). */
    public double inside(double p) {
        double margin = lower() && upper() ? 1e-6 * (hi - lo)
                : 1e-6 * Math.max(1, Math.abs(lower() ? lo : upper() ? hi : 0));
        double q = p;
        if (lower() && !(q > lo)) {
            q = lo + margin;
        }
        if (upper() && !(q < hi)) {
            q = hi - margin;
        }
        return q;
    }

    /** True when {@code p} is so close to a bound that the bound, not the data, holds it there. */
    public boolean atBound(double p) {
        double tol = lower() && upper() ? 1e-7 * (hi - lo) : 1e-7 * Math.max(1, Math.abs(lower() ? lo : upper() ? hi : 0));
        return (lower() && p - lo <= tol) || (upper() && hi - p <= tol);
    }

    /** True when the parameter has a bound. */
    public boolean bounded() {
        return lower() || upper();
    }

    private static double sigmoid(double u) {
        return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }
}
