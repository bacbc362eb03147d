package law.fit;

import law.numeric.Lbfgs;
import law.numeric.Result;
import law.numeric.Status;
import law.numeric.TrustRegion;

/**
 * What one worker thread of a multi-start search keeps from one start to the next: the
 * {@link Objective} with its scratch arrays (the law's values and derivatives at every point,
 * for the current point and the trial point) and the {@link TrustRegion}'s workspace. A new set
 * per start was most of a wide search's garbage (about 130 KB a start on the Chinchilla fit).
 *
 * <p>Every run begins in the state a new worker would have (the objective takes the run's point
 * weights afresh, the trust region forgets its last run), so a run's result does not depend on
 * the runs before it, nor on which worker ran it. One thread at a time.
 */
final class Worker {
    /** At most this many runs resume from a vanishing parameter's escape. */
    private static final int ESCAPES = 3;
    private final Problem pr;
    private Objective objective;
    private TrustRegion region;

    Worker(Problem pr) {
        this.pr = pr;
    }

    /** One optimizer run from parameter values {@code p0}, with point weights {@code w}. */
    Run run(Method method, int index, double[] p0, double[] w, Settings st) {
        if (Engine.projects(pr, method)) {
            return Engine.projected(pr, method, index, p0, w, st);
        }
        double[] u0 = coordinates(p0);
        Objective obj = objective(w);
        if (method == Method.LM) {
            return lm(obj, index, u0, w, st);
        }
        Result r = minimize(method, obj, u0, st);
        Status status = method == Method.LBFGS ? Stationarity.check(obj, r.x(), st.tolerance(), r.status()) : r.status();
        int bad = status == Status.NOT_FINITE ? obj.badRow() : -1;
        return new Run(index, obj.params(r.x()), r.f(), r.iterations(), r.evaluations(), Stop.of(status), bad);
    }

    /**
     * The method's run from {@code u0}, and again from a point where the objective falls as a
     * vanishing parameter moves off its bound ({@link Vanishing}), at most {@link #ESCAPES} times;
     * iterations and evaluations are those of all the runs and checks.
     */
    private Result minimize(Method method, Objective obj, double[] u0, Settings st) {
        Result r = once(method, obj, u0, st);
        int iterations = r.iterations();
        int evaluations = r.evaluations();
        for (int k = 0; k < ESCAPES && r.status().converged() && r.status() != Status.EXACT; k++) {
            Vanishing.Escape e = Vanishing.check(pr.transforms, obj, r.x(), st.tolerance());
            evaluations += e.evaluations();
            if (e.u() == null) {
                break;
            }
            r = once(method, obj, e.u(), st);
            iterations += r.iterations();
            evaluations += r.evaluations();
        }
        return new Result(r.x(), r.f(), iterations, evaluations, r.status(), r.decrement());
    }

    /**
     * Levenberg-Marquardt from {@code u0}, and again from a vanishing parameter's escape as
     * {@link #minimize} does (at alpha = 0+ of {@code E + A / x^alpha}, alpha's column is zero in
     * the fit's coordinates and E and A collinear: the run stopped there, and the fit said the
     * data could not determine E and A); iterations and evaluations are those of all the runs.
     */
    private Run lm(Objective obj, int index, double[] u0, double[] w, Settings st) {
        Run r = Lm.minimize(pr, obj, index, u0, w, st);
        int iterations = r.iterations();
        int evaluations = r.evaluations();
        for (int k = 0; k < ESCAPES && r.stop().converged() && r.stop() != Stop.EXACT; k++) {
            Vanishing.Escape e = Vanishing.check(pr.transforms, obj, coordinates(r.p()), st.tolerance());
            evaluations += e.evaluations();
            if (e.u() == null) {
                break;
            }
            r = Lm.minimize(pr, obj, index, e.u(), w, st);
            iterations += r.iterations();
            evaluations += r.evaluations();
        }
        return new Run(r.start(), r.p(), r.objective(), iterations, evaluations, r.stop(), r.badRow());
    }

    /** Parameter values {@code p} in the fit's coordinates (each transform's inverse). */
    private double[] coordinates(double[] p) {
        double[] u = new double[pr.m];
        for (int j = 0; j < pr.m; j++) {
            u[j] = pr.transforms[j].inverse(p[j]);
        }
        return u;
    }

    private Result once(Method method, Objective obj, double[] u0, Settings st) {
        return switch (method) {
            case LBFGS -> Lbfgs.minimize(obj, u0, st.tolerance(), st.maxIterations());
            case NEWTON -> region().minimize(u0, st.direct(TrustRegion.Model.EXACT));
            default -> region().minimize(u0, st.direct(TrustRegion.Model.ADAPTIVE));
        };
    }

    /** The objective with point weights {@code w}, as new. */
    private Objective objective(double[] w) {
        if (objective == null) {
            objective = new Objective(pr, w);
            return objective;
        }
        return objective.weights(w);
    }

    /** The trust region on {@link #objective}; each of its runs starts afresh. */
    private TrustRegion region() {
        if (region == null) {
            region = new TrustRegion(objective);
        }
        return region;
    }
}
