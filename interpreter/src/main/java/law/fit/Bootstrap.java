package law.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The nonparametric bootstrap: each replicate resamples the points with replacement (as integer
 * multiplicities on the weights, so the compiled data is shared) and refits. By default a
 * replicate is refitted from the point estimate; with {@code bootstrap_starts = all} it is
 * refitted from every start of the fit and from the estimate (through
 * {@link Engine#multiStart}), and the best of those is the replicate's optimum. Replicate
 * {@code b} draws from its own generator, seeded from {@code (seed, b)} by {@link Seeds}: results
 * are bit-identical for any number of threads.
 */
final class Bootstrap {
    private Bootstrap() {
    }

    /** Objectives within this relative distance are the same optimum (as for the fit's starts). */
    static final double SAME = 1e-8;

    /**
     * What the replicates gave.
     *
     * @param values     {@code [replicate][parameter]}; a replicate whose refit failed holds NaN
     * @param failed     per replicate: no start gave a finite objective
     * @param atBound    per replicate: some estimate sits on a bound of its domain
     * @param limit      per replicate: its best run stopped at the iteration limit
     * @param otherBasin per replicate (restarts only): its best optimum is not the one a refit from
     *                   the point estimate reaches (lower by more than {@link #SAME} relative)
     * @param starts     the starts each replicate ran besides the estimate (0: from the estimate only)
     */
    record Replicates(double[][] values, boolean[] failed, boolean[] atBound, boolean[] limit, boolean[] otherBasin,
                      int starts) {

        /** How many replicates have the flag. */
        static int count(boolean[] flags) {
            int c = 0;
            for (boolean f : flags) {
                c += f ? 1 : 0;
            }
            return c;
        }

        /** The 1-based numbers of the replicates with the flag. */
        static List<Integer> numbers(boolean[] flags) {
            List<Integer> out = new ArrayList<>();
            for (int b = 0; b < flags.length; b++) {
                if (flags[b]) {
                    out.add(b + 1);
                }
            }
            return out;
        }

        /** The values of parameter {@code j} over the replicates (NaN where failed). */
        double[] column(int j) {
            return Arrays.stream(values).mapToDouble(r -> r[j]).toArray();
        }
    }

    /**
     * Runs {@code count} replicates. {@code starts} null: each from the estimate {@code best};
     * otherwise from every start and the estimate, the starts run in parallel within a replicate.
     */
    static Replicates run(Problem pr, Method method, double[] best, double[] w, Settings st, int count, long seed,
                          List<double[]> starts, int threads, law.eval.Progress.Task progress) {
        return run(pr, null, method, best, w, st, count, seed, starts, threads, progress);
    }

    /**
     * {@link #run(Problem, Method, double[], double[], Settings, int, long, List, int, law.eval.Progress.Task)}
     * for a fit that maximises {@code lik} (null: minimises the problem's loss): each replicate
     * refits the law and sigma ({@link LikelihoodFit}); the replicates keep the law's parameters.
     */
    static Replicates run(Problem pr, Likelihood lik, Method method, double[] best, double[] w, Settings st, int count,
                          long seed, List<double[]> starts, int threads, law.eval.Progress.Task progress) {
        int[] kept = kept(w);
        Replicate[] reps;
        if (starts == null) {
            reps = Engine.parallel(count, threads, () -> new Worker(pr), (worker, b) -> {
                double[] wb = resample(pr, w, kept, seed, b);
                Run r = lik == null ? worker.run(method, b, best, wb, st)
                        : LikelihoodFit.lawPart(LikelihoodFit.run(pr, lik, method, b, best, wb, st), pr.m);
                return new Replicate(r, false);
            }, progress).toArray(new Replicate[0]);
        } else {
            List<double[]> all = new ArrayList<>(starts);
            all.add(best);
            reps = new Replicate[count];
            for (int b = 0; b < count; b++) {
                double[] wb = resample(pr, w, kept, seed, b);
                reps[b] = bestOf(lik == null ? Engine.multiStart(pr, method, all, wb, st, threads, progress)
                        : LikelihoodFit.multiStart(pr, lik, method, all, wb, st, threads, progress).stream()
                        .map(r -> LikelihoodFit.lawPart(r, pr.m)).toList());
            }
        }
        return collect(pr, reps, starts == null ? 0 : starts.size());
    }

    /** One replicate's optimum, and whether the refit from the estimate missed it. */
    private record Replicate(Run run, boolean otherBasin) {
    }

    /** The best run (ties to the earliest start); the last run is the one from the estimate. */
    private static Replicate bestOf(List<Run> runs) {
        Run top = null;
        for (Run r : runs) {
            if (Double.isFinite(r.objective()) && (top == null || r.objective() < top.objective())) {
                top = r;
            }
        }
        if (top == null) {
            return new Replicate(runs.get(runs.size() - 1), false);
        }
        Run local = runs.get(runs.size() - 1);
        boolean other = !(local.objective() - top.objective() <= SAME * Math.max(Math.abs(top.objective()), 1e-300));
        return new Replicate(top, other);
    }

    private static Replicates collect(Problem pr, Replicate[] reps, int starts) {
        int count = reps.length;
        double[][] values = new double[count][];
        boolean[] failed = new boolean[count];
        boolean[] atBound = new boolean[count];
        boolean[] limit = new boolean[count];
        boolean[] other = new boolean[count];
        for (int b = 0; b < count; b++) {
            Run r = reps[b].run();
            if (!Double.isFinite(r.objective())) {
                failed[b] = true;
                values[b] = new double[pr.m];
                Arrays.fill(values[b], Double.NaN);
                continue;
            }
            values[b] = r.p();
            for (int j = 0; j < pr.m; j++) {
                atBound[b] |= pr.transforms[j].atBound(r.p()[j]);
            }
            limit[b] = r.stop() == Stop.ITERATION_LIMIT;
            other[b] = reps[b].otherBasin();
        }
        return new Replicates(values, failed, atBound, limit, other, starts);
    }

    private static int[] kept(double[] w) {
        int[] kept = new int[w.length];
        int used = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                kept[used++] = i;
            }
        }
        return Arrays.copyOf(kept, used);
    }

    /** Replicate {@code b}'s weights: the kept points drawn with replacement, as multiplicities. */
    private static double[] resample(Problem pr, double[] w, int[] kept, long seed, int b) {
        SplittableRandom rng = Seeds.replicate(seed, b);
        double[] wb = new double[pr.n];
        int n = kept.length;
        for (int k = 0; k < n; k++) {
            int i = kept[rng.nextInt(n)];
            wb[i] += w[i];
        }
        return wb;
    }

    /** The spread of each parameter over the replicates. */
    static Spread[] summary(double[][] reps, int m) {
        Spread[] out = new Spread[m];
        for (int j = 0; j < m; j++) {
            final int jj = j;
            out[j] = Spread.of(Arrays.stream(reps).mapToDouble(r -> r[jj]).toArray());
        }
        return out;
    }
}
