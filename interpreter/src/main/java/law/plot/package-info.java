/**
 * The {@code plot} statement: laws against data, residuals, compute-optimal frontiers and
 * IsoFLOP curves, drawn with XChart on log axes and written as PNG or SVG.
 */
package law.plot;
