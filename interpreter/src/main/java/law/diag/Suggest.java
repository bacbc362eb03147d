package law.diag;

import java.util.Locale;

/** Did-you-mean suggestions by edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /**
     * The candidate closest to a misspelt name, or {@code null} when none is close enough.
     * A candidate equal but for case always wins; otherwise the Damerau-Levenshtein distance
     * must be at most a third of the name's length (at least 1).
     */
    public static String closest(String name, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            if (c.equals(name)) {
                continue;
            }
            if (c.toLowerCase(Locale.ROOT).equals(lower)) {
                return c;
            }
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(1, name.length() / 3);
        return bestDistance <= limit ? best : null;
    }

    /** A {@code help:} line for a suggestion, or {@code null} when there is none. */
    public static String didYouMean(String name, Iterable<String> candidates) {
        String c = closest(name, candidates);
        return c == null ? null : "did you mean '" + c + "'?";
    }

    /** The optimal-string-alignment (restricted Damerau-Levenshtein) distance. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
