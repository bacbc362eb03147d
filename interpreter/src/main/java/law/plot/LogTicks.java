package law.plot;

import java.util.ArrayList;
import java.util.List;
import law.report.Fmt;

/**
 * Ticks of a logarithmic axis, so that every log axis carries enough labelled major ticks and
 * unlabelled minor ones, labelled {@code 10¹⁸} or as plain numbers, never {@code 1E18}:
 * <ul>
 *   <li>over two decades or more, majors at powers of ten (every 2nd, 3rd, ... power when there
 *       are many) and minors at 2..9 times them;</li>
 *   <li>within less than two decades (a loss from 2.1 to 3.4), majors at a 1-2-2.5-5 step giving
 *       4 to 9 labels (2.2, 2.4, ..., 3.4) and minors at a fifth (or half) of it.</li>
 * </ul>
 * The second rule is also the one of linear axes ({@link #linear}: residuals from -0.05 to 0.05
 * get labels every 0.02).
 */
final class LogTicks {
    /** A tick: its value, whether it is a major one, its label ("" for minor ticks). */
    record Tick(double value, boolean major, String label) {
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private LogTicks() {
    }

    /** The ticks between {@code lo} and {@code hi} (both positive, lo below hi). */
    static List<Tick> of(double lo, double hi) {
        double decades = Math.log10(hi / lo);
        return decades >= 2 ? decades(lo, hi) : linear(lo, hi);
    }

    private static List<Tick> decades(double lo, double hi) {
        int k0 = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int k1 = (int) Math.floor(Math.log10(hi) + 1e-9);
        int every = Math.max(1, (int) Math.ceil((k1 - k0 + 1) / 9.0));
        boolean plain = k0 >= -2 && k1 <= 4;
        List<Tick> out = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(lo)); k <= k1 + 1; k++) {
            double p = Math.pow(10, k);
            if (p >= lo * (1 - 1e-9) && p <= hi * (1 + 1e-9)) {
                boolean major = Math.floorMod(k - k0, every) == 0;
                out.add(new Tick(p, major, major ? (plain ? Fmt.num(p) : power(k)) : ""));
            }
            if (every == 1) {
                for (int j = 2; j <= 9; j++) {
                    double v = j * p;
                    if (v >= lo && v <= hi) {
                        out.add(new Tick(v, false, ""));
                    }
                }
            }
        }
        return out;
    }

    /** Ticks of a linear axis from {@code lo} to {@code hi} (lo below hi, of any sign). */
    static List<Tick> linear(double lo, double hi) {
        double span = hi - lo;
        double step = Double.NaN;
        for (int e = (int) Math.floor(Math.log10(span)) - 2; e <= Math.log10(span) + 1 && Double.isNaN(step); e++) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                double s = m * Math.pow(10, e);
                long n = count(lo, hi, s);
                if (n >= 4 && n <= 9) {
                    step = s;
                    break;
                }
            }
        }
        if (Double.isNaN(step)) {
            step = span / 4;
        }
        double minor = step / 5;
        double top = Math.max(Math.abs(lo), Math.abs(hi));
        int exponent = (int) Math.floor(Math.log10(top));
        boolean scaled = exponent >= 5 || top < 1e-3;
        List<Tick> out = new ArrayList<>();
        for (long i = (long) Math.ceil(lo / minor - 1e-9); i * minor <= hi * (1 + 1e-12); i++) {
            double v = i * minor;
            boolean major = Math.abs(v / step - Math.rint(v / step)) < 1e-6;
            double shown = (major ? Math.rint(v / step) * step : v) + 0.0;
            out.add(new Tick(shown, major, major ? label(shown, step, scaled, exponent) : ""));
        }
        return out;
    }

    private static long count(double lo, double hi, double step) {
        return (long) Math.floor(hi / step + 1e-9) - (long) Math.ceil(lo / step - 1e-9) + 1;
    }

    /** A major tick of a narrow range: as many decimals as the step needs, or {@code 2.5×10²⁰}. */
    private static String label(double v, double step, boolean scaled, int exponent) {
        if (scaled) {
            double m = v / Math.pow(10, exponent);
            int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step / Math.pow(10, exponent)) - 1e-9));
            return String.format(java.util.Locale.ROOT, "%." + Math.min(decimals + 1, 6) + "f", m)
                    .replaceFirst("\\.?0+$", "") + "×" + power(exponent);
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9) + (isHalf(step) ? 1 : 0));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }

    private static boolean isHalf(double step) {
        double m = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12));
        return Math.abs(m - 2.5) < 1e-9;
    }

    /**
     * A number for a legend with {@code digits} significant digits: plain from 0.001 to 10⁴
     * ({@code 120}, {@code 0.35}), else {@code 5.7×10⁷} or {@code 10²⁰}.
     */
    static String times(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return Fmt.num(v, digits);
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros();
        int k = d.precision() - d.scale() - 1;
        if (k >= -3 && k < 4) {
            return d.toPlainString();
        }
        java.math.BigDecimal m = d.movePointLeft(k).stripTrailingZeros();
        String sign = m.signum() < 0 ? "-" : "";
        m = m.abs();
        return sign + (m.compareTo(java.math.BigDecimal.ONE) == 0 ? "" : m.toPlainString() + "×") + power(k);
    }

    /** {@code 10¹⁸}, {@code 10⁻³}. */
    static String power(int k) {
        StringBuilder out = new StringBuilder("10");
        if (k < 0) {
            out.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
            out.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return out.toString();
    }
}
