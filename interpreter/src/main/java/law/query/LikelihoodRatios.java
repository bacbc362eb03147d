package law.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import law.model.Fitted;
import law.model.Law;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * The likelihood-ratio tests of {@code compare}: for each pair of compared laws where one is
 * nested in the other ({@link Nesting}) and both logL come from the same density, the statistic
 * {@code 2 (logL_big - logL_small)} against chi-square with the difference of their parameter
 * counts; for the other pairs, why there is no test. A pair whose fits were not fitted on exactly
 * the compared rows is flagged approximate.
 */
final class LikelihoodRatios {
    private LikelihoodRatios() {
    }

    /**
     * A pair of laws: the likelihood-ratio test of {@code big} against {@code small} when one is
     * nested in the other ({@code whyNot} null), else why they are not nested.
     */
    record Pair(String big, String small, String whyNot, double statistic, int df, double p,
                List<String> approximate) {
    }

    /** Each pair of laws, tested when one is nested in the other. */
    static List<Pair> pairs(List<Compare.Row> rows, boolean[] used, double[] y) {
        List<Pair> out = new ArrayList<>();
        for (int a = 0; a < rows.size(); a++) {
            for (int b = a + 1; b < rows.size(); b++) {
                Compare.Row small = rows.get(a).k() <= rows.get(b).k() ? rows.get(a) : rows.get(b);
                Compare.Row big = small == rows.get(a) ? rows.get(b) : rows.get(a);
                String why = Nesting.whyNot(small.item(), big.item(), used);
                if (why == null && !java.util.Objects.equals(density(small), density(big))) {
                    why = "their logL come from different densities (" + densityWord(big) + " and "
                            + densityWord(small) + "), so no likelihood ratio";
                }
                if (why != null) {
                    out.add(new Pair(big.item().name(), small.item().name(), why, Double.NaN, 0, Double.NaN, List.of()));
                    continue;
                }
                double lr = Math.max(0, 2 * (big.in().logL() - small.in().logL()));
                int df = big.k() - small.k();
                double p = 1 - new ChiSquaredDistribution(df).cumulativeProbability(lr);
                out.add(new Pair(big.item().name(), small.item().name(), null, lr, df, p,
                        approximate(List.of(big, small), used, y)));
            }
        }
        return out;
    }

    /** The density a row's logL comes from: its fit's likelihood, or null for the Gaussian of its residuals. */
    private static String density(Compare.Row r) {
        Law law = r.item().law();
        return law == null || law.fitted() == null ? null : law.fitted().likelihood();
    }

    private static String densityWord(Compare.Row r) {
        String d = density(r);
        return d == null ? "Gaussian" : d + " likelihood";
    }

    /**
     * The fits of a likelihood-ratio pair that were not fitted on exactly the compared rows (a
     * {@code where}, a {@code holdout}, or fits of other rows): the statistic then compares how the
     * laws describe these rows, not two maximum-likelihood fits of them.
     */
    private static List<String> approximate(List<Compare.Row> pair, boolean[] used, double[] y) {
        List<String> other = new ArrayList<>();
        for (Compare.Row r : pair) {
            long[] trained = r.item().law().fitted() == null ? null : r.item().law().fitted().trainingRows();
            if (trained != null && !Arrays.equals(trained, keys(r.item(), used, y))) {
                other.add(r.item().name());
            }
        }
        return other;
    }

    /** The keys ({@link Fitted#rowKeys}) of the rows in use, of the item's arguments and the target. */
    private static long[] keys(Nesting.Item item, boolean[] used, double[] y) {
        int n = Compare.count(used);
        double[][] columns = new double[item.argValues().length][n];
        double[] target = new double[n];
        for (int i = 0, j = 0; i < used.length; i++) {
            if (used[i]) {
                for (int k = 0; k < columns.length; k++) {
                    columns[k][j] = item.argValues()[k][i];
                }
                target[j++] = y[i];
            }
        }
        return Fitted.rowKeys(columns, target);
    }
}
