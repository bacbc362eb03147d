package law.data;

import java.util.OptionalDouble;

/**
 * The cell rules of the package, for callers outside it (e.g. inline tables built from
 * {@code .law} tokens): {@code 2.8B} = 2.8e9, {@code True} = 1, {@code NaN}, {@code -inf}, empty
 * = NaN. See {@code package-info} for the full rules.
 */
public final class Cells {
    private Cells() {
    }

    /** The value of a numeric-like cell, or empty when the cell is not numeric-like. */
    public static OptionalDouble parse(String cell) {
        CellParser parser = new CellParser();
        return parser.read(cell) ? OptionalDouble.of(parser.value) : OptionalDouble.empty();
    }

    /** Whether a cell is numeric-like. */
    public static boolean isNumeric(String cell) {
        return new CellParser().read(cell);
    }
}
