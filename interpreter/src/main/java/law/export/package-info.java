/**
 * The {@code export} statement and saved fits: a fit to versioned JSON ({@code law.fit/1}) that
 * {@code use "fit.json"} loads back, a fit or query table to a LaTeX booktabs table or CSV; and the
 * shared rules of output files (relative to the spec, never an input, written atomically).
 */
package law.export;
