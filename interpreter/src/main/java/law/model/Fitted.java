package law.model;

import java.util.List;
import java.util.Map;

/**
 * What a fit attaches to the law it produces: uncertainty, statistics, the range of the data
 * and the report. Implemented by the fitting stage; queries use it for confidence intervals
 * (delta method or bootstrap) and extrapolation warnings.
 */
public interface Fitted {
    /** The estimated (free) parameters, in the order of {@link #covariance()} and {@link #bootstrap()}. */
    List<String> parameterNames();

    /** The covariance matrix of the estimates, or {@code null} when it could not be computed. */
    double[][] covariance();

    /**
     * The covariance as queries use it (the matrix where it has doubles, always the standard
     * errors and correlations), or {@code null} without standard errors; by default from
     * {@link #covariance()}.
     */
    default Covariance errors() {
        double[][] c = covariance();
        return c == null ? null : Covariance.of(c);
    }

    /** Bootstrap replicates {@code [replicate][parameter]}, or {@code null} when the fit had none. */
    double[][] bootstrap();

    /** For each law variable, {@code {min, max}} over the data the law was fitted on. */
    Map<String, double[]> variableRanges();

    /**
     * The fields of one fitted parameter besides its value, e.g. {@code se}, {@code ci_low},
     * {@code ci_high}: what {@code epoch.alpha.se} reads. Empty for a parameter the fit did not
     * estimate.
     */
    Map<String, Double> paramFields(String param);

    /** Fit-level statistics by name ({@code objective}, {@code rmse}, {@code r2}, {@code aic}, ...). */
    Map<String, Double> stats();

    /** The residual space of the fit: {@code "log"} or {@code "linear"}. */
    default String residual() {
        return "log";
    }

    /** The column the law was fitted to, when the target was a plain column; else {@code null}. */
    default String target() {
        return null;
    }

    /**
     * The observation noise the fit estimated (its residuals at the optimum), for prediction
     * intervals; {@code null} when unknown (no degrees of freedom, a saved fit).
     */
    default Noise noise() {
        return null;
    }

    /**
     * The density of a maximum-likelihood fit ({@code huber(0.001)}), or {@code null} for a loss
     * fit, whose log-likelihood is the Gaussian one at {@code sigma^2 = RSS / n}.
     */
    default String likelihood() {
        return null;
    }

    /** The log density of a residual {@code r} under a likelihood fit's density and fitted sigma; NaN for a loss fit. */
    default double logDensity(double r) {
        return Double.NaN;
    }

    /** The name of the dataset the law was fitted on, when it has one; else {@code null}. */
    default String dataName() {
        return null;
    }

    /** The full fit report as text, as {@code print FIT} shows it. */
    String report();

    /**
     * The fitted rows as sorted keys ({@link #rowKey} of the law's variables and the target), or
     * {@code null} when unknown (a fit loaded from a file): lets {@code compare ... holdout} tell
     * whether a held-out row was part of the fit's data.
     */
    default long[] trainingRows() {
        return null;
    }

    /** One key per row of {@code columns} (the law's variables, in order) and {@code y}, sorted. */
    static long[] rowKeys(double[][] columns, double[] y) {
        long[] out = new long[y.length];
        double[] row = new double[columns.length];
        for (int i = 0; i < y.length; i++) {
            for (int k = 0; k < columns.length; k++) {
                row[k] = columns[k][i];
            }
            out[i] = rowKey(row, y[i]);
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** A 64-bit key of a row's variable values and target (equal doubles give equal keys). */
    static long rowKey(double[] xs, double y) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k = 0; k <= xs.length; k++) {
            double v = k < xs.length ? xs[k] : y;
            h = (h ^ Double.doubleToLongBits(v == 0 ? 0.0 : v)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }
}
