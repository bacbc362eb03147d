package law.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Did-you-mean suggestions over names (columns, files), by Damerau-Levenshtein distance. */
final class Names {
    private static final int LISTED = 12;

    private Names() {
    }

    /** Error {@code L0407} for a missing column, with a did-you-mean or the list of columns. */
    static DataException missingColumn(String source, String name, List<String> columns) {
        DataException e = DataException.at(DataError.MISSING_COLUMN, source, 0, RowNumbering.ROW,
                name, "no column named " + quote(name));
        Optional<String> best = suggest(name, columns);
        if (best.isPresent()) {
            String hint = best.get().equalsIgnoreCase(name) ? " (column names are case-sensitive)" : "";
            return e.withHelp("did you mean " + quote(best.get()) + "?" + hint);
        }
        List<String> shown = new ArrayList<>();
        for (String c : columns.subList(0, Math.min(LISTED, columns.size()))) {
            shown.add(quote(c));
        }
        String more = columns.size() > LISTED ? ", ... (" + columns.size() + " in all)" : "";
        return e.withHelp("the columns are " + String.join(", ", shown) + more);
    }

    /**
     * The candidate closest to {@code name}: an exact case-insensitive match first, then the
     * smallest edit distance (case-insensitive) if at most a third of the name's length, then the
     * only candidate containing the name; ties go to the earlier candidate.
     */
    static Optional<String> suggest(String name, List<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            if (c.equalsIgnoreCase(name)) {
                return Optional.of(c);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int limit = Math.max(1, name.length() / 3);
        if (best != null && bestDistance <= limit && bestDistance < name.length()) {
            return Optional.of(best);
        }
        String only = null;
        for (String c : candidates) {
            if (name.length() >= 3 && c.toLowerCase(Locale.ROOT).contains(lower)) {
                if (only != null) {
                    return Optional.empty();
                }
                only = c;
            }
        }
        return Optional.ofNullable(only);
    }

    /** Optimal-string-alignment (restricted Damerau-Levenshtein) distance. */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }

    /** {@code 'loss'} for a plain identifier, {@code `Model Size`} for any other name. */
    static String quote(String name) {
        boolean plain = !name.isEmpty() && !Character.isDigit(name.charAt(0));
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_';
        }
        return plain ? "'" + name + "'" : "`" + name + "`";
    }
}
