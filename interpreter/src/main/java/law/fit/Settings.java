package law.fit;

import law.numeric.TrustRegion;

/**
 * What every optimizer run shares.
 *
 * @param tolerance     relative tolerance: the decrease still predicted at a stationary point,
 *                      against the objective (default 1e-10)
 * @param maxIterations iteration limit per run (default 1000)
 * @param screen        the screening of a start grid ({@code screen = grid_minima}), or null to search from every start
 */
public record Settings(double tolerance, int maxIterations, Screen screen) {
    /** Settings that search from every start. */
    public Settings(double tolerance, int maxIterations) {
        this(tolerance, maxIterations, null);
    }

    /** The trust region's settings with the model matrix {@code model}, following every null direction. */
    TrustRegion.Settings trustRegion(TrustRegion.Model model) {
        return new TrustRegion.Settings(tolerance, maxIterations, model);
    }

    /**
     * The trust region's settings for a direct search (not projected): null directions followed
     * only where the rest of the model is stationary, since there a null direction is mostly a
     * vanished term's, whose coefficient the model cannot see ({@link Vanishing} checks only the
     * parameters that collapsed onto a bound, not such a term).
     */
    TrustRegion.Settings direct(TrustRegion.Model model) {
        return new TrustRegion.Settings(tolerance, maxIterations, model, TrustRegion.NullSteps.WHEN_STATIONARY);
    }
}
