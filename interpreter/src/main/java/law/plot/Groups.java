package law.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import law.data.Table;
import law.diag.Span;

/**
 * The rows of a plot split into the groups drawn as separate series. A single grouping column
 * with many distinct values (model sizes read off a figure) is split into a few bins of about
 * equal size, each drawn at the geometric mean of its values.
 *
 * @param label what the legend says
 * @param rows  the group's rows
 * @param at    the values the group fixes (its grouping columns)
 */
record Groups(String label, Table rows, Map<String, Double> at) {

    /** How many distinct values one column may have before it is binned. */
    static final int MAX_SERIES = 8;
    /** How many bins a column with many values is split into. */
    static final int BINS = 6;

    static List<Groups> of(Table t, List<String> by, Span at) {
        if (by.isEmpty()) {
            return List.of(new Groups("data", t, Map.of()));
        }
        for (String c : by) {
            Request.column(t, c, at);
        }
        if (by.size() == 1) {
            String c = by.get(0);
            double[] v = t.numeric(c);
            TreeSet<Double> distinct = new TreeSet<>();
            for (double x : v) {
                distinct.add(x);
            }
            if (distinct.size() > MAX_SERIES) {
                return bins(t, c, distinct);
            }
        }
        List<Groups> out = new ArrayList<>();
        for (Table g : t.groupBy(by)) {
            Map<String, Double> fixed = new LinkedHashMap<>();
            List<String> parts = new ArrayList<>();
            for (String c : by) {
                double x = g.numeric(c)[0];
                fixed.put(c, x);
                parts.add(c + " = " + compact(x));
            }
            out.add(new Groups(String.join(", ", parts), g, fixed));
        }
        out.sort((a, b) -> compare(a.at, b.at, by));
        return out;
    }

    private static int compare(Map<String, Double> a, Map<String, Double> b, List<String> by) {
        for (String c : by) {
            int k = Double.compare(a.get(c), b.get(c));
            if (k != 0) {
                return k;
            }
        }
        return 0;
    }

    private static List<Groups> bins(Table t, String c, TreeSet<Double> distinct) {
        Double[] values = distinct.toArray(new Double[0]);
        double[] col = t.numeric(c);
        double[] sorted = col.clone();
        Arrays.sort(sorted);
        List<Groups> out = new ArrayList<>();
        int start = 0;
        for (int b = 0; b < BINS && start < values.length; b++) {
            int end = b == BINS - 1 ? values.length : Math.max(start + 1, (int) Math.round((double) values.length * (b + 1) / BINS));
            double lo = values[start];
            double hi = values[end - 1];
            Table rows = t.whereRows("plot bin", r -> {
                double x = r.number(c);
                return x >= lo && x <= hi;
            });
            double logSum = 0;
            double[] xs = rows.numeric(c);
            for (double x : xs) {
                logSum += Math.log(x);
            }
            double mid = Math.exp(logSum / xs.length);
            out.add(new Groups(c + " = " + compact(lo) + "–" + compact(hi), rows, Map.of(c, mid)));
            start = end;
        }
        return out;
    }

    /** A short number for a legend: {@code 5.7×10⁷}, {@code 120}, {@code 0.35}. */
    static String compact(double v) {
        return LogTicks.times(v, 2);
    }
}
