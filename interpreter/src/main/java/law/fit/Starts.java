package law.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Default and random start points. The typical value of a parameter is the middle of an interval,
 * one unit inside a half-bounded domain, and 0.5 when unbounded. {@code random(n)} draws, per
 * parameter: uniformly over an interval; {@code bound +- 10^U(-3, 3)} for a half-bounded domain;
 * {@code U(-3, 3)} when unbounded; from {@code seed}, the same on every machine.
 */
final class Starts {
    private Starts() {
    }

    static double[] typical(Transform[] t) {
        double[] p = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            boolean lo = t[j].lo() != Double.NEGATIVE_INFINITY;
            boolean hi = t[j].hi() != Double.POSITIVE_INFINITY;
            p[j] = lo && hi ? 0.5 * (t[j].lo() + t[j].hi()) : lo ? t[j].lo() + 1 : hi ? t[j].hi() - 1 : 0.5;
        }
        return p;
    }

    static List<double[]> random(int n, Transform[] t, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            double[] p = new double[t.length];
            for (int j = 0; j < t.length; j++) {
                boolean lo = t[j].lo() != Double.NEGATIVE_INFINITY;
                boolean hi = t[j].hi() != Double.POSITIVE_INFINITY;
                double x = rng.nextDouble();
                if (lo && hi) {
                    p[j] = t[j].lo() + (t[j].hi() - t[j].lo()) * (0.001 + 0.998 * x);
                } else if (lo) {
                    p[j] = t[j].lo() + Math.pow(10, -3 + 6 * x);
                } else if (hi) {
                    p[j] = t[j].hi() - Math.pow(10, -3 + 6 * x);
                } else {
                    p[j] = -3 + 6 * x;
                }
            }
            out.add(p);
        }
        return out;
    }
}
