package law.data;

/**
 * One immutable column of a {@link Table}: {@link NumericColumn} ({@code double} values) or
 * {@link TextColumn} (strings). Columns carry no name; the table names them.
 */
public abstract sealed class Column permits NumericColumn, TextColumn {
    Column() {
    }

    /** The number of cells. */
    public abstract int size();

    /** Whether the values are stored as numbers. */
    public abstract boolean isNumeric();

    /** The cell at {@code row} as it should be shown to a user. */
    public abstract String display(int row);

    /** A column of the cells at {@code rows}, in that order. */
    abstract Column take(int[] rows);

    /** Whether the cells at {@code a} and {@code b} are exactly equal (NaN equals NaN). */
    abstract boolean sameCell(int a, int b);

    /** A hash of the cell at {@code row}, consistent with {@link #sameCell}. */
    abstract int cellHash(int row);

    /** The key value of the cell at {@code row}: a {@code Double} or a {@code String}. */
    abstract Object key(int row);
}
