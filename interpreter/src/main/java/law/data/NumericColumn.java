package law.data;

import java.util.Arrays;

/** An immutable column of {@code double} values; NaN marks a missing value. */
public final class NumericColumn extends Column {
    private final double[] values;

    /** Takes ownership of {@code values}: callers must not change the array afterwards. */
    NumericColumn(double[] values) {
        this.values = values;
    }

    /** A column holding a copy of {@code values}. */
    public static NumericColumn of(double... values) {
        return new NumericColumn(values.clone());
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isNumeric() {
        return true;
    }

    /** The value at {@code row} (0-based). */
    public double get(int row) {
        return values[row];
    }

    /** A copy of the values. */
    public double[] toArray() {
        return values.clone();
    }

    /** The backing array, for read-only use inside the package. */
    double[] raw() {
        return values;
    }

    @Override
    public String display(int row) {
        return Numbers.compact(values[row]);
    }

    @Override
    Column take(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new NumericColumn(out);
    }

    @Override
    boolean sameCell(int a, int b) {
        return Double.doubleToLongBits(values[a]) == Double.doubleToLongBits(values[b]);
    }

    @Override
    int cellHash(int row) {
        return Double.hashCode(values[row]);
    }

    @Override
    Object key(int row) {
        return values[row];
    }

    @Override
    public String toString() {
        return "NumericColumn" + Arrays.toString(values.length > 8
                ? Arrays.copyOf(values, 8) : values);
    }
}
