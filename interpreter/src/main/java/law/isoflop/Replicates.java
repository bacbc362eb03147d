package law.isoflop;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import law.fit.Engine;
import law.fit.Seeds;

/**
 * The bootstrap of both stages: replicate b redraws every budget, from the generator of
 * {@code (seed, b)}, either by resampling its points with replacement or (seed noise, Porian et
 * al. 2024) by adding {@code sigma_i z_i}, z standard normal, to each loss, and finds the budget's
 * minimum again. {@code [b][k]} holds {@code ln N*, ln D*, ln L*} of budget k in replicate b, or
 * null where that replicate has no usable minimum.
 */
final class Replicates {
    private Replicates() {
    }

    static double[][][] run(List<Analysis.Points> budgets, Settings s, int threads, law.eval.Progress.Task progress) {
        return Engine.parallel(s.bootstrap(), threads, b -> replicate(budgets, s, b), progress)
                .toArray(new double[0][][]);
    }

    private static double[][] replicate(List<Analysis.Points> budgets, Settings s, int b) {
        SplittableRandom rng = Seeds.replicate(s.seed(), b);
        double[][] out = new double[budgets.size()][];
        for (int k = 0; k < budgets.size(); k++) {
            Analysis.Points p = budgets.get(k);
            int n = p.lnN().length;
            double[] w = new double[n];
            double[] loss = p.loss();
            if (s.noise()) {
                Arrays.fill(w, 1);
                loss = new double[n];
                for (int i = 0; i < n; i++) {
                    loss[i] = p.loss()[i] + p.sigma()[i] * rng.nextGaussian();
                }
            } else {
                for (int i = 0; i < n; i++) {
                    w[rng.nextInt(n)] += 1;
                }
            }
            out[k] = usable(p, w, loss, s);
        }
        return out;
    }

    /**
     * ln N*, ln D*, ln L* (and their standard errors) of one redrawn budget, or null: without a minimum, or (Akima) with its
     * minimum at an end of the grid. A parabola's vertex at an edge still counts, as before.
     */
    private static double[] usable(Analysis.Points p, double[] w, double[] loss, Settings s) {
        for (int i = 0; i < loss.length; i++) {
            if (w[i] > 0 && !(loss[i] > 0)) {
                return null;
            }
        }
        Budget bb = Minimum.of(p, w, loss, s.profile());
        boolean ok = bb.status() == Budget.Status.OK
                || bb.status() == Budget.Status.EDGE && s.profile() == Settings.Profile.PARABOLA;
        return ok ? new double[]{Math.log(bb.nStar()), Math.log(bb.dStar()), Math.log(bb.lStar()), bb.lnNse(),
            bb.lnDse(), bb.lStarSe() / bb.lStar()} : null;
    }

    /**
     * The budgets after the replicates: the standard errors become the replicates' standard
     * deviations of ln N*, ln D*, ln L*, and with seed noise the minimum becomes the replicates'
     * median, as Porian et al. take it; a budget usable in fewer than half of the noise replicates
     * is {@link Budget.Status#UNSTABLE}. As in their code the sd is population (1/n), floored for
     * Akima at a third of the mean spacing between sampled sizes (8.25 grid steps), and inflated
     * by replicates / usable replicates.
     */
    static Budget summarise(Budget main, Analysis.Points p, double[][][] reps, int k, Settings s) {
        int count = reps.length;
        double[][] xs = new double[3][count];
        int m = 0;
        for (double[][] rep : reps) {
            if (rep[k] != null) {
                for (int j = 0; j < 3; j++) {
                    xs[j][m] = rep[k][j];
                }
                m++;
            }
        }
        if (m < 2) {
            return s.noise() && main.status() == Budget.Status.OK ? unstable(main) : main;
        }
        double floor = 0;
        if (s.profile() == Settings.Profile.AKIMA) {
            double[][] nl = Minimum.distinct(p.lnN(), p.loss(), ones(p.lnN().length));
            int grid = (nl[0].length - 1) * Akima.PER_INTERVAL;
            floor = 0.33 * Akima.PER_INTERVAL * (nl[0][nl[0].length - 1] - nl[0][0]) / (grid - 1);
        }
        double inflate = (double) count / m;
        double[] sd = new double[3];
        double[] mid = new double[3];
        for (int j = 0; j < 3; j++) {
            double[] v = Arrays.copyOf(xs[j], m);
            sd[j] = Math.max(sd(v), j < 2 ? floor : 0) * inflate;
            mid[j] = median(v);
        }
        Budget.Status status = main.status();
        if (s.noise() && status == Budget.Status.OK && 2 * m < count) {
            status = Budget.Status.UNSTABLE;
        }
        if (!s.noise()) {
            return main.with(Math.log(main.nStar()), sd[0], Math.log(main.dStar()), sd[1], Math.log(main.lStar()),
                    sd[2], status);
        }
        return main.with(mid[0], sd[0], mid[1], sd[1], mid[2], sd[2], status);
    }

    private static Budget unstable(Budget b) {
        return new Budget(b.c(), b.points(), b.nStar(), Double.NaN, b.dStar(), Double.NaN, b.lStar(), Double.NaN,
                b.edge(), Budget.Status.UNSTABLE);
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    private static double sd(double[] v) {
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / v.length);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
