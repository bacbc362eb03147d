package law.model;

/**
 * The observation noise a fit estimated, which a prediction interval adds to the uncertainty of
 * the law's value: how far a new observation falls from the law, not only how far the law is from
 * the truth. Noise lives in the fit's residual space: an observation is {@code f * exp(e)} under
 * log residuals and {@code f + e} under linear ones.
 *
 * <p>Two kinds: the fit's own residuals, resampled (a loss fit; each residual inflated by
 * {@code sqrt(n / (n - p))} because residuals at the optimum are smaller than the noise by the
 * degrees of freedom the fit used), or a fitted scale with no residuals (a likelihood fit's
 * {@code sigma}), taken as normal noise of that standard deviation.
 *
 * @param log       noise on the log scale (log residuals)
 * @param residuals the inflated residuals to resample, or {@code null} for a fitted scale
 * @param scale     the noise standard deviation: {@code sqrt(sum w r^2 / (n - p))}, or the fitted sigma
 * @param dof       the degrees of freedom of {@code scale} (Student's t), or 0 for a normal quantile
 * @param method    how the noise was estimated, as a report says it ({@code resampled residuals})
 */
public record Noise(boolean log, double[] residuals, double scale, int dof, String method) {

    /** A new observation with noise {@code e} around the law's value {@code f}. */
    public double observe(double f, double e) {
        return log ? f * Math.exp(e) : f + e;
    }

    /** The law's value {@code f} in the noise's space ({@code log f} or {@code f}); NaN when not defined. */
    public double toSpace(double f) {
        return log ? (f > 0 ? Math.log(f) : Double.NaN) : f;
    }

    /** Back from the noise's space. */
    public double fromSpace(double x) {
        return log ? Math.exp(x) : x;
    }
}
