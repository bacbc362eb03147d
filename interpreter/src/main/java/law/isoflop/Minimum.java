package law.isoflop;

import java.util.Arrays;

/**
 * One budget's minimum from one sample of its points: the points with multiplicities {@code w}
 * (a point-resampling replicate) and losses {@code loss} (a seed-noise replicate perturbs them).
 */
final class Minimum {
    private Minimum() {
    }

    static Budget of(Analysis.Points p, double[] w, double[] loss, Settings.Profile profile) {
        return profile == Settings.Profile.AKIMA ? akima(p, w, loss) : parabola(p, w, loss);
    }

    /** The parabola's vertex; an edge when the lowest point is an end point or the vertex lies outside. */
    private static Budget parabola(Analysis.Points p, double[] w, double[] loss) {
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
            if (best < 0 || loss[i] < loss[best]) {
                best = i;
            }
        }
        Profile pr = Profile.fit(p.lnN(), loss, w);
        if (pr == null) {
            return Budget.none(p.c(), n, Budget.Status.FEW);
        }
        if (!Double.isFinite(pr.lnN())) {
            return Budget.none(p.c(), n, Budget.Status.NO_MINIMUM);
        }
        boolean edge = p.lnN()[best] == p.lnN()[lo] || p.lnN()[best] == p.lnN()[hi]
                || pr.lnN() < p.lnN()[lo] || pr.lnN() > p.lnN()[hi];
        double nStar = Math.exp(pr.lnN());
        double dStar = p.lnD() == null ? p.c() / (6 * nStar) : Math.exp(tokensAt(p, w, pr.lnN()));
        return new Budget(p.c(), n, nStar, pr.lnNse(), dStar, pr.lnNse(), pr.loss(), pr.lossSe(), edge,
                edge ? Budget.Status.EDGE : Budget.Status.OK);
    }

    /** ln D at ln N = x, from the straight line of ln D on ln N through the budget's points. */
    private static double tokensAt(Analysis.Points p, double[] w, double x) {
        PowerLaw line = PowerLaw.fit(p.lnN(), p.lnD(), w);
        return Math.log(line.k()) + line.e() * x;
    }

    /**
     * The Akima spline's minimum over the distinct sizes carrying weight (the lowest loss of a size
     * sampled twice); an edge when it is the first or last grid point. With tokens, D* is the
     * minimum of the spline of ln L in ln D, as Porian et al. find it.
     */
    private static Budget akima(Analysis.Points p, double[] w, double[] loss) {
        int n = 0;
        for (double x : w) {
            n += x > 0 ? (int) x : 0;
        }
        double[][] nl = distinct(p.lnN(), loss, w);
        Akima a = Akima.minimum(nl[0], nl[1]);
        if (a == null) {
            return Budget.none(p.c(), n, Budget.Status.FEW);
        }
        double nStar = Math.exp(a.lnN());
        double dStar = p.c() / (6 * nStar);
        if (p.lnD() != null) {
            double[][] dl = distinct(p.lnD(), loss, w);
            Akima d = Akima.minimum(dl[0], dl[1]);
            dStar = d == null ? Double.NaN : Math.exp(d.lnN());
        }
        return new Budget(p.c(), n, nStar, Double.NaN, dStar, Double.NaN, Math.exp(a.lnLoss()), Double.NaN,
                a.edge(), a.edge() ? Budget.Status.EDGE : Budget.Status.OK);
    }

    /** {@code [x sorted ascending and distinct, ln of the lowest y at each]} over the points with weight. */
    static double[][] distinct(double[] x, double[] y, double[] w) {
        Integer[] order = new Integer[x.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> Double.compare(x[i], x[j]));
        double[] xs = new double[x.length];
        double[] ys = new double[x.length];
        int k = 0;
        for (int i : order) {
            if (w[i] <= 0) {
                continue;
            }
            if (k > 0 && xs[k - 1] == x[i]) {
                ys[k - 1] = Math.min(ys[k - 1], Math.log(y[i]));
            } else {
                xs[k] = x[i];
                ys[k++] = Math.log(y[i]);
            }
        }
        return new double[][]{Arrays.copyOf(xs, k), Arrays.copyOf(ys, k)};
    }
}
