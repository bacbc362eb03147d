package law.isoflop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two stages for one configuration: per budget its minimum ({@link Minimum}: a parabola or an
 * Akima spline), then power laws of N*, D* and L* against C through the usable minima, and
 * optionally a bootstrap ({@link Replicates}) that redraws every budget and reruns both stages.
 */
final class Analysis {
    private Analysis() {
    }

    /**
     * The points of one budget.
     *
     * @param c      the budget
     * @param lnN    ln N of each point
     * @param loss   the loss of each point
     * @param lnD    ln D of each point, or null to take D* = C / (6 N*)
     * @param sigma  the seed noise (sd of the loss) of each point, or null
     */
    record Points(double c, double[] lnN, double[] loss, double[] lnD, double[] sigma) {
        Points(double c, double[] lnN, double[] loss, double[] lnD) {
            this(c, lnN, loss, lnD, null);
        }
    }

    /** Both stages for one configuration; {@code boot} is {@code [replicate][a, b, c]}, or null. */
    record Result(List<Budget> budgets, PowerLaw n, PowerLaw d, PowerLaw l, double[][] boot) {
    }

    static Result run(List<Points> budgets, Settings s, int threads) {
        return run(budgets, s, threads, law.eval.Progress.NONE);
    }

    /** Both stages, the bootstrap's replicates counted on {@code progress}. */
    static Result run(List<Points> budgets, Settings s, int threads, law.eval.Progress progress) {
        List<Budget> out = new ArrayList<>();
        for (Points p : budgets) {
            out.add(Minimum.of(p, ones(p.lnN().length), p.loss(), s.profile()));
        }
        double[][] boot = null;
        if (s.bootstrap() > 0) {
            double[][][] reps;
            try (law.eval.Progress.Task task = progress.start("isoflop: bootstrap", s.bootstrap())) {
                reps = Replicates.run(budgets, s, threads, task);
            }
            if (s.noise() || s.weights() == Settings.Weights.BOOTSTRAP) {
                for (int k = 0; k < out.size(); k++) {
                    out.set(k, Replicates.summarise(out.get(k), budgets.get(k), reps, k, s));
                }
            }
            boot = new double[reps.length][];
            for (int b = 0; b < reps.length; b++) {
                boot[b] = replicate(out, reps[b], s);
            }
        }
        PowerLaw[] laws = stageTwo(out, s.keepEdges(), s.weights() != Settings.Weights.NONE);
        return new Result(out, laws[0], laws[1], laws[2], boot);
    }

    /**
     * Stage two of one replicate over the budgets the main analysis used and the replicate has:
     * bootstrap weights stay those of the main analysis (as Porian et al.), se weights come from
     * the replicate's own parabolas.
     */
    private static double[] replicate(List<Budget> main, double[][] rep, Settings s) {
        List<Budget> use = new ArrayList<>();
        for (int k = 0; k < main.size(); k++) {
            Budget m = main.get(k);
            if (rep[k] == null || !m.used(s.keepEdges())) {
                continue;
            }
            double[] x = rep[k];
            if (s.weights() == Settings.Weights.SE) {
                use.add(m.with(x[0], x[3], x[1], x[4], x[2], x[5], Budget.Status.OK));
            } else {
                use.add(m.with(x[0], m.lnNse(), x[1], m.lnDse(), x[2], m.lStarSe() / m.lStar(), Budget.Status.OK));
            }
        }
        PowerLaw[] laws = stageTwo(use, true, s.weights() != Settings.Weights.NONE);
        return new double[]{laws[0].e(), laws[1].e(), laws[2].e()};
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    /** Straight lines of ln N*, ln D*, ln L* on ln C, weighted by 1/se^2 of each when asked. */
    private static PowerLaw[] stageTwo(List<Budget> budgets, boolean keepEdges, boolean weighted) {
        List<Budget> used = budgets.stream().filter(b -> b.used(keepEdges)).toList();
        int m = used.size();
        double[] lnC = new double[m];
        double[][] ln = new double[3][m];
        double[][] w = new double[3][m];
        for (int i = 0; i < m; i++) {
            Budget b = used.get(i);
            lnC[i] = Math.log(b.c());
            ln[0][i] = Math.log(b.nStar());
            ln[1][i] = Math.log(b.dStar());
            ln[2][i] = Math.log(b.lStar());
            double[] se = {b.lnNse(), b.lnDse(), b.lStarSe() / b.lStar()};
            for (int j = 0; j < 3; j++) {
                w[j][i] = weighted ? 1 / (se[j] * se[j]) : 1;
                if (!Double.isFinite(w[j][i])) {
                    w[j][i] = 0;
                }
            }
        }
        return new PowerLaw[]{PowerLaw.fit(lnC, ln[0], w[0]), PowerLaw.fit(lnC, ln[1], w[1]),
            PowerLaw.fit(lnC, ln[2], w[2])};
    }
}
