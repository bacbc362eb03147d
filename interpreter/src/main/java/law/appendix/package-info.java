/**
 * {@code law report}: the appendix a scaling-law study should publish, after Li et al. 2025,
 * "(Mis)Fitting: A Survey of Scaling Laws". For every fit and IsoFLOP analysis of a file it lists
 * the functional form, what the variables count, the data (points, ranges, every dropped row and
 * why), the loss and residual space, the optimiser, the starts, the bounds and which are active,
 * how the uncertainty was computed, how far each query extrapolates, the data hashes and the
 * law version. {@link law.appendix.Appendices} builds the model ({@link law.appendix.Appendix})
 * from a session that ran the file, reading what the stages record through public accessors and
 * the session's {@link law.eval.Ledger}; {@link law.appendix.Render} writes it as text, Markdown,
 * LaTeX or JSON. A new field of a fit is one more {@link law.appendix.Appendix.Item}.
 */
package law.appendix;
