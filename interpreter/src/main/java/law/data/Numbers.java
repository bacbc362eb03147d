package law.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for summaries, group names and messages. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * Compact form with at most 5 significant digits: {@code 2.2256}, {@code 245}, {@code 0.0015};
     * outside [1e-3, 1e5) scientific with 3 digits: {@code 1.23e+09}; {@code NaN}, {@code inf}.
     */
    public static String compact(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /**
     * The shortest exact form of {@code v}, as in a group name: {@code 1e19}, {@code 1.25e16},
     * {@code 331776}, {@code 0.5}; plain between 1e-4 and 1e6, else {@code mantissa e exponent}.
     */
    public static String exact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return compact(v);
        }
        BigDecimal bd = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            return bd.toPlainString();
        }
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - bd.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v < 0 ? "-" : "") + mantissa + "e" + exponent;
    }
}
