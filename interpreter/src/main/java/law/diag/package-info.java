/**
 * Diagnostics shared by every stage: sources and spans, the catalogue of stable codes, a
 * collector that stages report into instead of throwing, did-you-mean suggestions, and the
 * rustc-style renderer.
 */
package law.diag;
