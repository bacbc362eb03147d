package law.fit;

/**
 * Screening of a start grid ({@code screen = grid_minima}): a local search runs only from the
 * starts that are local minima of the objective on the grid, the others are screened. This is
 * the first step of multi-level single linkage (Rinnooy Kan and Timmer 1987) with the grid's own
 * neighbourhood: a start whose neighbour has a lower objective would, in all likelihood, descend
 * into a basin that the neighbour's search reaches too.
 *
 * <p>The rule, deterministic and independent of the number of threads: every start is ranked by
 * its objective (not finite ranks last; ties by start index, or under variable projection by the
 * index of the run the start shares). A start is screened when one of its neighbours on the grid
 * (the starts one step away along one axis) ranks lower. Starts beyond the grid (a bootstrap
 * appends the estimate) are always searched. The lowest-ranked start is never screened, so the
 * search from the best start of the grid always runs.
 *
 * @param sizes the number of values on each axis of the grid, the last axis varying fastest (the
 *              order {@code grid(...)} lists the starts in)
 */
public record Screen(int[] sizes) {
    public Screen {
        sizes = sizes.clone();
    }

    /** The number of values on each axis (a copy). */
    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** The number of starts on the grid. */
    int count() {
        int c = 1;
        for (int s : sizes) {
            c *= s;
        }
        return c;
    }

    /**
     * Which starts are searched.
     *
     * @param value each start's objective
     * @param rep   each start's run ({@link Engine#representatives}): the tie-breaking index
     * @return per start, whether a search runs from it
     */
    boolean[] searched(double[] value, int[] rep) {
        int n = value.length;
        boolean[] out = new boolean[n];
        int grid = count();
        for (int i = 0; i < n; i++) {
            out[i] = i >= grid || !lowerNeighbour(i, value, rep);
        }
        return out;
    }

    /** Whether a neighbour of start {@code i} on the grid ranks below it. */
    private boolean lowerNeighbour(int i, double[] value, int[] rep) {
        int stride = 1;
        for (int a = sizes.length - 1; a >= 0; a--) {
            int at = (i / stride) % sizes[a];
            if (at > 0 && below(i - stride, i, value, rep)) {
                return true;
            }
            if (at + 1 < sizes[a] && below(i + stride, i, value, rep)) {
                return true;
            }
            stride *= sizes[a];
        }
        return false;
    }

    /** Whether start {@code j} ranks below start {@code i}: a lower objective, or the same and an earlier run. */
    private static boolean below(int j, int i, double[] value, int[] rep) {
        double vj = rank(value[j]);
        double vi = rank(value[i]);
        return vj < vi || vj == vi && rep[j] < rep[i];
    }

    /** The objective as ranked: not finite is the highest. */
    private static double rank(double v) {
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }
}
