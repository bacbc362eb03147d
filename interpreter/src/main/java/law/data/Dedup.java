package law.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code dedup}: drops rows equal to an earlier row in every column, keeping the first. */
final class Dedup {
    private Dedup() {
    }

    static Table dedup(Table table) {
        int n = table.rowCount();
        Set<RowKey> seen = new HashSet<>(Math.max(16, n * 2));
        int[] keep = new int[n];
        int kept = 0;
        Column[] columns = RowKey.allColumns(table);
        for (int i = 0; i < n; i++) {
            if (seen.add(new RowKey(columns, i))) {
                keep[kept++] = i;
            }
        }
        return table.keepRows(Arrays.copyOf(keep, kept), "dedup", "");
    }

    /** A row compared cell by cell over the given columns. */
    static final class RowKey {
        private final Column[] columns;
        private final int row;
        private final int hash;

        RowKey(Column[] columns, int row) {
            this.columns = columns;
            this.row = row;
            int h = 1;
            for (Column c : columns) {
                h = 31 * h + c.cellHash(row);
            }
            this.hash = h;
        }

        static Column[] allColumns(Table table) {
            List<String> names = table.columnNames();
            Column[] cols = new Column[names.size()];
            for (int j = 0; j < cols.length; j++) {
                cols[j] = table.columnAt(j);
            }
            return cols;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RowKey other) || other.hash != hash) {
                return false;
            }
            for (Column c : columns) {
                if (!c.sameCell(row, other.row)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
