package law.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * An immutable columnar table: ordered named columns (numeric or text), the source it came from,
 * each row's number in that source (a file line or a 1-based data row) so errors can name it, how
 * many rows were loaded and every step that dropped rows since. Every operation returns a new
 * table; unchanged columns are shared, never copied.
 */
public final class Table {
    private final String source;
    private final RowNumbering numbering;
    private final List<String> names;
    private final List<Column> columns;
    private final Map<String, Integer> index;
    private final int[] sourceRows;
    private final int loadedRows;
    private final List<DropStep> steps;
    private final GroupKey key;

    Table(String source, RowNumbering numbering, List<String> names, List<Column> columns,
            int[] sourceRows, int loadedRows, List<DropStep> steps, GroupKey key) {
        this.source = Objects.requireNonNull(source, "source");
        this.numbering = Objects.requireNonNull(numbering, "numbering");
        this.names = List.copyOf(names);
        this.columns = List.copyOf(columns);
        this.sourceRows = sourceRows;
        this.loadedRows = loadedRows;
        this.steps = List.copyOf(steps);
        this.key = Objects.requireNonNull(key, "key");
        if (this.names.size() != this.columns.size()) {
            throw new IllegalArgumentException("names and columns differ in number");
        }
        this.index = new HashMap<>();
        for (int i = 0; i < this.names.size(); i++) {
            if (index.put(this.names.get(i), i) != null) {
                throw DataException.of(DataError.DUPLICATE_COLUMN, source,
                        "the column name '" + this.names.get(i) + "' appears twice");
            }
            if (this.columns.get(i).size() != sourceRows.length) {
                throw new IllegalArgumentException("column '" + this.names.get(i) + "' has "
                        + this.columns.get(i).size() + " cells, expected " + sourceRows.length);
            }
        }
    }

    /** A freshly loaded table: no steps, not a group. Takes ownership of {@code sourceRows}. */
    static Table loaded(String source, RowNumbering numbering, List<String> names,
            List<Column> columns, int[] sourceRows) {
        return new Table(source, numbering, names, columns, sourceRows, sourceRows.length,
                List.of(), GroupKey.NONE);
    }

    /** The file path, {@code "inline table"} or {@code "simulated"}. */
    public String source() {
        return source;
    }

    /** Whether {@link #sourceRow(int)} gives file lines or data rows. */
    public RowNumbering numbering() {
        return numbering;
    }

    /** The number of rows. */
    public int rowCount() {
        return sourceRows.length;
    }

    /** The column names, in order (unmodifiable). */
    public List<String> columnNames() {
        return names;
    }

    /** Whether the table has a column of exactly this name. */
    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /** The column named {@code name}; error {@code L0407} with a did-you-mean if there is none. */
    public Column column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw Names.missingColumn(source, name, names);
        }
        return columns.get(i);
    }

    /**
     * A copy of a column's values as numbers. A text column is read by the cell rules; its first
     * cell that is not a number is error {@code L0408} naming the row and the cell.
     */
    public double[] numeric(String name) {
        return numericView(name).clone();
    }

    /** A copy of a text column's cells; a numeric column is error {@code L0411}. */
    public String[] text(String name) {
        return textView(name).clone();
    }

    /** The row's number in the source (a file line or a 1-based data row), for messages. */
    public int sourceRow(int row) {
        return sourceRows[row];
    }

    /** How many rows the source had when loaded. */
    public int loadedRows() {
        return loadedRows;
    }

    /** Every step that dropped rows since loading, in order. */
    public List<DropStep> steps() {
        return steps;
    }

    /** The key of this group, or {@link GroupKey#NONE} when the table is not a group. */
    public GroupKey groupKey() {
        return key;
    }

    /** A table of the named columns only, in the given order. */
    public Table select(List<String> wanted) {
        List<Column> cols = new ArrayList<>();
        for (String name : wanted) {
            cols.add(column(name));
        }
        return new Table(source, numbering, wanted, cols, sourceRows, loadedRows, steps, key);
    }

    /** The table with column {@code from} renamed to {@code to}; {@code to} must be new. */
    public Table rename(String from, String to) {
        column(from);
        if (!from.equals(to) && hasColumn(to)) {
            throw DataException.at(DataError.DUPLICATE_COLUMN, source, 0, numbering, to,
                    "cannot rename '" + from + "' to '" + to + "': the table already has '" + to + "'");
        }
        List<String> newNames = new ArrayList<>(names);
        newNames.set(index.get(from), to);
        return new Table(source, numbering, newNames, columns, sourceRows, loadedRows, steps, key);
    }

    /**
     * The table with column {@code name} bound to the cells of {@code existing}
     * ({@code N = `Model Size`}). The data is shared; a column already named {@code name} is
     * replaced in place, otherwise the new column is added at the end.
     */
    public Table bind(String name, String existing) {
        return withColumn(name, column(existing));
    }

    /** Adds (or replaces) a derived numeric column computed from the whole table at once. */
    public Table derive(String name, Function<Table, double[]> values) {
        return derive(name, List.of(), values);
    }

    /**
     * Adds (or replaces) a derived numeric column. Every value must be finite: a NaN or infinite
     * value is error {@code L0410} naming the row and showing the {@code inputs} there (or, when an
     * input itself is NaN or infinite at that row, error {@code L0409} about that input cell).
     */
    public Table derive(String name, List<String> inputs, Function<Table, double[]> values) {
        double[] v = values.apply(this).clone();
        Finite.checkDerived(this, name, inputs, v);
        return withColumn(name, new NumericColumn(v));
    }

    /** Adds (or replaces) a derived numeric column computed row by row; checked as above. */
    public Table deriveRows(String name, List<String> inputs, ToDoubleFunction<Row> value) {
        double[] v = new double[rowCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = value.applyAsDouble(new Row(this, i));
        }
        Finite.checkDerived(this, name, inputs, v);
        return withColumn(name, new NumericColumn(v));
    }

    /** Keeps the rows where {@code mask} is true; {@code step} names the filter in summaries. */
    public Table where(String step, Function<Table, boolean[]> mask) {
        boolean[] m = mask.apply(this);
        if (m.length != rowCount()) {
            throw DataException.of(DataError.INVALID_OPERATION, source, step + ": the filter gave "
                    + m.length + " values for " + rowCount() + " rows");
        }
        int[] keep = new int[m.length];
        int n = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i]) {
                keep[n++] = i;
            }
        }
        return keepRows(java.util.Arrays.copyOf(keep, n), step, "");
    }

    /** Keeps the rows where {@code test} is true, row by row. */
    public Table whereRows(String step, Predicate<Row> test) {
        return where(step, t -> {
            boolean[] m = new boolean[t.rowCount()];
            for (int i = 0; i < m.length; i++) {
                m[i] = test.test(new Row(t, i));
            }
            return m;
        });
    }

    /**
     * Drops the {@code k} rows with the largest (or smallest) values of {@code column}; among equal
     * values the earlier row goes first. NaN in the column is error {@code L0409}; {@code k} larger
     * than the table is error {@code L0412}.
     */
    public Table drop(int k, Extreme which, String column) {
        return Extremes.drop(this, k, which, column);
    }

    /** Drops exact duplicate rows (every column equal, NaN equal to NaN), keeping the first. */
    public Table dedup() {
        return Dedup.dedup(this);
    }

    /** Applies the NaN policy to every numeric column. */
    public Table nanPolicy(NanPolicy policy) {
        List<String> numericNames = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (columns.get(i).isNumeric()) {
                numericNames.add(names.get(i));
            }
        }
        return nanPolicy(policy, numericNames);
    }

    /**
     * Applies the NaN policy to the named columns (those that are numeric, or text whose every
     * cell reads as a number): {@code ERROR} reports the first NaN or infinite cell (by row) as
     * {@code L0409}; {@code DROP} drops every row that has one and records step {@code nan = drop}.
     */
    public Table nanPolicy(NanPolicy policy, Collection<String> used) {
        return Finite.applyPolicy(this, policy, used);
    }

    /**
     * Splits the table by the values of {@code keys}: one table per distinct combination, in order
     * of first appearance, each remembering its {@link #groupKey()}.
     */
    public List<Table> groupBy(List<String> keys) {
        return Grouping.groupBy(this, keys);
    }

    /** A SHA-256 over column names, types and every value's bits: {@code "sha256:<64 hex>"}. */
    public String hash() {
        return DataHash.of(this);
    }

    @Override
    public String toString() {
        return "Table[" + source + ", " + rowCount() + " rows, columns " + names + "]";
    }

    /** The column's values as numbers, without copying (read-only). */
    double[] numericView(String name) {
        Column c = column(name);
        if (c instanceof NumericColumn n) {
            return n.raw();
        }
        TextColumn t = (TextColumn) c;
        int bad = t.firstNonNumeric();
        if (bad < 0) {
            return t.parsedRaw();
        }
        throw Finite.nonNumeric(this, name, t, bad);
    }

    /** The text column's cells, without copying (read-only). */
    String[] textView(String name) {
        Column c = column(name);
        if (c instanceof TextColumn t) {
            return t.raw();
        }
        throw DataException.at(DataError.TEXT_EXPECTED, source, 0, numbering, name,
                "column '" + name + "' holds numbers, not text")
                .withHelp("compare it with a number, e.g. " + name + " == 1e19");
    }

    /** The column at position {@code i}. */
    Column columnAt(int i) {
        return columns.get(i);
    }

    /** A table with {@code column} under {@code name}, replacing a column of that name in place. */
    Table withColumn(String name, Column column) {
        if (column.size() != rowCount()) {
            throw DataException.of(DataError.INVALID_OPERATION, source, "column '" + name + "' has "
                    + column.size() + " values for " + rowCount() + " rows");
        }
        List<String> newNames = new ArrayList<>(names);
        List<Column> newColumns = new ArrayList<>(columns);
        Integer at = index.get(name);
        if (at == null) {
            newNames.add(name);
            newColumns.add(column);
        } else {
            newColumns.set(at, column);
        }
        return new Table(source, numbering, newNames, newColumns, sourceRows, loadedRows, steps, key);
    }

    /**
     * A table of the rows {@code keep} (in that order), recording a step named {@code step} with
     * {@code reason} that dropped every other row (no step when {@code step} is null).
     */
    Table keepRows(int[] keep, String step, String reason) {
        List<Column> cols = new ArrayList<>(columns.size());
        for (Column c : columns) {
            cols.add(c.take(keep));
        }
        int[] rows = new int[keep.length];
        boolean[] kept = new boolean[sourceRows.length];
        for (int i = 0; i < keep.length; i++) {
            rows[i] = sourceRows[keep[i]];
            kept[keep[i]] = true;
        }
        List<DropStep> newSteps = new ArrayList<>(steps);
        if (step != null) {
            int[] dropped = java.util.stream.IntStream.range(0, kept.length).filter(i -> !kept[i])
                    .map(i -> sourceRows[i]).toArray();
            newSteps.add(new DropStep(step, dropped.length, reason, dropped));
        }
        return new Table(source, numbering, names, cols, rows, loadedRows, newSteps, key);
    }

    /** The same rows as a group with {@code groupKey}. */
    Table asGroup(GroupKey groupKey) {
        return new Table(source, numbering, names, columns, sourceRows, loadedRows, steps, groupKey);
    }

    /** An error at row {@code row} (0-based) and {@code column} of this table. */
    DataException errorAt(DataError error, int row, String column, String detail) {
        return DataException.at(error, source, sourceRows[row], numbering, column, detail);
    }
}
