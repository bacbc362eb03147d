package law.syntax;

import java.math.BigDecimal;

/** Reading number and string literals as written in {@code .law} files. */
public final class Literals {
    private Literals() {
    }

    /**
     * The value of a number literal: digits with optional {@code _} separators, fraction and
     * exponent, and an optional count suffix {@code k M B T P}. Rounded once, to the nearest double
     * ({@code 1.4T} is exactly the double nearest 1.4e12). Returns infinity when out of range and
     * NaN when the text is not a number literal.
     */
    public static double number(String text) {
        String t = text.replace("_", "");
        int scale = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> scale = 3;
                case 'M' -> scale = 6;
                case 'B' -> scale = 9;
                case 'T' -> scale = 12;
                case 'P' -> scale = 15;
                default -> scale = 0;
            }
        }
        if (scale != 0) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return new BigDecimal(t).scaleByPowerOfTen(scale).doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            // An exponent beyond BigDecimal's range: such a number is 0 or infinite as a double.
            try {
                return Double.parseDouble(t) * Math.pow(10, scale);
            } catch (NumberFormatException again) {
                return Double.NaN;
            }
        }
    }

    /** Resolves backslash escapes: {@code \n \t \" \\}; any other escaped character stands for itself. */
    public static String unescape(String body) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
