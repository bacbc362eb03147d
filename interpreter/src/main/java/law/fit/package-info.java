/**
 * The fitting stage: turns a {@code fit} statement into a fitted law. A {@link law.fit.Problem}
 * compiles the law with its exact gradient and Hessian over the data; {@link law.fit.Engine} runs
 * the optimizers of {@code law.numeric} ({@link law.numeric.TrustRegion}, {@link law.numeric.Lbfgs})
 * or {@link law.fit.Lm} from every start in parallel, once per distinct start under variable
 * projection ({@link law.fit.Separable}), each converged point checked on the scale of its
 * vanishing one-sided parameters ({@code Vanishing}); {@link law.fit.Optima} counts the distinct local optima
 * the starts ended at; {@link law.fit.Uncertainty} and {@link law.fit.Bootstrap} estimate the
 * spread of the estimates, and {@code IntervalScale} puts each parameter's confidence interval on
 * the scale its domain gives it (log, logit, cut at a bound); the result is a
 * {@link law.fit.FitResult}, the {@link law.model.Fitted} attached to the law. A fit {@code by}
 * groups ({@code GroupFits}) fits each group alone and gathers their warnings, one per code
 * naming every group ({@code GroupWarnings}).
 */
package law.fit;
