package law.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import law.report.Fmt;

/**
 * The spread of one quantity over bootstrap replicates, summarised so that a few wild replicates
 * cannot hide: the standard deviation next to a robust one (the median absolute deviation from
 * the median, scaled by 1.4826 so that it estimates the standard deviation of a normal
 * distribution), the percentile interval, and the replicates that lie far from the bulk.
 *
 * <p>For well-behaved replicates the two spreads agree (their ratio is about 1 for a normal
 * distribution, below 1.5 for a log-normal one as skewed as Chinchilla's B); when the standard
 * deviation exceeds {@link #FACTOR} times the robust spread, it is dominated by a few
 * replicates, and {@link #disagrees()} says so. A replicate is <em>wild</em> when it lies more
 * than {@link #WILD} robust spreads from the median: a normal sample of a million has none.
 *
 * @param used      the finite replicates the summary is over
 * @param sd        their standard deviation ({@code n - 1} denominator)
 * @param robust    the robust spread: 1.4826 x MAD, or, when more than half the replicates are
 *                  equal (MAD 0), the central 95% range / 3.92; 0 only when that is 0 too
 * @param median    their median
 * @param low       the lower percentile ({@code (1 - level) / 2})
 * @param high      the upper percentile
 * @param wild      replicate indices (0-based, into the array given) that are wild, wildest first
 */
public record Spread(int used, double sd, double robust, double median, double low, double high, int[] wild) {

    /** The SD / robust-spread ratio above which the SD is not to be trusted. */
    public static final double FACTOR = 3;

    /** Distance from the median, in robust spreads, beyond which a replicate is wild. */
    public static final double WILD = 6;

    /** The scale that makes the MAD estimate the standard deviation of normal data. */
    private static final double MAD_SCALE = 1.482602218505602;

    /** The spread of {@code values} (NaN entries are failed replicates, skipped) at 95%. */
    public static Spread of(double[] values) {
        return of(values, 0.95);
    }

    /** The spread of {@code values} (NaN entries skipped), percentiles at {@code level}. */
    public static Spread of(double[] values, double level) {
        double[] xs = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (xs.length < 2) {
            return new Spread(xs.length, Double.NaN, Double.NaN, xs.length == 1 ? xs[0] : Double.NaN, Double.NaN,
                    Double.NaN, new int[0]);
        }
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (xs.length - 1));
        double median = quantile(xs, 0.5);
        double[] dev = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            dev[i] = Math.abs(xs[i] - median);
        }
        Arrays.sort(dev);
        double robust = MAD_SCALE * quantile(dev, 0.5);
        if (!(robust > 0)) {
            robust = (quantile(xs, 0.975) - quantile(xs, 0.025)) / 3.919927969080108;
        }
        double lo = quantile(xs, (1 - level) / 2);
        double hi = quantile(xs, 1 - (1 - level) / 2);
        return new Spread(xs.length, sd, robust, median, lo, hi, wild(values, median, robust));
    }

    private static int[] wild(double[] values, double median, double robust) {
        if (!(robust > 0)) {
            return new int[0];
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && Math.abs(values[i] - median) > WILD * robust) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(values[i] - median)).thenComparing(i -> i));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The standard deviation over the robust spread (NaN when either is unknown, infinite when only the robust one is 0). */
    public double ratio() {
        if (!(robust > 0)) {
            return sd > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return sd / robust;
    }

    /**
     * True when the SD exceeds {@link #FACTOR} times the robust spread. A robust spread of 0 (at
     * least 97.5% of the replicates equal) does not count: there is no bulk to compare with.
     */
    public boolean disagrees() {
        return robust > 0 && sd > FACTOR * robust;
    }

    /**
     * The wildest few replicates with their values, numbered from 1 as the report counts
     * replicates: {@code #17 = 3.2e9, #503 = -1.1e8, ...}; empty when none is wild.
     */
    public String describeWild(double[] values) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(5, wild.length);
        for (int k = 0; k < shown; k++) {
            b.append(k == 0 ? "" : ", ").append('#').append(wild[k] + 1).append(" = ").append(Fmt.num(values[wild[k]], 4));
        }
        return b.append(wild.length > shown ? ", ..." : "").toString();
    }

    /** The 1-based numbers of the wild replicates. */
    public int[] wildNumbers() {
        return Arrays.stream(wild).map(i -> i + 1).toArray();
    }

    /** Linear-interpolation quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
