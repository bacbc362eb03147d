package law.data;

import java.util.Arrays;

/** {@code drop K largest|smallest COL}, with ties broken by row order. */
final class Extremes {
    private Extremes() {
    }

    static Table drop(Table table, int k, Extreme which, String column) {
        double[] v = table.numericView(column);
        String step = "drop " + k + " " + which.word() + " " + column;
        if (k < 0 || k > v.length) {
            throw DataException.at(DataError.INVALID_OPERATION, table.source(), 0, table.numbering(),
                    column, step + ": cannot drop " + k + " of " + v.length + " rows");
        }
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw Finite.nonFiniteCell(table, i, column, v[i]);
            }
        }
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double sign = which == Extreme.LARGEST ? -1 : 1;
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(sign * v[a], sign * v[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        boolean[] dropped = new boolean[v.length];
        for (int i = 0; i < k; i++) {
            dropped[order[i]] = true;
        }
        int[] keep = new int[v.length - k];
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (!dropped[i]) {
                keep[n++] = i;
            }
        }
        return table.keepRows(keep, step, "");
    }
}
