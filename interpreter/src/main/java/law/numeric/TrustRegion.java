package law.numeric;

/**
 * A trust-region minimizer for smooth functions with exact second derivatives, within optional
 * bounds on each variable (Moré and Sorensen's exact subproblem solve, {@link TrustStep}, in the
 * variables scaled by the model's diagonal as MINPACK does).
 *
 * <p>The quadratic model uses the exact Hessian or the function's Gauss-Newton matrix; with
 * {@link Model#ADAPTIVE} each step takes the matrix whose prediction of the last step's actual
 * decrease was the closer (NL2SOL's rule), the exact Hessian only where it is positive definite,
 * and a rejected step is retried once with the other matrix before the region shrinks. So
 * Gauss-Newton (IRLS, for robust losses) steps serve where they are good and Newton's quadratic
 * convergence takes over near a minimum, also where residuals are large. The radius doubles after
 * good steps at its boundary and shrinks after poor ones; a kink in the Hessian (where Huber's
 * curvature jumps) only shortens steps.
 *
 * <p>Bounds are kept by projection: a variable on a bound that the gradient pushes outwards is
 * held there, the step is taken in the others, and the trial point is projected into the box.
 *
 * <p>A trial point is evaluated for its value alone; the derivatives are computed only where the
 * step is accepted (about a third of the trial points of a wide multi-start are rejected). Every
 * value compared is a value-only evaluation, so rounding differences between the function's
 * value and derivative paths never decide a step.
 *
 * <p>It stops converged only where the model says little decrease remains: the decrement
 * {@code g^T |B|^-1 g / 2} over the free variables (B's eigenvalues floored) is at most
 * {@code tolerance * |f|}, after which one last model step polishes the point (one that gains
 * more than {@link #POLISH_GAIN} times what the model said remained, beyond rounding, is an
 * ordinary step and the run goes on; where the lower point's derivatives are not finite it is kept
 * and the run has {@link Status#STALLED}); or the objective
 * is zero to rounding; or no step can change it beyond rounding while the decrement is within
 * rounding too. A point where no step decreases the objective but the gradient is not small is
 * reported {@link Status#STALLED}, never converged; so is one where the model's curvature hid a
 * gradient that a short step along it shows to be real ({@code FirstOrder}).
 */
public final class TrustRegion {
    /** Which matrix the quadratic model uses. */
    public enum Model {
        /** The exact Hessian at every step. */
        EXACT,
        /** The Gauss-Newton matrix at every step (Levenberg-Marquardt when squared). */
        GAUSS_NEWTON,
        /** Whichever predicted the last step better. */
        ADAPTIVE
    }

    /**
     * When a step follows a null direction of a singular, positive semidefinite model: the hard
     * case's completion, which leaves the model's value unchanged and moves each variable by at
     * most {@code max(1, |x|)}.
     */
    public enum NullSteps {
        /**
         * Whenever the subproblem meets one: where the null direction is a degenerate inner
         * problem's line of minima (variable projection's outer search at {@code alpha = 0}),
         * following it is how a start escapes.
         */
        ALWAYS,
        /**
         * Only where the rest of the step gains at most the tolerance (in practice at most once,
         * on a run's last step). Where the null direction is a vanished term's (log A of
         * {@code A / N^alpha} at a large alpha, whose every value fits alike), following it at
         * every step doubled log A until it overflowed, shrinking the radius each time, while the
         * other variables converged slowly; where it is a degenerate start's mix ({@code E + A}
         * at {@code alpha = 0}), waiting loses some starts (docs/fitting.md, the trust region).
         */
        WHEN_STATIONARY
    }

    /**
     * @param tolerance     the relative decrement at which a point is stationary (e.g. 1e-10)
     * @param maxIterations the iteration limit
     * @param model         the model matrix
     * @param nullSteps     when a step follows a null direction of the model
     */
    public record Settings(double tolerance, int maxIterations, Model model, NullSteps nullSteps) {
        /** Settings whose steps follow every null direction ({@link NullSteps#ALWAYS}). */
        public Settings(double tolerance, int maxIterations, Model model) {
            this(tolerance, maxIterations, model, NullSteps.ALWAYS);
        }
    }

    private static final double EPS = 0x1p-52;
    private static final double ACCEPT = 1e-4;
    /**
     * The last (polishing) step ends the run only where it gained at most this many times what the
     * model said remained; one that gained more left the model's picture (a null direction's
     * completion that found a lower region: method = newton on the Chinchilla grid jumped from a
     * plateau at 0.0113 to 0.00935, where the gradient is 0.39) and the run goes on from there.
     */
    private static final double POLISH_GAIN = 10;
    /** The first radius is at most this many times the scaled length of the start. */
    private static final double FIRST_RADIUS = 100;

    private final SmoothFunction fn;
    private Settings st;
    private final int n;
    private final double[] lo;
    private final double[] hi;
    private final ScaledModel model;
    private final double[] s;
    private double[] x;
    private double[] xn;
    private Derivatives d;
    private Derivatives dn;
    /** The two points' derivatives, made on first use: [0] without a Gauss-Newton matrix, [1] with one. */
    private final Derivatives[][] kept = new Derivatives[2][];
    private double f;
    private double radius = Double.NaN;
    private double stepLength;
    /** Whether the last trial step was cut by the box. */
    private boolean clipped;
    private boolean useGn;
    private int evaluations;

    /**
     * A minimizer of {@code fn} that keeps its workspace from one {@link #minimize(double[], Settings)}
     * to the next, so many runs on one function (the starts of a multi-start search) allocate it
     * once. Each run begins from the state of a new instance. One thread at a time.
     */
    public TrustRegion(SmoothFunction fn) {
        this.fn = fn;
        this.n = fn.dimension();
        this.lo = new double[n];
        this.hi = new double[n];
        this.model = new ScaledModel(n);
        this.s = new double[n];
        this.x = new double[n];
        this.xn = new double[n];
    }

    /** Minimises {@code fn} from {@code x0} (moved into the bounds). */
    public static Result minimize(SmoothFunction fn, double[] x0, Settings st) {
        return new TrustRegion(fn).minimize(x0, st);
    }

    /** Minimises the function from {@code x0} (moved into the bounds), as a new instance would. */
    public Result minimize(double[] x0, Settings settings) {
        reset(settings);
        return run(x0);
    }

    /** The state of a new instance, with the settings {@code settings}: nothing of an earlier run remains. */
    private void reset(Settings settings) {
        st = settings;
        for (int j = 0; j < n; j++) {
            lo[j] = fn.lower(j);
            hi[j] = fn.upper(j);
        }
        model.reset();
        radius = Double.NaN;
        stepLength = 0;
        clipped = false;
        useGn = false;
        evaluations = 0;
        int kind = st.model() != Model.EXACT ? 1 : 0;
        if (kept[kind] == null) {
            kept[kind] = new Derivatives[] {new Derivatives(n, kind == 1), new Derivatives(n, kind == 1)};
        }
        d = kept[kind][0];
        dn = kept[kind][1];
    }

    private Result run(double[] x0) {
        if (!begin(x0)) {
            return done(0, Status.NOT_FINITE, Double.NaN);
        }
        boolean preferGn = st.model() != Model.EXACT;
        boolean polish = false;
        boolean retried = false;
        int stalls = 0;
        for (int iter = 0; iter < st.maxIterations(); iter++) {
            if (f <= fn.floor()) {
                return done(iter, Status.EXACT, 0);
            }
            if (!model.freeVariables(x, d.g, lo, hi)) {
                return done(iter, Status.GRADIENT, 0);
            }
            if (!factor(preferGn)) {
                return done(iter, Status.STALLED, Double.NaN);
            }
            double dec = 0.5 * model.sub.decrement(1e-12);
            double level = Math.max(Math.abs(f), fn.floor());
            if (!polish && dec <= st.tolerance() * level) {
                polish = true;
                radius = Math.max(radius, model.newtonLength());
            }
            model.solve(radius, st.nullSteps() == NullSteps.ALWAYS ? Double.POSITIVE_INFINITY
                    : Math.max(st.tolerance() * level, 1e3 * noise()));
            double pred = trialStep();
            double noise = noise();
            if (!(pred > noise)) {
                if (dec <= Math.max(st.tolerance() * level, 1e3 * noise)) {
                    return converged(iter, polish ? Status.GRADIENT : Status.ROUNDING, dec);
                }
                if (!retried && !clipped && otherUsable(useGn)) {
                    retried = true;
                    preferGn = !useGn;
                    continue;
                }
                radius *= 0.25;
                if (++stalls > 60 || !(radius > 0)) {
                    return givenUp(iter, dec);
                }
                continue;
            }
            evaluations++;
            double fNew = fn.trial(xn, dn);
            double ratio = Double.isFinite(fNew) ? (f - fNew) / pred : -1;
            boolean usedGn = useGn;
            if (st.model() == Model.ADAPTIVE && Double.isFinite(fNew)) {
                preferGn = closerIsGaussNewton(f - fNew);
            }
            boolean gained = ratio > ACCEPT;
            if (gained && polish && !beyondModel(f - fNew, dec, pred)) {
                System.arraycopy(xn, 0, x, 0, n);
                f = fNew;
                return converged(iter + 1, Status.GRADIENT, dec);
            }
            if (gained && Double.isFinite(fn.evaluate(xn, dn))) {
                polish = false; // a polishing step taken here went beyond its model: the run goes on
                resize(ratio);
                accept(fNew);
                stalls = 0;
                retried = false;
                continue;
            }
            if (gained && polish) { // beyond its model, to a lower point whose derivatives are not finite
                System.arraycopy(xn, 0, x, 0, n);
                f = fNew;
                return done(iter + 1, Status.STALLED, Double.NaN);
            }
            if (gained) {
                ratio = -1; // a finite value whose derivatives are not: a failed step
            }
            if (polish) {
                return converged(iter + 1, Status.GRADIENT, dec);
            }
            if (!retried && otherUsable(usedGn)) {
                retried = true;
                preferGn = !usedGn;
                continue;
            }
            resize(ratio);
            if (++stalls > 60) {
                return givenUp(iter + 1, dec);
            }
        }
        return done(st.maxIterations(), Status.ITERATION_LIMIT, Double.NaN);
    }

    /**
     * Whether an adaptive model may switch from the matrix it used ({@code gn}: Gauss-Newton) to the
     * other, once after a rejected step or one predicted to gain nothing: the other matrix's model
     * may see the point as it is (a Gauss-Newton model of {@code b = exp(u)} at {@code b -> 0}
     * predicts the decrease of a negative b that no step reaches). A step the box cut short is a
     * matter for the radius, not the model, so it is not retried.
     */
    private boolean otherUsable(boolean gn) {
        return st.model() == Model.ADAPTIVE && (!gn || exactUsable());
    }

    /**
     * Whether a polishing step's actual decrease is beyond what its model said remained: more than
     * {@link #POLISH_GAIN} times the decrement (or the step's predicted decrease), beyond rounding.
     */
    private boolean beyondModel(double actual, double dec, double pred) {
        return actual > POLISH_GAIN * Math.max(dec, pred) + roundingLevel();
    }

    /** The stop after 60 steps without progress: converged to rounding, or stalled. */
    private Result givenUp(int iterations, double dec) {
        return dec <= roundingLevel() ? converged(iterations, Status.ROUNDING, dec) : done(iterations, Status.STALLED, dec);
    }

    /** Starts at {@code x0} moved into the bounds: its value and derivatives; false where they are not finite. */
    private boolean begin(double[] x0) {
        for (int j = 0; j < n; j++) {
            x[j] = Math.min(Math.max(x0[j], lo[j]), hi[j]);
        }
        f = fn.trial(x, d);
        evaluations = 1;
        return Double.isFinite(f) && Double.isFinite(fn.evaluate(x, d));
    }

    /**
     * The trial point: the subproblem's step in the free variables, projected into the bounds;
     * returns the decrease the model predicts for the step actually taken.
     */
    private double trialStep() {
        stepLength = model.sub.length();
        model.step(s);
        clipped = false;
        for (int j = 0; j < n; j++) {
            double t = x[j] + s[j];
            xn[j] = Math.min(Math.max(t, lo[j]), hi[j]);
            clipped |= xn[j] != t;
            s[j] = xn[j] - x[j];
        }
        double[][] b = useGn ? d.gn : d.h;
        return -(Dense.dot(d.g, s) + 0.5 * Dense.quad(b, s));
    }

    /**
     * NL2SOL's rule: whether the Gauss-Newton matrix predicted the last step's actual decrease
     * better than the exact Hessian.
     */
    private boolean closerIsGaussNewton(double actual) {
        if (!d.gnReady) {
            fn.gaussNewton(d);
        }
        double lin = Dense.dot(d.g, s);
        double qh = -(lin + 0.5 * Dense.quad(d.h, s));
        double qg = -(lin + 0.5 * Dense.quad(d.gn, s));
        return Math.abs(qg - actual) <= Math.abs(qh - actual);
    }

    /** Whether the exact Hessian at the current point is a usable model: positive definite on the free variables. */
    private boolean exactUsable() {
        if (factor(d.h) && model.sub.definite()) {
            return true;
        }
        if (model.holdUnseen(d.h, d.g) && factor(d.h) && model.sub.definite()) {
            return true;
        }
        model.freeVariables(x, d.g, lo, hi);
        return false;
    }

    /**
     * Scales the model and decomposes it, the Gauss-Newton matrix when {@code gn} or when the
     * exact Hessian is not usable (its negative curvature, far from a minimum, mostly misleads);
     * false when it is not finite.
     */
    private boolean factor(boolean gn) {
        useGn = false;
        if (!d.hasGaussNewton()) {
            return factor(d.h);
        }
        if (!gn && exactUsable()) {
            return true;
        }
        useGn = true;
        if (!d.gnReady) {
            fn.gaussNewton(d);
        }
        return factor(d.gn);
    }

    /** Scales {@code b} on the free variables and factors it; the first radius from the first model. */
    private boolean factor(double[][] b) {
        if (!model.factor(b, d.g, x)) {
            return false;
        }
        if (Double.isNaN(radius)) {
            double full = model.newtonLength();
            double xs = model.length(x);
            double cap = xs > 0 ? FIRST_RADIUS * xs : FIRST_RADIUS;
            radius = full > 0 && Double.isFinite(full) ? Math.min(full, cap) : cap;
        }
        return true;
    }

    /** The relative rounding error of an evaluation of f. */
    private double noise() {
        return 64 * EPS * Math.abs(f);
    }

    /**
     * A decrement below which rounding hides any further progress: well above the relative
     * {@link #noise()}, plus the absolute error the residuals carry from their targets' last
     * digits, at most about {@code sqrt(f * floor)} (f a sum of r^2 whose r each err by a few
     * ulps of the target; the floor is that sum at 16 ulps), which matters when f is tiny. Used
     * to tell a stop on rounding from a stall.
     */
    private double roundingLevel() {
        return 1e3 * noise() + Math.sqrt(Math.abs(f) * fn.floor());
    }

    private void resize(double ratio) {
        double len = stepLength;
        if (ratio < 0.25) {
            radius = 0.25 * Math.min(radius, len);
        } else if (ratio > 0.75 && len >= 0.99 * radius) {
            radius = 2 * radius;
        }
    }

    private void accept(double fNew) {
        double[] tx = x;
        x = xn;
        xn = tx;
        Derivatives td = d;
        d = dn;
        dn = td;
        f = fNew;
    }

    /**
     * The result at a point the model calls stationary, checked against first order
     * ({@code FirstOrder}): {@link Status#STALLED} at the lower point where a short step along
     * the gradient descends as the gradient predicts.
     */
    private Result converged(int iterations, Status status, double decrement) {
        if (FirstOrder.probe(x, f, fn.floor(), d.g, model.free, model.nf, lo, hi, st.tolerance(), xn)) {
            evaluations++;
            double fp = fn.trial(xn, dn);
            if (FirstOrder.descends(fp, f, fn.floor())) {
                System.arraycopy(xn, 0, x, 0, n);
                f = fp;
                return done(iterations, Status.STALLED, decrement);
            }
        }
        return done(iterations, status, decrement);
    }

    private Result done(int iterations, Status status, double decrement) {
        return new Result(x.clone(), f, iterations, evaluations, status, decrement);
    }
}
