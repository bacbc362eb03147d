package law.isoflop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The two stages for one configuration: per budget a {@link Profile} and its minimum, then power
 * laws of N*, D* and L* against C through the usable minima, and optionally a bootstrap that
 * resamples the points within each budget and reruns both stages.
 */
final class Analysis {
    private Analysis() {
    }

    /** What to do: minima weighted by 1/se^2 in stage two or not; keep edge minima or drop them. */
    record Settings(boolean weighted, boolean keepEdges, int bootstrap, long seed) {
    }

    /**
     * The points of one budget.
     *
     * @param c     the budget
     * @param lnN   ln N of each point
     * @param loss  the loss of each point
     * @param lnD   ln D of each point, or null to take D* = C / (6 N*)
     */
    record Points(double c, double[] lnN, double[] loss, double[] lnD) {
    }

    /** Why a budget is not used in stage two, or {@code ok}. */
    enum Status {
        OK("ok"), EDGE("edge"), FEW("too few"), NO_MINIMUM("no minimum");

        final String word;

        Status(String word) {
            this.word = word;
        }
    }

    /** One budget's minimum. */
    record Budget(double c, int points, double nStar, double lnNse, double dStar, double lStar, double lStarSe,
                  boolean edge, Status status) {
        boolean used(boolean keepEdges) {
            return status == Status.OK || status == Status.EDGE && keepEdges;
        }
    }

    /** Both stages for one configuration; {@code boot} is {@code [replicate][a, b, c]}, or null. */
    record Result(List<Budget> budgets, PowerLaw n, PowerLaw d, PowerLaw l, double[][] boot) {
    }

    static Result run(List<Points> budgets, Settings s, int threads) {
        List<Budget> out = new ArrayList<>();
        for (Points p : budgets) {
            out.add(budget(p, ones(p.lnN().length)));
        }
        PowerLaw[] laws = stageTwo(out, s);
        double[][] boot = null;
        if (s.bootstrap() > 0) {
            boot = law.fit.Engine.parallel(s.bootstrap(), threads, b -> replicate(budgets, out, s, b))
                    .toArray(new double[0][]);
        }
        return new Result(out, laws[0], laws[1], laws[2], boot);
    }

    private static double[] replicate(List<Points> budgets, List<Budget> main, Settings s, int b) {
        SplittableRandom rng = law.fit.Seeds.replicate(s.seed(), b);
        List<Budget> rep = new ArrayList<>();
        for (int k = 0; k < budgets.size(); k++) {
            Points p = budgets.get(k);
            int n = p.lnN().length;
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[rng.nextInt(n)] += 1;
            }
            if (!main.get(k).used(s.keepEdges())) {
                continue;
            }
            Budget bb = budget(p, w);
            if (bb.status() == Status.OK || bb.status() == Status.EDGE) {
                rep.add(new Budget(bb.c(), bb.points(), bb.nStar(), bb.lnNse(), bb.dStar(), bb.lStar(), bb.lStarSe(),
                        false, Status.OK));
            }
        }
        PowerLaw[] laws = stageTwo(rep, new Settings(s.weighted(), true, 0, 0));
        return new double[]{laws[0].e(), laws[1].e(), laws[2].e()};
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    /** The minimum of one budget's profile with multiplicities {@code w}. */
    static Budget budget(Points p, double[] w) {
        int n = 0;
        int lo = -1;
        int hi = -1;
        int best = -1;
        for (int i = 0; i < w.length; i++) {
            if (w[i] <= 0) {
                continue;
            }
            n += (int) w[i];
            if (lo < 0 || p.lnN()[i] < p.lnN()[lo]) {
                lo = i;
            }
            if (hi < 0 || p.lnN()[i] > p.lnN()[hi]) {
                hi = i;
            }
            if (best < 0 || p.loss()[i] < p.loss()[best]) {
                best = i;
            }
        }
        Profile pr = Profile.fit(p.lnN(), p.loss(), w);
        if (pr == null) {
            return new Budget(p.c(), n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, Status.FEW);
        }
        if (!Double.isFinite(pr.lnN())) {
            return new Budget(p.c(), n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false,
                    Status.NO_MINIMUM);
        }
        boolean edge = p.lnN()[best] == p.lnN()[lo] || p.lnN()[best] == p.lnN()[hi]
                || pr.lnN() < p.lnN()[lo] || pr.lnN() > p.lnN()[hi];
        double nStar = Math.exp(pr.lnN());
        double dStar = p.lnD() == null ? p.c() / (6 * nStar) : Math.exp(tokensAt(p, w, pr.lnN()));
        return new Budget(p.c(), n, nStar, pr.lnNse(), dStar, pr.loss(), pr.lossSe(), edge,
                edge ? Status.EDGE : Status.OK);
    }

    /** ln D at ln N = x, from the straight line of ln D on ln N through the budget's points. */
    private static double tokensAt(Points p, double[] w, double x) {
        double[] ln = p.lnN();
        PowerLaw line = PowerLaw.fit(ln, p.lnD(), w);
        return Math.log(line.k()) + line.e() * x;
    }

    private static PowerLaw[] stageTwo(List<Budget> budgets, Settings s) {
        List<Budget> used = budgets.stream().filter(b -> b.used(s.keepEdges())).toList();
        int m = used.size();
        double[] lnC = new double[m];
        double[] lnN = new double[m];
        double[] lnD = new double[m];
        double[] lnL = new double[m];
        double[] wn = new double[m];
        double[] wl = new double[m];
        for (int i = 0; i < m; i++) {
            Budget b = used.get(i);
            lnC[i] = Math.log(b.c());
            lnN[i] = Math.log(b.nStar());
            lnD[i] = Math.log(b.dStar());
            lnL[i] = Math.log(b.lStar());
            double sl = b.lStarSe() / b.lStar();
            wn[i] = s.weighted() ? 1 / (b.lnNse() * b.lnNse()) : 1;
            wl[i] = s.weighted() ? 1 / (sl * sl) : 1;
            if (!Double.isFinite(wn[i])) {
                wn[i] = 0;
            }
            if (!Double.isFinite(wl[i])) {
                wl[i] = 0;
            }
        }
        return new PowerLaw[]{PowerLaw.fit(lnC, lnN, wn), PowerLaw.fit(lnC, lnD, wn), PowerLaw.fit(lnC, lnL, wl)};
    }
}
