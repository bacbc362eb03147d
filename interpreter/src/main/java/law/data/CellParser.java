package law.data;

import com.fasterxml.jackson.core.io.NumberInput;

/**
 * Reads one cell by the package's cell rules (see {@code package-info}) without throwing on the
 * hot path: {@link #read(String)} says whether the cell is numeric-like and leaves its value in
 * {@link #value}. Syntax is checked here; the decimal conversion itself is Jackson's correctly
 * rounded fast parser. Not thread-safe: one instance per reader.
 */
final class CellParser {
    /** The value of the last cell {@link #read} accepted (NaN for an empty cell). */
    double value;
    /** Whether the last cell read was empty or blank. */
    boolean blank;

    /** Reads {@code cell}; returns false when it is not numeric-like ({@link #value} is then NaN). */
    boolean read(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && cell.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && cell.charAt(end - 1) <= ' ') {
            end--;
        }
        value = Double.NaN;
        blank = start == end;
        if (blank) {
            return true;
        }
        int i = start;
        char c = cell.charAt(i);
        if (c == '+' || c == '-') {
            i++;
        }
        int digits = 0;
        while (i < end && isDigit(cell.charAt(i))) {
            i++;
            digits++;
        }
        if (i < end && cell.charAt(i) == '.') {
            i++;
            while (i < end && isDigit(cell.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return readWord(cell, start, end);
        }
        int mantissaEnd = i;
        boolean exponent = false;
        if (i < end && (cell.charAt(i) == 'e' || cell.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < end && (cell.charAt(j) == '+' || cell.charAt(j) == '-')) {
                j++;
            }
            int expDigits = 0;
            while (j < end && isDigit(cell.charAt(j))) {
                j++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
            i = j;
            exponent = true;
        }
        if (i == end) {
            String text = start == 0 && end == cell.length() ? cell : cell.substring(start, end);
            value = NumberInput.parseDouble(text, true);
            return true;
        }
        int power = i == end - 1 && !exponent ? suffixPower(cell.charAt(i)) : -1;
        if (power < 0) {
            return false;
        }
        value = NumberInput.parseDouble(cell.substring(start, mantissaEnd) + "E" + power, true);
        return true;
    }

    /** The power of ten of a count suffix ({@code k M B T P}), or -1. */
    static int suffixPower(char c) {
        switch (c) {
            case 'k': return 3;
            case 'M': return 6;
            case 'B': return 9;
            case 'T': return 12;
            case 'P': return 15;
            default: return -1;
        }
    }

    private boolean readWord(String cell, int start, int end) {
        int len = end - start;
        if (len == 3 && cell.regionMatches(true, start, "nan", 0, 3)) {
            return true;
        }
        if (len == 4 && (cell.startsWith("True", start) || cell.startsWith("true", start)
                || cell.startsWith("TRUE", start))) {
            value = 1.0;
            return true;
        }
        if (len == 5 && (cell.startsWith("False", start) || cell.startsWith("false", start)
                || cell.startsWith("FALSE", start))) {
            value = 0.0;
            return true;
        }
        char sign = cell.charAt(start);
        int s = sign == '+' || sign == '-' ? start + 1 : start;
        int rest = end - s;
        if ((rest == 3 && cell.regionMatches(true, s, "inf", 0, 3))
                || (rest == 8 && cell.regionMatches(true, s, "infinity", 0, 8))) {
            value = sign == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return true;
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
