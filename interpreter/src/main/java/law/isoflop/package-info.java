/**
 * The IsoFLOP method (Chinchilla Approach 2) behind the {@code isoflop} statement: per compute
 * budget a parabola of loss in log N and its minimum ({@link law.isoflop.Profile}), then power laws
 * through the minima ({@link law.isoflop.PowerLaw}), with the delta method, the stage-two
 * regression and a two-stage bootstrap for the uncertainty ({@link law.isoflop.Analysis}).
 */
package law.isoflop;
