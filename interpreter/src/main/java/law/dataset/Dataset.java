package law.dataset;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.data.NumericColumn;
import law.data.Table;
import law.data.TableSummary;
import law.data.TextColumn;
import law.eval.Value;

/**
 * A dataset defined by a {@code data} statement: its clean table and the group columns named by
 * {@code group by} (empty when the data is not grouped).
 *
 * @param name    the dataset's name
 * @param table   the rows kept after every clause
 * @param groupBy the grouping columns, possibly empty
 * @param heading for a dataset made by a statement (a fit by group, an {@code isoflop}), the line
 *                {@code print} shows above every row; {@code null} for data read by {@code data}
 * @param sources for a column bound to a column of the file under another name
 *                ({@code N = `Model Size`}), that name: what plots label the axis with
 */
public record Dataset(String name, Table table, List<String> groupBy, String heading, Map<String, String> sources)
        implements Value.Other, law.eval.Render.JsonRenderable {

    public Dataset {
        groupBy = List.copyOf(groupBy);
        sources = Map.copyOf(sources);
    }

    /** A dataset made by a statement, or read without renamed columns. */
    public Dataset(String name, Table table, List<String> groupBy, String heading) {
        this(name, table, groupBy, heading, Map.of());
    }

    /** An axis title for a column: {@code Training FLOP (C)} for a renamed one, else its name. */
    public String label(String column) {
        String src = sources.get(column);
        return src == null || src.equals(column) ? column : src + " (" + column + ")";
    }

    /** A value that stands for a dataset where one is needed ({@code fit ... in X}, {@code plot ... on X}). */
    public interface Provider {
        /** The dataset it stands for. */
        Dataset dataset();
    }

    /** The dataset a value is or stands for, or {@code null}. */
    public static Dataset of(Value v) {
        if (v instanceof Dataset d) {
            return d;
        }
        return v instanceof Provider p ? p.dataset() : null;
    }

    /** The dataset a name refers to, or a located error with a did-you-mean over the datasets. */
    public static Dataset named(law.ast.Ident name, law.eval.Context ctx) {
        law.eval.Entry e = ctx.env().get(name.text());
        Dataset ds = e == null ? null : of(e.value());
        if (ds != null) {
            return ds;
        }
        if (e != null) {
            throw law.eval.Failure.at(law.diag.Code.WRONG_KIND, name.span(), "'" + name.text() + "' is a "
                    + e.value().kindName() + ", not a dataset");
        }
        if (ctx.env().isPoisoned(name.text())) {
            throw law.eval.Failure.at(law.diag.Code.UNKNOWN_DATA, name.span(), "'" + name.text()
                    + "' is not defined because its definition failed");
        }
        List<String> names = ctx.env().entries().stream().filter(x -> of(x.value()) != null)
                .map(law.eval.Entry::name).toList();
        String help = law.diag.Suggest.didYouMean(name.text(), names);
        throw law.eval.Failure.at(law.diag.Code.UNKNOWN_DATA, name.span(), "unknown dataset '" + name.text() + "'",
                help != null ? help : names.isEmpty() ? "define it with 'data " + name.text() + " = csv(\"...\")'"
                        : "the datasets are " + String.join(", ", names));
    }

    /** A dataset read by a {@code data} statement. */
    public Dataset(String name, Table table, List<String> groupBy) {
        this(name, table, groupBy, null);
    }

    @Override
    public String kind() {
        return "dataset";
    }

    /** The JSON of {@code print}: a summary of read data, every row of a table made by a statement. */
    @Override
    public com.fasterxml.jackson.databind.JsonNode json() {
        return DatasetJson.of(this);
    }

    @Override
    public String render() {
        if (heading != null) {
            return heading + "\n" + Rows.render(table);
        }
        String summary = TableSummary.render(table).stripTrailing();
        if (groupBy.isEmpty()) {
            return "data " + name + "\n" + summary;
        }
        List<Table> groups = table.groupBy(groupBy);
        return "data " + name + " (" + groups.size() + " groups by " + String.join(", ", groupBy) + ")\n" + summary;
    }

    /**
     * {@code rows}, and for each numeric column a record of its {@code min}, {@code median},
     * {@code max}, {@code first}, {@code last} and {@code sum}: {@code runs.L.max}. The records are
     * computed when read, so a table of two million columns costs nothing until one is asked for.
     */
    @Override
    public Map<String, Value> fields() {
        return new ColumnFields(table);
    }

    /** {@code t.X} of a column that is text says which cell made it text. */
    @Override
    public void explainMissing(String field, law.diag.Span at) {
        if (!table.hasColumn(field) || !(table.column(field) instanceof TextColumn text)) {
            return;
        }
        int bad = text.firstNonNumeric();
        if (bad < 0) {
            return;
        }
        throw law.eval.Failure.at(law.diag.Code.DATA_NON_NUMERIC, at, "'" + field + "' is a text column because of "
                + table.numbering().word() + " " + table.sourceRow(bad) + " of " + table.source() + ", whose cell '"
                + text.get(bad) + "' is not a number, so it has no min, median, max, first, last or sum",
                "fix that cell (write a missing value as an empty cell or NaN), or drop the row with 'where'");
    }

    /** The fields of a dataset, each column's statistics computed on first use. */
    private static final class ColumnFields extends java.util.AbstractMap<String, Value> {
        private final Table table;
        private final Map<String, Value> cache = new java.util.HashMap<>();

        ColumnFields(Table table) {
            this.table = table;
        }

        @Override
        public Value get(Object key) {
            if (!(key instanceof String name)) {
                return null;
            }
            if (name.equals("rows")) {
                return Value.Scalar.of(table.rowCount());
            }
            if (!table.hasColumn(name) || !numeric(table.column(name))) {
                return null;
            }
            return cache.computeIfAbsent(name, c -> columnStats(table.numeric(c)));
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public java.util.Set<Map.Entry<String, Value>> entrySet() {
            Map<String, Value> all = new LinkedHashMap<>();
            for (String k : keys()) {
                all.put(k, get(k));
            }
            return all.entrySet();
        }

        @Override
        public java.util.Set<String> keySet() {
            return java.util.Collections.unmodifiableSet(keys());
        }

        private java.util.LinkedHashSet<String> keys() {
            java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
            out.add("rows");
            for (String c : table.columnNames()) {
                if (table.column(c) instanceof NumericColumn) {
                    out.add(c);
                }
            }
            return out;
        }

        private static boolean numeric(law.data.Column c) {
            return c instanceof NumericColumn || c instanceof TextColumn t && t.firstNonNumeric() < 0;
        }
    }

    private static Value columnStats(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = v.length;
        double median = n == 0 ? Double.NaN
                : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        Map<String, Value> f = new LinkedHashMap<>();
        f.put("min", Value.Scalar.of(n == 0 ? Double.NaN : sorted[0]));
        f.put("median", Value.Scalar.of(median));
        f.put("max", Value.Scalar.of(n == 0 ? Double.NaN : sorted[n - 1]));
        f.put("first", Value.Scalar.of(n == 0 ? Double.NaN : v[0]));
        f.put("last", Value.Scalar.of(n == 0 ? Double.NaN : v[n - 1]));
        f.put("sum", Value.Scalar.of(Arrays.stream(v).sum()));
        return new Value.Rec("column", f, null);
    }

    /** The groups, in order of first appearance (one group holding everything when ungrouped). */
    public List<Table> groups() {
        return groupBy.isEmpty() ? List.of(table) : table.groupBy(groupBy);
    }
}
