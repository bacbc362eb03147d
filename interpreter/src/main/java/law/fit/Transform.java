package law.fit;

import law.model.Domain;

/**
 * How the optimizers see one parameter. A parameter bounded on one side only is fitted in the
 * logarithm of its distance to the bound, {@code p = lo + exp(u)} (or {@code hi - exp(u)}), the
 * scale on which such parameters (A, B, E of Chinchilla's form) behave; it can approach the bound
 * without reaching it (its coordinate stops at {@link #boxLo()}). A parameter in an interval is fitted as itself, {@code u = p}, and the
 * optimizers keep it in the box {@link #boxLo()}..{@link #boxHi()} by projection, so it can sit
 * on a closed end exactly (an open end is approached to within 1e-12 of the width). An
 * unbounded parameter is fitted as itself.
 *
 * @param lo       the lower end, or -inf
 * @param hi       the upper end, or +inf
 * @param loClosed whether {@code lo} itself is allowed
 * @param hiClosed whether {@code hi} itself is allowed
 */
public record Transform(double lo, double hi, boolean loClosed, boolean hiClosed) {
    /** An open interval {@code (lo, hi)} (either end may be infinite). */
    public Transform(double lo, double hi) {
        this(lo, hi, false, false);
    }

    /** The transform of a domain. */
    public static Transform of(Domain d) {
        return new Transform(d.lo(), d.hi(), d.loClosed(), d.hiClosed());
    }

    private boolean lower() {
        return lo != Double.NEGATIVE_INFINITY;
    }

    private boolean upper() {
        return hi != Double.POSITIVE_INFINITY;
    }

    /** The domain as a law writes it: {@code [0, 1]}, {@code (0, 2)}, {@code > 0}, {@code <= 5}, or "unbounded". */
    public String describe() {
        String a = law.report.Fmt.num(lo);
        String b = law.report.Fmt.num(hi);
        if (interval()) {
            return (loClosed ? "[" : "(") + a + ", " + b + (hiClosed ? "]" : ")");
        }
        if (lower()) {
            return (loClosed ? ">= " : "> ") + a;
        }
        return upper() ? (hiClosed ? "<= " : "< ") + b : "unbounded";
    }

    /** Whether the parameter lies in a finite interval, fitted as itself within a box. */
    public boolean interval() {
        return lower() && upper();
    }

    /** Whether the coordinate is the logarithm of a distance to a bound. */
    public boolean logarithmic() {
        return lower() != upper();
    }

    /**
     * The lowest coordinate the optimizers may take: an interval's lower end; for a logarithmic
     * coordinate the logarithm of 1e-250 times {@code max(1, |bound|)}, beyond which the distance
     * to the bound would underflow and leave the parameter stuck there; -inf when unbounded.
     */
    public double boxLo() {
        if (interval()) {
            return loClosed ? lo : lo + 1e-12 * (hi - lo);
        }
        return logarithmic() ? Math.log(1e-250 * boundScale()) : Double.NEGATIVE_INFINITY;
    }

    /** The highest coordinate the optimizers may take: an interval's upper end, or +inf. */
    public double boxHi() {
        if (interval()) {
            return hiClosed ? hi : hi - 1e-12 * (hi - lo);
        }
        return Double.POSITIVE_INFINITY;
    }

    /** {@code max(1, |bound|)} for a one-sided domain ({@code lo}, else {@code hi}; 1 when unbounded): the scale of its margins. */
    public double boundScale() {
        return Math.max(1, Math.abs(lower() ? lo : upper() ? hi : 0));
    }

    /** The parameter value of {@code u}. */
    public double value(double u) {
        if (interval()) {
            return u;
        } else if (lower()) {
            return lo + Math.exp(u);
        } else if (upper()) {
            return hi - Math.exp(u);
        }
        return u;
    }

    /** dp/du at {@code u}. */
    public double d1(double u) {
        if (interval() || !bounded()) {
            return 1;
        }
        return lower() ? Math.exp(u) : -Math.exp(u);
    }

    /** d2p/du2 at {@code u}. */
    public double d2(double u) {
        if (interval() || !bounded()) {
            return 0;
        }
        return lower() ? Math.exp(u) : -Math.exp(u);
    }

    /**
     * The {@code u} of a parameter value: an interval's value clamped into its box; a value on or
     * beyond a one-sided bound is first moved inside by 1e-6 of {@code max(1, |bound|)}.
     */
    public double inverse(double p) {
        if (interval()) {
            return Math.min(Math.max(p, boxLo()), boxHi());
        }
        double q = inside(p);
        if (lower()) {
            return Math.log(q - lo);
        } else if (upper()) {
            return Math.log(hi - q);
        }
        return q;
    }

    /** The value moved strictly inside the domain (unchanged when it already is). */
    public double inside(double p) {
        double margin = interval() ? 1e-6 * (hi - lo)
                : 1e-6 * boundScale();
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
        double tol = interval() ? 1e-7 * (hi - lo) : 1e-7 * boundScale();
        return (lower() && p - lo <= tol) || (upper() && hi - p <= tol);
    }

    /** True when the parameter has a bound. */
    public boolean bounded() {
        return lower() || upper();
    }
}
