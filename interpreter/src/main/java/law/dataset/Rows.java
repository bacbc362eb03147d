package law.dataset;

import java.util.ArrayList;
import java.util.List;
import law.data.NumericColumn;
import law.data.Table;
import law.report.Tabular;

/**
 * Every row of a small table made by a statement (a fit by group, IsoFLOP minima) as a typed
 * {@link Tabular}: numeric columns holding only whole numbers below 1e9 (counts, flags, group
 * keys) are integers, other numeric columns numbers with 4 significant digits in one format per
 * column, the rest text.
 */
public final class Rows {
    private Rows() {
    }

    /** The table as typed columns. */
    public static Tabular tabular(Table t) {
        Tabular out = new Tabular();
        List<String> names = t.columnNames();
        for (String n : names) {
            if (t.column(n) instanceof NumericColumn c) {
                if (whole(c, t.rowCount())) {
                    out.integer(n);
                } else {
                    out.number(n);
                }
            } else {
                out.string(n);
            }
        }
        for (int i = 0; i < t.rowCount(); i++) {
            List<Object> row = new ArrayList<>();
            for (String n : names) {
                row.add(t.column(n) instanceof NumericColumn c ? (Object) c.get(i) : t.column(n).display(i));
            }
            out.row(row);
        }
        return out;
    }

    private static boolean whole(NumericColumn c, int rows) {
        for (int i = 0; i < rows; i++) {
            double v = c.get(i);
            if (!(Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e9)) {
                return false;
            }
        }
        return rows > 0;
    }

    /** The header and every row, two spaces between columns, indented by two. */
    public static String render(Table t) {
        return tabular(t).text("  ");
    }
}
