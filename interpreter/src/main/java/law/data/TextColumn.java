package law.data;

import java.util.HashSet;
import java.util.Objects;

/**
 * An immutable column of strings (an empty cell is {@code ""}). It can still be read as numbers:
 * {@link #firstNonNumeric()} tells whether every cell is numeric-like, and the parsed values are
 * computed once, on first use.
 */
public final class TextColumn extends Column {
    private final String[] values;
    private double[] parsed;
    private int firstBad = -2;

    /** Takes ownership of {@code values}: callers must not change the array afterwards. */
    TextColumn(String[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Objects.requireNonNullElse(values[i], "");
        }
        this.values = values;
    }

    /** A column holding a copy of {@code values} ({@code null} becomes {@code ""}). */
    public static TextColumn of(String... values) {
        return new TextColumn(values.clone());
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isNumeric() {
        return false;
    }

    /** The cell at {@code row} (0-based). */
    public String get(int row) {
        return values[row];
    }

    /** A copy of the cells. */
    public String[] toArray() {
        return values.clone();
    }

    /** The number of distinct cells. */
    public int distinctCount() {
        return new HashSet<>(java.util.Arrays.asList(values)).size();
    }

    /** The 0-based index of the first cell that is not numeric-like, or -1 when all are. */
    public synchronized int firstNonNumeric() {
        if (firstBad == -2) {
            CellParser parser = new CellParser();
            double[] out = new double[values.length];
            int bad = -1;
            for (int i = 0; i < values.length && bad < 0; i++) {
                if (parser.read(values[i])) {
                    out[i] = parser.value;
                } else {
                    bad = i;
                }
            }
            firstBad = bad;
            parsed = bad < 0 ? out : null;
        }
        return firstBad;
    }

    /** The number of numeric-like cells (for messages). */
    int numericCount() {
        CellParser parser = new CellParser();
        int n = 0;
        for (String v : values) {
            if (parser.read(v)) {
                n++;
            }
        }
        return n;
    }

    /** The cells read as numbers; only valid when {@link #firstNonNumeric()} is -1. */
    synchronized double[] parsedRaw() {
        if (firstNonNumeric() >= 0) {
            throw new IllegalStateException("column has non-numeric cells");
        }
        return parsed;
    }

    /** The backing array, for read-only use inside the package. */
    String[] raw() {
        return values;
    }

    @Override
    public String display(int row) {
        return values[row];
    }

    @Override
    Column take(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new TextColumn(out);
    }

    @Override
    boolean sameCell(int a, int b) {
        return values[a].equals(values[b]);
    }

    @Override
    int cellHash(int row) {
        return values[row].hashCode();
    }

    @Override
    Object key(int row) {
        return values[row];
    }
}
