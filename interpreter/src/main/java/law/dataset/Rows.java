package law.dataset;

import java.util.ArrayList;
import java.util.List;
import law.data.NumericColumn;
import law.data.Table;
import law.report.Fmt;

/** Every row of a small table as aligned text: numbers to 4 significant digits, right-aligned. */
public final class Rows {
    private Rows() {
    }

    /** The header and every row, two spaces between columns, indented by two. */
    public static String render(Table t) {
        List<String> names = t.columnNames();
        List<String[]> lines = new ArrayList<>();
        lines.add(names.toArray(new String[0]));
        for (int i = 0; i < t.rowCount(); i++) {
            String[] line = new String[names.size()];
            for (int j = 0; j < names.size(); j++) {
                line[j] = t.column(names.get(j)) instanceof NumericColumn c ? Fmt.short4(c.get(i))
                        : t.column(names.get(j)).display(i);
            }
            lines.add(line);
        }
        int[] w = new int[names.size()];
        for (String[] r : lines) {
            for (int j = 0; j < r.length; j++) {
                w[j] = Math.max(w[j], r[j].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : lines) {
            StringBuilder line = new StringBuilder(" ");
            for (int j = 0; j < r.length; j++) {
                boolean right = t.column(names.get(j)).isNumeric();
                String pad = " ".repeat(w[j] - r[j].length());
                line.append(' ').append(right ? pad + r[j] : r[j] + pad);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
