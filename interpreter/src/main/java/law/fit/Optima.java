package law.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The distinct local optima a multi-start fit's starts ended at, best first, so that a report can
 * list every basin with its parameters and objective, not only the gaps between objectives (the
 * datablations refit has four within 0.13% of each other, and the published one is the worst).
 *
 * <p>The rule: the end points of the starts whose objective is finite are taken in order of
 * objective (ties by start index, so the result does not depend on the number of threads). An end
 * point joins the first optimum found so far whose leader (its best end point) it matches, and
 * otherwise leads a new one. Two end points match when
 * <ul>
 * <li>their objectives agree to {@link #OBJECTIVE_TOLERANCE} relative to the larger of the two
 * (or both starts fitted the data exactly), and</li>
 * <li>every parameter agrees in the fit's own coordinates ({@link Transform}), to
 * {@link #PARAMETER_TOLERANCE}: a parameter bounded on one side is compared as the logarithm of its
 * distance to the bound (so 1e-3 is 0.1% of that distance), one in an interval relative to the
 * interval's width, an unbounded one relative to the larger magnitude (at least
 * {@link #UNBOUNDED_FLOOR}); two values both on the same bound agree; <em>or</em>, when some
 * parameter differs, no barrier separates the two: the objective at 1/4, 1/2 and 3/4 of the
 * straight segment between them in the fit's coordinates stays within the objective tolerance of
 * the higher end. So a flat valley (E running to its bound 0, or A and alpha running off to
 * infinity together, each start stopping somewhere along it) is one optimum, while two minima of
 * equal objective with a ridge between them (ties) stay two.</li>
 * </ul>
 * Starts that stalled or stopped at the iteration limit are clustered like the others (their end
 * point is where they stopped) and counted per optimum, so an optimum reached only by such starts
 * shows as such. Under variable projection starts that differ only in the linear parameters are
 * one optimizer run ({@link Engine#representatives}); every start counts in {@link Optimum#starts},
 * each run once in {@link Optimum#runs}.
 *
 * @param optima    the distinct optima, best first
 * @param starts    every start of the fit
 * @param runs      the optimizer runs (fewer than the starts under variable projection)
 * @param notFinite the starts whose objective was not finite (in no optimum), screened or not: no
 *                  search descends from them
 * @param screened  of the runs, those {@link Screen} screened: no search ran (their starts are in no
 *                  optimum); a run whose objective is not finite at its start is not finite, not screened
 * @param notFiniteRuns of the runs, those whose objective was not finite at the start
 * @param projected the linear parameters variable projection solved exactly (empty without it)
 */
public record Optima(List<Optimum> optima, int starts, int runs, int notFinite, int screened, int notFiniteRuns,
                     List<String> projected) {
    /** Objectives within this relative difference may be one optimum. */
    public static final double OBJECTIVE_TOLERANCE = 1e-8;
    /** Parameters within this difference in the fit's coordinates (see the class comment) are one optimum. */
    public static final double PARAMETER_TOLERANCE = 1e-3;
    /** The smallest magnitude an unbounded parameter is compared relative to. */
    public static final double UNBOUNDED_FLOOR = 1e-9;

    public Optima {
        optima = List.copyOf(optima);
        projected = List.copyOf(projected);
    }

    /** The runs a search descended from: neither screened nor not finite at the start. */
    public int searched() {
        return runs - screened - notFiniteRuns;
    }

    /**
     * One distinct optimum.
     *
     * @param objective      the objective at its best end point
     * @param p              the parameter values there
     * @param first          the index of the start that reached that best end point
     * @param starts         how many starts ended here (copies under variable projection included)
     * @param runs           how many optimizer runs ended here (each run once)
     * @param converged      of {@code starts}, how many converged (a stationary point)
     * @param stalled        of {@code starts}, how many stalled (no step decreased the objective)
     * @param iterationLimit of {@code starts}, how many stopped at the iteration limit
     * @param atBound        of {@code starts}, how many ended with a parameter on a bound of its domain
     * @param exact          whether the best end point fits the data exactly (its objective zero to rounding)
     */
    public record Optimum(double objective, double[] p, int first, int starts, int runs, int converged, int stalled,
                          int iterationLimit, int atBound, boolean exact) {
        public Optimum {
            p = p.clone();
        }

        /** The parameter values (a copy). */
        @Override
        public double[] p() {
            return p.clone();
        }

        /**
         * How far the objective lies above {@code best}'s, relative to the best's magnitude; NaN
         * above a best that fits the data exactly (its objective is zero to rounding, so the ratio,
         * 1e30 and such, would measure only the rounding), 0 for another exact fit.
         */
        public double relativeGap(Optimum best) {
            if (best.exact) {
                return exact ? 0 : Double.NaN;
            }
            return (objective - best.objective) / Math.max(Math.abs(best.objective), Double.MIN_NORMAL);
        }

        /** The starts' stops in words: {@code converged}, {@code 3 converged, 1 stalled}, {@code ... at bound}. */
        public String stops() {
            List<String> parts = new ArrayList<>();
            if (converged == starts && stalled + iterationLimit == 0) {
                parts.add("converged");
            } else {
                count(parts, converged, "converged");
                count(parts, stalled, "stalled");
                count(parts, iterationLimit, "at iteration limit");
                count(parts, starts - converged - stalled - iterationLimit, "other");
            }
            if (atBound > 0) {
                parts.add(atBound == starts ? "at bound" : atBound + " at bound");
            }
            return String.join(", ", parts);
        }

        private static void count(List<String> parts, int n, String what) {
            if (n > 0) {
                parts.add(n + " " + what);
            }
        }
    }

    /** The best optimum, or {@code null} when no start had a finite objective. */
    public Optimum best() {
        return optima.isEmpty() ? null : optima.get(0);
    }

    /** Whether no barrier of the objective separates the end points of two runs (see the class comment). */
    interface Path {
        boolean connected(Run a, Run b);
    }

    /** The optima of a multi-start fit: {@code runs} from {@link Engine#multiStart} on {@code starts}, weights {@code w}. */
    static Optima of(Problem pr, Method method, List<double[]> starts, List<Run> runs, double[] w) {
        List<String> projected = new ArrayList<>();
        if (Engine.projects(pr, method)) {
            for (int j : pr.separable.lin) {
                projected.add(pr.params.get(j));
            }
        }
        return of(runs, Engine.representatives(pr, method, starts), pr.transforms, projected, segment(pr, w));
    }

    /**
     * The optima of a likelihood fit, whose runs end with the scale sigma: clustered on the law's
     * {@code m} parameters, by the rule above without the barrier test (the segment would need the
     * likelihood, not the loss), so end points that differ stay apart.
     */
    static Optima ofLikelihood(List<Run> runs, int m, Transform[] transforms) {
        List<Run> law = runs.stream().map(r -> LikelihoodFit.lawPart(r, m)).toList();
        int[] own = java.util.stream.IntStream.range(0, runs.size()).toArray();
        return of(law, own, transforms, List.of(), (a, b) -> false);
    }

    /** The barrier test on {@code pr}'s objective: three points of the segment in the fit's coordinates. */
    static Path segment(Problem pr, double[] w) {
        Problem.Scratch s = pr.scratch();
        double[] u = new double[pr.m];
        double[] p = new double[pr.m];
        return (a, b) -> {
            double top = Math.max(a.objective(), b.objective());
            for (double t : new double[] {0.25, 0.5, 0.75}) {
                for (int j = 0; j < pr.m; j++) {
                    double ua = pr.transforms[j].inverse(a.p()[j]);
                    u[j] = ua + t * (pr.transforms[j].inverse(b.p()[j]) - ua);
                }
                pr.toP(u, p);
                if (!(pr.evaluate(p, w, s, null, null) <= top + OBJECTIVE_TOLERANCE * Math.abs(top))) {
                    return false;
                }
            }
            return true;
        };
    }

    /**
     * Clusters {@code runs} (one per start, in start order) into distinct optima.
     *
     * @param runs       the runs, {@code runs.get(i).start() == i}
     * @param rep        for each start, the start whose run it reused ({@link Engine#representatives})
     * @param transforms the fit's coordinates, one per parameter
     * @param projected  the parameters variable projection solved exactly
     * @param path       the barrier test between two end points
     */
    static Optima of(List<Run> runs, int[] rep, Transform[] transforms, List<String> projected, Path path) {
        List<Run> finite = new ArrayList<>();
        int screened = 0;
        int screenedStarts = 0;
        int notFiniteRuns = 0;
        for (Run r : runs) {
            if (r.stop() == Stop.SCREENED) {
                screenedStarts++;
                screened += rep[r.start()] == r.start() ? 1 : 0;
            } else if (Double.isFinite(r.objective())) {
                finite.add(r);
            } else {
                notFiniteRuns += rep[r.start()] == r.start() ? 1 : 0;
            }
        }
        finite.sort(Comparator.comparingDouble(Run::objective).thenComparingInt(Run::start));
        List<Builder> found = new ArrayList<>();
        for (Run r : finite) {
            Builder home = find(found, r, transforms, path);
            if (home == null) {
                home = new Builder(r);
                found.add(home);
            }
            home.add(r, rep[r.start()] == r.start(), atBound(r.p(), transforms));
        }
        int distinct = 0;
        for (int i = 0; i < rep.length; i++) {
            distinct += rep[i] == i ? 1 : 0;
        }
        return new Optima(found.stream().map(Builder::build).toList(), runs.size(), distinct,
                runs.size() - finite.size() - screenedStarts, screened, notFiniteRuns, projected);
    }

    /** The first optimum (best first) whose leader {@code r} matches; only leaders within the objective tolerance can. */
    private static Builder find(List<Builder> found, Run r, Transform[] t, Path path) {
        for (Builder b : found) {
            if (sameObjective(b.leader, r) && (sameParameters(b.leader.p(), r.p(), t) || path.connected(b.leader, r))) {
                return b;
            }
        }
        return null;
    }

    static boolean sameObjective(Run a, Run b) {
        if (a.stop() == Stop.EXACT && b.stop() == Stop.EXACT) {
            return true;
        }
        double scale = Math.max(Math.abs(a.objective()), Math.abs(b.objective()));
        return Math.abs(a.objective() - b.objective()) <= OBJECTIVE_TOLERANCE * scale;
    }

    static boolean sameParameters(double[] a, double[] b, Transform[] t) {
        for (int j = 0; j < a.length; j++) {
            if (!(distance(a[j], b[j], t[j]) <= PARAMETER_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    /** The difference of two values of one parameter on the scale described in the class comment. */
    static double distance(double a, double b, Transform t) {
        if (a == b || t.atBound(a) && t.atBound(b) && nearLower(a, t) == nearLower(b, t)) {
            return 0;
        }
        if (t.interval()) {
            return Math.abs(a - b) / (t.hi() - t.lo());
        }
        if (t.bounded()) { // the fit's coordinate: the log of the distance to the bound
            return Math.abs(t.inverse(a) - t.inverse(b));
        }
        return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), UNBOUNDED_FLOOR);
    }

    private static boolean nearLower(double p, Transform t) {
        return Math.abs(p - t.lo()) < Math.abs(p - t.hi());
    }

    private static boolean atBound(double[] p, Transform[] t) {
        for (int j = 0; j < p.length; j++) {
            if (t[j].atBound(p[j])) {
                return true;
            }
        }
        return false;
    }

    /** An optimum being collected. */
    private static final class Builder {
        final Run leader;
        int starts;
        int runs;
        int converged;
        int stalled;
        int limit;
        int atBound;

        Builder(Run leader) {
            this.leader = leader;
        }

        void add(Run r, boolean ran, boolean bound) {
            starts++;
            runs += ran ? 1 : 0;
            converged += r.stop().converged() ? 1 : 0;
            stalled += r.stop() == Stop.STALLED ? 1 : 0;
            limit += r.stop() == Stop.ITERATION_LIMIT ? 1 : 0;
            atBound += bound ? 1 : 0;
        }

        Optimum build() {
            return new Optimum(leader.objective(), leader.p(), leader.start(), starts, runs, converged, stalled, limit,
                    atBound, leader.stop() == Stop.EXACT);
        }
    }
}
