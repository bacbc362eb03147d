package law.model;

/**
 * The set of values a parameter may take: an interval whose ends may be open, closed or
 * infinite. {@code A > 0} is {@code (0, inf)}, {@code alpha in [0, 2]} is {@code [0, 2]}.
 *
 * @param lo       lower end ({@code -inf} when unbounded)
 * @param loClosed whether {@code lo} itself is allowed
 * @param hi       upper end ({@code inf} when unbounded)
 * @param hiClosed whether {@code hi} itself is allowed
 */
public record Domain(double lo, boolean loClosed, double hi, boolean hiClosed) {

    /** Every real number. */
    public static final Domain REAL = new Domain(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

    /** Whether a value lies in the domain. */
    public boolean contains(double x) {
        boolean aboveLo = loClosed ? x >= lo : x > lo;
        boolean belowHi = hiClosed ? x <= hi : x < hi;
        return aboveLo && belowHi;
    }

    /** The intersection with another domain. */
    public Domain intersect(Domain o) {
        double l;
        boolean lc;
        if (o.lo > lo || (o.lo == lo && !o.loClosed)) {
            l = o.lo;
            lc = o.loClosed;
        } else {
            l = lo;
            lc = loClosed;
        }
        double h;
        boolean hc;
        if (o.hi < hi || (o.hi == hi && !o.hiClosed)) {
            h = o.hi;
            hc = o.hiClosed;
        } else {
            h = hi;
            hc = hiClosed;
        }
        return new Domain(l, lc, h, hc);
    }

    /** True when no value satisfies the domain. */
    public boolean isEmpty() {
        return lo > hi || (lo == hi && !(loClosed && hiClosed));
    }

    /** True when the domain has a finite lower end. */
    public boolean hasLower() {
        return lo != Double.NEGATIVE_INFINITY;
    }

    /** True when the domain has a finite upper end. */
    public boolean hasUpper() {
        return hi != Double.POSITIVE_INFINITY;
    }

    /** The domain as written in a law block: {@code > 0}, {@code in (0, 2)}, or empty for all reals. */
    public String describe() {
        if (!hasLower() && !hasUpper()) {
            return "";
        }
        if (!hasUpper()) {
            return (loClosed ? ">= " : "> ") + law.report.Fmt.num(lo);
        }
        if (!hasLower()) {
            return (hiClosed ? "<= " : "< ") + law.report.Fmt.num(hi);
        }
        return "in " + (loClosed ? "[" : "(") + law.report.Fmt.num(lo) + ", " + law.report.Fmt.num(hi)
                + (hiClosed ? "]" : ")");
    }
}
