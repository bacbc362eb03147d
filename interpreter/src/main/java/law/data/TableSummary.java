package law.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text that {@code print runs} shows for a table: source, rows loaded, each step that dropped
 * rows, rows kept, min / median / max of each numeric column (over its finite values, with the
 * count of NaN or infinite ones), distinct-value counts of text columns, and the first rows as an
 * aligned table.
 */
public final class TableSummary {
    /** How many rows the preview shows by default. */
    public static final int PREVIEW_ROWS = 5;
    private static final int MAX_CELL = 24;

    private TableSummary() {
    }

    /** The summary with a preview of the first {@value #PREVIEW_ROWS} rows. */
    public static String render(Table table) {
        return render(table, PREVIEW_ROWS);
    }

    /** The summary with a preview of the first {@code previewRows} rows. */
    public static String render(Table table, int previewRows) {
        StringBuilder out = new StringBuilder(rowsKept(table));
        List<String[]> numeric = new ArrayList<>();
        numeric.add(new String[] {"column", "min", "median", "max", ""});
        List<String[]> text = new ArrayList<>();
        text.add(new String[] {"column", "distinct", "example"});
        for (int j = 0; j < table.columnNames().size(); j++) {
            String name = table.columnNames().get(j);
            Column c = table.columnAt(j);
            if (c instanceof NumericColumn n) {
                numeric.add(stats(name, n.raw()));
            } else {
                TextColumn t = (TextColumn) c;
                text.add(new String[] {name, Integer.toString(t.distinctCount()),
                    t.size() == 0 ? "" : clip(t.get(0))});
            }
        }
        if (numeric.size() > 1) {
            out.append("numeric columns:\n");
            aligned(out, numeric);
        }
        if (text.size() > 1) {
            out.append("text columns:\n");
            aligned(out, text);
        }
        int shown = Math.min(previewRows, table.rowCount());
        if (shown > 0) {
            out.append("first ").append(shown).append(shown == 1 ? " row:\n" : " rows:\n");
            List<String[]> rows = new ArrayList<>();
            String[] head = new String[table.columnNames().size() + 1];
            head[0] = table.numbering().word();
            for (int j = 1; j < head.length; j++) {
                head[j] = clip(table.columnNames().get(j - 1));
            }
            rows.add(head);
            for (int i = 0; i < shown; i++) {
                String[] row = new String[head.length];
                row[0] = Integer.toString(table.sourceRow(i));
                for (int j = 1; j < row.length; j++) {
                    row[j] = clip(table.columnAt(j - 1).display(i));
                }
                rows.add(row);
            }
            aligned(out, rows);
        }
        return out.toString();
    }

    /** The first lines of the summary: the source, the rows loaded, each step that dropped rows, the rows kept. */
    public static String rowsKept(Table table) {
        StringBuilder out = new StringBuilder();
        out.append("source: ").append(table.source()).append('\n');
        if (!table.groupKey().isEmpty()) {
            out.append("group: ").append(table.groupKey().render()).append('\n');
        }
        out.append("rows loaded: ").append(table.loadedRows()).append('\n');
        for (DropStep step : table.steps()) {
            out.append("  ").append(step.render()).append('\n');
        }
        out.append("rows kept: ").append(table.rowCount()).append('\n');
        return out.toString();
    }

    private static String[] stats(String name, double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int bad = values.length - finite.length;
        String note = bad == 0 ? "" : bad + " NaN/inf";
        if (finite.length == 0) {
            return new String[] {name, "-", "-", "-", note};
        }
        int m = finite.length / 2;
        double median = finite.length % 2 == 1 ? finite[m] : (finite[m - 1] + finite[m]) / 2;
        return new String[] {name, Numbers.compact(finite[0]), Numbers.compact(median),
            Numbers.compact(finite[finite.length - 1]), note};
    }

    private static String clip(String s) {
        return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL - 3) + "...";
    }

    /** Appends {@code rows} as left-aligned columns, two spaces apart, indented by two. */
    private static void aligned(StringBuilder out, List<String[]> rows) {
        int width = rows.get(0).length;
        int[] w = new int[width];
        for (String[] r : rows) {
            for (int j = 0; j < width; j++) {
                w[j] = Math.max(w[j], r[j].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int j = 0; j < width; j++) {
                line.append(r[j]);
                if (j < width - 1) {
                    line.append(" ".repeat(w[j] - r[j].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
