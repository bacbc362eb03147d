package law.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import law.data.Column;
import law.data.DropStep;
import law.data.NumericColumn;
import law.data.Table;
import law.data.TableSummary;
import law.data.TextColumn;
import law.report.Tabular;

/**
 * The JSON of {@code print DATASET}: for data read by {@code data}, its source, hash, rows loaded
 * and kept, each step that dropped rows, the grouping, a table of its columns (type, min, median,
 * max, non-finite count, distinct values) and a preview of its first rows; for a table made by a
 * statement (a fit by group, IsoFLOP minima), the statement and every row as a typed table.
 */
final class DatasetJson {
    private DatasetJson() {
    }

    static ObjectNode of(Dataset d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", d.name());
        Table t = d.table();
        if (d.heading() != null) {
            o.put("statement", d.heading());
            o.put("rows", t.rowCount());
            o.set("table", Rows.tabular(t).json());
            return o;
        }
        o.put("source", t.source());
        o.put("hash", t.hash());
        o.put("rows_loaded", t.loadedRows());
        o.put("rows", t.rowCount());
        ArrayNode steps = o.putArray("steps");
        for (DropStep s : t.steps()) {
            steps.addObject().put("step", s.step()).put("dropped", s.rows()).put("reason", s.reason());
        }
        ArrayNode by = o.putArray("group_by");
        d.groupBy().forEach(by::add);
        o.put("groups", d.groups().size());
        o.set("columns", columns(t).json());
        o.set("preview", preview(t, TableSummary.PREVIEW_ROWS).json());
        return o;
    }

    /** One row per column: name, type, min / median / max of the finite values, non-finite count, distinct count. */
    static Tabular columns(Table t) {
        Tabular out = new Tabular().string("column").string("type").number("min").number("median").number("max")
                .integer("nonfinite").integer("distinct");
        for (String n : t.columnNames()) {
            Column c = t.column(n);
            if (c instanceof NumericColumn num) {
                double[] raw = new double[t.rowCount()];
                Arrays.setAll(raw, num::get);
                double[] f = Arrays.stream(raw).filter(Double::isFinite).sorted().toArray();
                long distinct = Arrays.stream(raw).distinct().count();
                int m = f.length / 2;
                Double median = f.length == 0 ? null : f.length % 2 == 1 ? f[m] : (f[m - 1] + f[m]) / 2;
                out.row(n, "number", f.length == 0 ? null : f[0], median, f.length == 0 ? null : f[f.length - 1],
                        raw.length - f.length, distinct);
            } else {
                out.row(n, "string", null, null, null, 0, ((TextColumn) c).distinctCount());
            }
        }
        return out;
    }

    /** The first rows, with their row number in the source. */
    static Tabular preview(Table t, int rows) {
        Tabular out = new Tabular().integer("source_row");
        for (String n : t.columnNames()) {
            if (t.column(n) instanceof NumericColumn) {
                out.number(n);
            } else {
                out.string(n);
            }
        }
        for (int i = 0; i < Math.min(rows, t.rowCount()); i++) {
            List<Object> row = new ArrayList<>();
            row.add(t.sourceRow(i));
            for (String n : t.columnNames()) {
                row.add(t.column(n) instanceof NumericColumn c ? (Object) c.get(i) : t.column(n).display(i));
            }
            out.row(row);
        }
        return out;
    }
}
