package law.model;

import java.util.Map;

/**
 * What a fit attaches to the law it produces: uncertainty, statistics and the report. Implemented
 * by the fitting stage; queries use it for intervals and extrapolation warnings.
 */
public interface Fitted {
    /**
     * The fields of one fitted parameter besides its value, e.g. {@code se}, {@code ci_low},
     * {@code ci_high}: what {@code epoch.alpha.se} reads. Empty for a parameter the fit did not
     * estimate.
     */
    Map<String, Double> paramFields(String param);

    /** Fit-level statistics by name ({@code objective}, {@code rmse}, {@code r2}, {@code aic}, ...). */
    Map<String, Double> stats();

    /** The full fit report as text, as {@code print FIT} shows it. */
    String report();
}
