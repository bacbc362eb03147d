package law.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * One number format for a whole column, so that a column reads at a glance and looks no more
 * exact than it is: every entry with the same number of significant digits, all in plain
 * notation with the same number of decimals ({@code 2.552}, {@code 2.140}) or, when the column
 * spans orders of magnitude or holds very large or small numbers, all in scientific notation
 * with the same mantissa width ({@code 8.550e8}, {@code 9.718e10}).
 */
public final class ColumnFormat {
    /** Plain notation is kept while the largest magnitude is below 10^(PLAIN_MAX + 1) (and 10^(digits + 1)). */
    private static final int PLAIN_MAX = 6;
    /** Plain notation is kept while the smallest magnitude is at least 10^PLAIN_MIN. */
    private static final int PLAIN_MIN = -3;
    /** Plain notation is kept while the column spans fewer than this many orders of magnitude. */
    private static final int PLAIN_SPAN = 3;

    private final int digits;
    private final boolean scientific;
    private final int decimals;
    /** Plain notation, each entry to {@code digits} significant digits (a plain column spanning orders of magnitude). */
    private final boolean perEntry;

    private ColumnFormat(int digits, boolean scientific, int decimals, boolean perEntry) {
        this.digits = digits;
        this.scientific = scientific;
        this.decimals = decimals;
        this.perEntry = perEntry;
    }

    /** The format for these values with {@code digits} significant digits (non-finite values ignored). */
    public static ColumnFormat of(double[] values, int digits) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (double v : values) {
            if (Double.isFinite(v) && v != 0) {
                int e = exponent(v, digits);
                lo = Math.min(lo, e);
                hi = Math.max(hi, e);
            }
        }
        if (lo == Integer.MAX_VALUE) {
            return new ColumnFormat(digits, false, 0, false);
        }
        boolean sci = hi > Math.min(digits, PLAIN_MAX) || lo < PLAIN_MIN;
        if (!sci && hi - lo >= PLAIN_SPAN) {
            return new ColumnFormat(digits, false, 0, true);
        }
        // as few decimals as the entries need (1e20, 1e22 rather than 1.000e20), the same for all
        int most = 0;
        ColumnFormat wide = new ColumnFormat(digits, sci, sci ? digits - 1 : Math.max(0, digits - 1 - lo), false);
        for (double v : values) {
            if (Double.isFinite(v) && v != 0) {
                String t = wide.format(v);
                String mantissa = sci ? t.substring(0, t.indexOf('e')) : t;
                int dot = mantissa.indexOf('.');
                String frac = dot < 0 ? "" : mantissa.substring(dot + 1).replaceFirst("0+$", "");
                most = Math.max(most, frac.length());
            }
        }
        return new ColumnFormat(digits, sci, Math.min(most, wide.decimals), false);
    }

    /** The decimal exponent of {@code v} after rounding to {@code digits} significant digits. */
    static int exponent(double v, int digits) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits));
        return d.precision() - d.scale() - 1;
    }

    /** One entry: {@code nan}, {@code inf}, {@code -inf} for non-finite values. */
    public String format(double v) {
        if (!Double.isFinite(v)) {
            return Fmt.num(v);
        }
        if (scientific) {
            if (v == 0) {
                return "0";
            }
            int e = exponent(v, digits);
            BigDecimal m = new BigDecimal(v).round(new MathContext(digits)).movePointLeft(e);
            return m.setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString() + "e" + e;
        }
        if (perEntry) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(digits));
            return d.setScale(Math.max(0, d.scale()), java.math.RoundingMode.HALF_EVEN).toPlainString();
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v).replaceFirst("^-(0\\.?0*)$", "$1");
    }

    /** Whether entries are written in scientific notation. */
    public boolean scientific() {
        return scientific;
    }
}
