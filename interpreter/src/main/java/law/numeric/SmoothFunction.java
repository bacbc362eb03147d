package law.numeric;

/**
 * A twice-differentiable objective on R^n, as the minimizers see it: its value and, on request,
 * its gradient, Hessian and (when it has one) a positive semi-definite Gauss-Newton matrix.
 * Implementations may be called from one thread at a time per instance.
 */
public interface SmoothFunction {
    /** The number of variables. */
    int dimension();

    /**
     * The value at {@code x} (+inf where the function is undefined); when {@code d} is not null,
     * also fills its gradient and Hessian, and either clears {@link Derivatives#gnReady} or (when
     * it is cheaper to compute with the Hessian) fills {@code d.gn} too and sets it.
     */
    double evaluate(double[] x, Derivatives d);

    /**
     * Fills {@code d.gn} with the Gauss-Newton matrix at the point last evaluated into {@code d}
     * (only asked for when {@link Derivatives#hasGaussNewton()}), and sets {@code d.gnReady}.
     */
    default void gaussNewton(Derivatives d) {
        throw new UnsupportedOperationException("no Gauss-Newton matrix");
    }

    /** The value at {@code x} and its gradient in {@code g}, without second derivatives. */
    double gradient(double[] x, double[] g);

    /** The lowest value variable {@code j} may take (-inf by default). */
    default double lower(int j) {
        return Double.NEGATIVE_INFINITY;
    }

    /** The highest value variable {@code j} may take (+inf by default). */
    default double upper(int j) {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The level below which the objective is zero to rounding (for an exact fit), 0 when there is
     * none: a minimizer stops there whatever the gradient.
     */
    default double floor() {
        return 0;
    }

    /**
     * The value at {@code x} for a trial point: by default {@link #evaluate} without derivatives.
     * A function may compute into {@code d} what a following {@code evaluate(x, d)} at the same
     * point can reuse (the minimizer calls it when it accepts the point).
     */
    default double trial(double[] x, Derivatives d) {
        return evaluate(x, null);
    }
}
