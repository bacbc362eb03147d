package law.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Prints doubles compactly: the fewest significant digits (at most 12) that parse back to the
 * same double, so arithmetic noise such as {@code 138.17600000000002} prints as {@code 138.176};
 * in plain notation ({@code 406.4}, {@code 0.001}, {@code -3}) unless scientific
 * notation is clearly shorter ({@code 1e23}, {@code 5.76e23}, {@code 1e-5}).
 */
final class Numerals {
    private Numerals() {
    }

    /** The compact text of {@code v}; infinities print as {@code 1e999}, NaN as {@code nan}. */
    static String format(double v) {
        return format(v, MAX_DIGITS);
    }

    /** The compact text of {@code v} with at most {@code maxDigits} significant digits. */
    static String format(double v, int maxDigits) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "1e999" : "-1e999";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = shortest(Math.abs(v), maxDigits).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sci = digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "")
                + "e" + exponent;
        String plain = d.toPlainString();
        String text = plain.length() <= sci.length() + 2 ? plain : sci;
        return v < 0 ? "-" + text : text;
    }

    /** The most significant digits printed. */
    static final int MAX_DIGITS = 12;

    /** Enough significant digits for every double to read back exactly. */
    static final int EXACT_DIGITS = 17;

    /** The decimal with the fewest significant digits (at most {@link #MAX_DIGITS}) that rounds back to {@code v}. */
    static BigDecimal shortest(double v) {
        return shortest(v, MAX_DIGITS);
    }

    /** The decimal with the fewest significant digits (at most {@code maxDigits}) that rounds back to {@code v}. */
    static BigDecimal shortest(double v, int maxDigits) {
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p < maxDigits; p++) {
            BigDecimal d = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (d.doubleValue() == v) {
                return d;
            }
        }
        return exact.round(new MathContext(maxDigits, RoundingMode.HALF_EVEN));
    }

    /** The number of significant digits {@link #format} prints for {@code v}. */
    static int significantDigits(double v) {
        return significantDigits(v, MAX_DIGITS);
    }

    /** The number of significant digits {@link #format(double, int)} prints for {@code v}. */
    static int significantDigits(double v, int maxDigits) {
        if (v == 0 || !Double.isFinite(v)) {
            return 1;
        }
        return shortest(Math.abs(v), maxDigits).stripTrailingZeros().precision();
    }
}
