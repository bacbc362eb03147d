package law.fit;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The nonparametric bootstrap: each replicate resamples the points with replacement (as integer
 * multiplicities on the weights, so the compiled data is shared) and refits from the optimum.
 * Replicate {@code b} draws from its own generator, seeded from {@code (seed, b)} by {@link Seeds}, and replicates
 * run in parallel: results are bit-identical for any number of threads.
 */
final class Bootstrap {
    private Bootstrap() {
    }

    /** {@code [replicate][parameter]}; a replicate whose refit failed holds NaN. */
    static double[][] run(Problem pr, Method method, double[] best, double[] w, Settings st, int count, long seed,
                          int threads, law.eval.Progress.Task progress) {
        int[] kept = new int[pr.n];
        int used = 0;
        for (int i = 0; i < pr.n; i++) {
            if (w[i] > 0) {
                kept[used++] = i;
            }
        }
        int n = used;
        List<double[]> reps = Engine.parallel(count, threads, b -> {
            SplittableRandom rng = Seeds.replicate(seed, b);
            double[] wb = new double[pr.n];
            for (int k = 0; k < n; k++) {
                int i = kept[rng.nextInt(n)];
                wb[i] += w[i];
            }
            Run r = Engine.run(pr, method, b, best, wb, st);
            if (!Double.isFinite(r.objective())) {
                double[] nan = new double[pr.m];
                Arrays.fill(nan, Double.NaN);
                return nan;
            }
            return r.p();
        }, progress);
        return reps.toArray(new double[0][]);
    }

    /** The standard deviation and 2.5%/97.5% percentiles of each parameter over the replicates. */
    static double[][] summary(double[][] reps, int m) {
        double[][] out = new double[m][3];
        for (int j = 0; j < m; j++) {
            final int jj = j;
            double[] xs = Arrays.stream(reps).mapToDouble(r -> r[jj]).filter(Double::isFinite).sorted().toArray();
            if (xs.length < 2) {
                out[j] = new double[]{Double.NaN, Double.NaN, Double.NaN};
                continue;
            }
            double mean = Arrays.stream(xs).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : xs) {
                ss += (x - mean) * (x - mean);
            }
            out[j][0] = Math.sqrt(ss / (xs.length - 1));
            out[j][1] = percentile(xs, 0.025);
            out[j][2] = percentile(xs, 0.975);
        }
        return out;
    }

    private static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
