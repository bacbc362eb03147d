package law.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks that values are numbers and finite: the NaN policy, derived columns, text as numbers. */
final class Finite {
    private Finite() {
    }

    /** Error {@code L0409} (or {@code L0410}) for the first non-finite derived value. */
    static void checkDerived(Table table, String name, List<String> inputs, double[] values) {
        if (values.length != table.rowCount()) {
            throw DataException.of(DataError.INVALID_OPERATION, table.source(), "derived column '"
                    + name + "' has " + values.length + " values for " + table.rowCount() + " rows");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                continue;
            }
            List<String> shown = new ArrayList<>();
            for (String input : inputs) {
                double x = table.numericView(input)[i];
                if (!Double.isFinite(x)) {
                    throw nonFiniteCell(table, i, input, x);
                }
                shown.add(input + " = " + Numbers.exact(x));
            }
            String what = Double.isNaN(values[i]) ? "NaN" : "infinite";
            String cause = Double.isNaN(values[i])
                    ? "e.g. the log or square root of a negative number, or 0/0"
                    : "e.g. the log of 0, or a division by 0";
            DataException e = table.errorAt(DataError.NON_FINITE_DERIVED, i, name,
                    "derived column '" + name + "' is " + what + " (" + cause + ")");
            throw shown.isEmpty() ? e : e.withHelp("at this row " + String.join(", ", shown));
        }
    }

    /** Applies {@code policy} to the named columns that are (or read as) numbers. */
    static Table applyPolicy(Table table, NanPolicy policy, Collection<String> used) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String name : used) {
            Column c = table.column(name);
            if (c.isNumeric() || ((TextColumn) c).firstNonNumeric() < 0) {
                cols.put(name, table.numericView(name));
            }
        }
        int n = table.rowCount();
        if (policy == NanPolicy.ERROR) {
            for (int i = 0; i < n; i++) {
                for (Map.Entry<String, double[]> e : cols.entrySet()) {
                    if (!Double.isFinite(e.getValue()[i])) {
                        throw nonFiniteCell(table, i, e.getKey(), e.getValue()[i]);
                    }
                }
            }
            return table;
        }
        int[] keep = new int[n];
        int kept = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            boolean ok = true;
            for (Map.Entry<String, double[]> e : cols.entrySet()) {
                if (!Double.isFinite(e.getValue()[i])) {
                    counts.merge(e.getKey(), 1, Integer::sum);
                    ok = false;
                }
            }
            if (ok) {
                keep[kept++] = i;
            }
        }
        List<String> reasons = new ArrayList<>();
        counts.forEach((name, count) -> reasons.add(count + " in " + Names.quote(name)));
        String reason = reasons.isEmpty() ? "" : "NaN or infinite: " + String.join(", ", reasons);
        return table.keepRows(Arrays.copyOf(keep, kept), "nan = drop", reason);
    }

    /** Error {@code L0409} for a NaN or infinite cell. */
    static DataException nonFiniteCell(Table table, int row, String column, double value) {
        String what = Double.isNaN(value) ? "a NaN (missing) value" : "an infinite value";
        return table.errorAt(DataError.NON_FINITE_CELL, row, column,
                "column '" + column + "' has " + what + " here")
                .withHelp("write `nan = drop` in the data block to drop rows with NaN or infinite values");
    }

    /** Error {@code L0408} for the first non-numeric cell of a text column used as a number. */
    static DataException nonNumeric(Table table, String column, TextColumn text, int row) {
        String cell = text.get(row);
        int numeric = text.numericCount();
        if (numeric == 0) {
            return table.errorAt(DataError.NON_NUMERIC_CELL, row, column,
                    "column '" + column + "' holds text, not numbers (this cell is '" + cell + "')")
                    .withHelp("use a numeric column here; compare text in a filter, e.g. "
                            + column + " == \"" + cell + "\"");
        }
        return table.errorAt(DataError.NON_NUMERIC_CELL, row, column,
                "cell '" + cell + "' in column '" + column + "' is not a number")
                .withHelp(numeric + " of the column's " + text.size()
                        + " cells are numbers; write a missing value as an empty cell or NaN");
    }
}
