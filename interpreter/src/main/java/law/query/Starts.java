package law.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Starting points for the search: a coarse grid over the free coordinates (finer with a single
 * free variable; a fixed-seed random sample of it when the grid is large), from which the three
 * lowest finite points are kept.
 */
final class Starts {
    private final Coords c;
    private final int[] free;

    /**
     * @param c    the coordinates and their bounds
     * @param free the variable behind each free coordinate
     */
    Starts(Coords c, int[] free) {
        this.c = c;
        this.free = free;
    }

    /** Up to three starting points, best first, scored by {@code objective} (which may give {@code null}). */
    List<double[]> pick(Function<double[], Point> objective, law.eval.Progress progress) {
        int d = free.length;
        double[][] axes = new double[d][];
        long size = 1;
        for (int k = 0; k < d; k++) {
            axes[k] = axis(free[k], d == 1);
            size *= axes[k].length;
        }
        List<double[]> candidates = new ArrayList<>();
        if (size <= 4000) {
            int[] idx = new int[d];
            for (long cell = 0; cell < size; cell++) {
                double[] t = new double[d];
                long rest = cell;
                for (int k = 0; k < d; k++) {
                    idx[k] = (int) (rest % axes[k].length);
                    rest /= axes[k].length;
                    t[k] = axes[k][idx[k]];
                }
                candidates.add(t);
            }
        } else {
            Random r = new Random(42);
            for (int draw = 0; draw < 3000; draw++) {
                double[] t = new double[d];
                for (int k = 0; k < d; k++) {
                    t[k] = axes[k][r.nextInt(axes[k].length)];
                }
                candidates.add(t);
            }
        }
        List<Point> scored = new ArrayList<>();
        try (law.eval.Progress.Task task = progress.start("scoring starting points", candidates.size())) {
            for (double[] t : candidates) {
                law.eval.Cancelled.check();
                Point pt = objective.apply(t);
                if (pt != null && Double.isFinite(pt.f())) {
                    scored.add(pt);
                }
                task.step();
            }
        }
        scored.sort((a, b) -> Double.compare(a.f(), b.f()));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(3, scored.size()); i++) {
            out.add(scored.get(i).t());
        }
        return out;
    }

    /** Candidate coordinates for variable {@code j}: spread over its bounds, or over decades. */
    private double[] axis(int j, boolean fine) {
        List<Double> out = new ArrayList<>();
        boolean userLo = c.lo[j] > c.floor(j);
        boolean userHi = c.hi[j] < c.ceiling(j);
        if (userLo && userHi) {
            int m = fine ? 25 : 7;
            for (int i = 0; i < m; i++) {
                out.add(c.lo[j] + (c.hi[j] - c.lo[j]) * (i + 0.5) / m);
            }
        } else if (c.log[j]) {
            double step = fine ? 1 : 3;
            for (double k = -6; k <= 30; k += step) {
                double t = k * Math.log(10);
                if (t > c.lo[j] && t < c.hi[j]) {
                    out.add(t);
                }
            }
            if (out.isEmpty()) {
                out.add(userLo ? c.lo[j] + 1 : c.hi[j] - 1);
            }
        } else {
            double[] mags = fine ? new double[] {1e-3, 1e-2, 0.1, 1, 10, 100, 1e3, 1e4, 1e6} : new double[] {1e-2, 1, 100, 1e4};
            out.add(Math.min(Math.max(0, c.lo[j]), c.hi[j]));
            for (double m : mags) {
                for (double s : new double[] {-m, m}) {
                    if (s > c.lo[j] && s < c.hi[j]) {
                        out.add(s);
                    }
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
