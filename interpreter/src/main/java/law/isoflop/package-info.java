/**
 * The IsoFLOP method (Chinchilla Approach 2) behind the {@code isoflop} statement: per compute
 * budget a profile of loss in log N and its minimum ({@link law.isoflop.Minimum}: a parabola,
 * {@link law.isoflop.Profile}, or an Akima spline, {@link law.isoflop.Akima}), then power laws
 * through the minima ({@link law.isoflop.PowerLaw}), with the delta method, the stage-two regression
 * and a two-stage bootstrap that resamples points or adds seed noise ({@link law.isoflop.Replicates},
 * {@link law.isoflop.Analysis}).
 */
package law.isoflop;
