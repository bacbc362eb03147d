/**
 * The query stage: constrained optimisation ({@code minimize}, {@code maximize},
 * {@code optimal}), root finding ({@code solve}), sweeps ({@code table}) and predictions with
 * confidence intervals ({@code predict}), plus extrapolation warnings for fitted laws. Works on
 * the symbolic expressions of {@code law.expr}, with exact derivatives from
 * {@link law.expr.Derivative}; results are {@link law.eval.Value.Rec} records.
 */
package law.query;
