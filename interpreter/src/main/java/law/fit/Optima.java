package law.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The distinct optima a multi-start fit found, best first: the converged starts grouped by where
 * they ended (the objective within 1e-8 relative and every parameter within 1e-4 relative of the
 * group's first), so a report can list every local optimum with its parameters, not only the gaps
 * between objectives (the datablations refit has four, within 0.13% of each other).
 *
 * @param optima      the distinct optima, best first
 * @param unconverged the starts that stopped elsewhere (stalled, at the iteration limit, not finite)
 */
public record Optima(List<Optimum> optima, int unconverged) {
    /**
     * One optimum.
     *
     * @param objective the objective there
     * @param p         the parameter values (of the first start that reached it)
     * @param starts    how many starts reached it
     * @param first     the index of the first start that reached it
     */
    public record Optimum(double objective, double[] p, int starts, int first) {
    }

    static final double OBJECTIVE_TOLERANCE = 1e-8;
    static final double PARAMETER_TOLERANCE = 1e-4;

    /** Groups the converged runs (in start order, so the result does not depend on threads). */
    static Optima of(List<Run> runs) {
        List<Run> converged = new ArrayList<>();
        for (Run r : runs) {
            if (r.stop().converged() && Double.isFinite(r.objective())) {
                converged.add(r);
            }
        }
        converged.sort(Comparator.comparingDouble(Run::objective).thenComparingInt(Run::start));
        List<Optimum> out = new ArrayList<>();
        for (Run r : converged) {
            int k = find(out, r);
            if (k < 0) {
                out.add(new Optimum(r.objective(), r.p().clone(), 1, r.start()));
            } else {
                Optimum o = out.get(k);
                out.set(k, new Optimum(o.objective(), o.p(), o.starts() + 1, Math.min(o.first(), r.start())));
            }
        }
        return new Optima(List.copyOf(out), runs.size() - converged.size());
    }

    private static int find(List<Optimum> found, Run r) {
        for (int k = found.size() - 1; k >= 0; k--) {
            Optimum o = found.get(k);
            double scale = Math.max(Math.abs(o.objective()), Double.MIN_NORMAL);
            if (r.objective() - o.objective() > OBJECTIVE_TOLERANCE * scale) {
                return -1;
            }
            if (sameParameters(o.p(), r.p())) {
                return k;
            }
        }
        return -1;
    }

    private static boolean sameParameters(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            double scale = Math.max(Math.max(Math.abs(a[j]), Math.abs(b[j])), 1e-12);
            if (Math.abs(a[j] - b[j]) > PARAMETER_TOLERANCE * scale) {
                return false;
            }
        }
        return true;
    }
}
