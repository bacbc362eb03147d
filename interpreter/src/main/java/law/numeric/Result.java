package law.numeric;

/**
 * Where a minimizer stopped.
 *
 * @param x           the point
 * @param f           the objective there
 * @param iterations  iterations taken
 * @param evaluations evaluations of the function
 * @param status      why it stopped
 * @param decrement   the decrease still predicted by the model there ({@code g^T |B|^-1 g / 2}),
 *                    the measure of stationarity; NaN when unknown
 */
public record Result(double[] x, double f, int iterations, int evaluations, Status status, double decrement) {
}
