/**
 * The fitting stage: turns a {@code fit} statement into a fitted law. A {@link law.fit.Problem}
 * compiles the law with its exact gradient and Hessian over the data; optimizers ({@link law.fit.Newton},
 * {@link law.fit.Lm}, {@link law.fit.Lbfgs}) minimise the summed loss from every start in parallel;
 * {@link law.fit.Uncertainty} and {@link law.fit.Bootstrap} estimate the spread of the estimates; the
 * result is a {@link law.fit.FitResult}, the {@link law.model.Fitted} attached to the law.
 */
package law.fit;
