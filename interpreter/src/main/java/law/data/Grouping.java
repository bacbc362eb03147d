package law.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code groupBy}: one table per distinct key, in order of first appearance. */
final class Grouping {
    private Grouping() {
    }

    static List<Table> groupBy(Table table, List<String> keys) {
        if (keys.isEmpty()) {
            throw DataException.of(DataError.INVALID_OPERATION, table.source(),
                    "group by needs at least one column");
        }
        Column[] columns = new Column[keys.size()];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = table.column(keys.get(j));
        }
        Map<Dedup.RowKey, int[]> groups = new LinkedHashMap<>();
        Map<Dedup.RowKey, Integer> sizes = new LinkedHashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            Dedup.RowKey key = new Dedup.RowKey(columns, i);
            int[] rows = groups.get(key);
            int size = rows == null ? 0 : sizes.get(key);
            if (rows == null) {
                rows = new int[4];
                groups.put(key, rows);
            } else if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
                groups.put(key, rows);
            }
            rows[size] = i;
            sizes.put(key, size + 1);
        }
        List<Table> out = new ArrayList<>(groups.size());
        for (Map.Entry<Dedup.RowKey, int[]> e : groups.entrySet()) {
            int[] rows = Arrays.copyOf(e.getValue(), sizes.get(e.getKey()));
            List<Object> values = new ArrayList<>();
            for (Column c : columns) {
                values.add(c.key(rows[0]));
            }
            out.add(table.keepRows(rows, null, null).asGroup(new GroupKey(keys, values)));
        }
        return List.copyOf(out);
    }
}
