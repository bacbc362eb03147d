package law.data;

/**
 * A view of one row of a {@link Table}, for per-row callbacks. Prefer the whole-column forms
 * ({@code Function<Table, double[]>}) where speed matters.
 */
public final class Row {
    private final Table table;
    private final int index;

    Row(Table table, int index) {
        this.table = table;
        this.index = index;
    }

    /** The 0-based index of the row in its table. */
    public int index() {
        return index;
    }

    /** The row's number in the source: a file line or a 1-based data row. */
    public int sourceRow() {
        return table.sourceRow(index);
    }

    /** The value in a column used as a number (errors as {@link Table#numeric(String)}). */
    public double number(String column) {
        return table.numericView(column)[index];
    }

    /** The cell in a text column (errors as {@link Table#text(String)}). */
    public String text(String column) {
        return table.textView(column)[index];
    }
}
