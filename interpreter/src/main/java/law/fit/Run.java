package law.fit;

/**
 * The outcome of one optimizer run from one start.
 *
 * @param start       the start's index
 * @param p           the parameter values reached
 * @param objective   the objective there (+inf when the start was not usable)
 * @param iterations  iterations taken
 * @param evaluations evaluations of the law over the data
 * @param stop        why it stopped
 * @param badRow      for a start whose objective was not finite, the first bad point, else -1
 */
public record Run(int start, double[] p, double objective, int iterations, int evaluations, Stop stop,
                  int badRow) {
}
