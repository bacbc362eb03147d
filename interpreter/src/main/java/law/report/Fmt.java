package law.report;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting for everything law prints. */
public final class Fmt {
    private Fmt() {
    }

    /**
     * A number in the shortest form that keeps 10 significant digits: {@code 2.2256},
     * {@code 3.22e10}, {@code 0.001}, {@code -3}, {@code inf}, {@code nan}.
     */
    public static String num(double v) {
        return num(v, 10);
    }

    /**
     * A number with at most {@code digits} significant digits, trailing zeros removed; in
     * scientific notation when plain notation would show more digits than that
     * ({@code 853477266} to 4 digits is {@code 8.535e8}, never {@code 853500000}) or the number is
     * below 1e-4.
     */
    public static String num(double v, int digits) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < Math.min(digits, 10)) {
            return d.toPlainString();
        }
        BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }

    /** A number with few digits for tables: 4 significant digits. */
    public static String short4(double v) {
        return num(v, 4);
    }

    /** Percent with one decimal. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
