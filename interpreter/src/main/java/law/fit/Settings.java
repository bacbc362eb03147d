package law.fit;

/**
 * What every optimizer run shares.
 *
 * @param tolerance     relative tolerance on the objective's decrease (default 1e-12)
 * @param maxIterations iteration limit per run (default 1000)
 */
public record Settings(double tolerance, int maxIterations) {
}
