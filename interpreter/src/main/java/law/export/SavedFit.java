package law.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import law.eval.Render;
import law.model.Fitted;

/**
 * A fit loaded from a {@code law.fit/1} file by {@code use "fit.json"}: everything queries need
 * (covariance, bootstrap replicates, variable ranges, parameter fields, statistics) exactly as the
 * live fit had it, so a saved fit answers every query as the live one did, bit for bit.
 *
 * @param file       the file it was loaded from
 * @param shown      the file as the {@code use} statement wrote it
 * @param names      the estimated parameters, in the order of the covariance
 * @param covariance the covariance of the estimates, or {@code null}
 * @param correlation without a covariance, the correlations of the estimates when the fit had them
 *                   (a variance with no double), else {@code null}
 * @param bootstrap  bootstrap replicates, or {@code null}
 * @param ranges     {@code {min, max}} of each law variable over the fitted data
 * @param fields     per parameter, {@code se}, {@code ci_low}, ... as the fit computed them
 * @param stats      fit statistics
 * @param liveReport the report of the live fit
 * @param fit        the fit's JSON as the live fit rendered it (its {@code --json} twin)
 * @param noise      the observation noise for prediction intervals, or {@code null} (a file written
 *                   before saved fits kept it, or a fit without degrees of freedom)
 */
public record SavedFit(Path file, String shown, List<String> names, double[][] covariance, double[][] correlation,
                       double[][] bootstrap,
                       Map<String, double[]> ranges, Map<String, Map<String, Double>> fields,
                       Map<String, Double> stats, String liveReport, JsonNode fit, law.model.Noise noise)
        implements Fitted, Render.JsonRenderable {

    @Override
    public List<String> parameterNames() {
        return names;
    }

    /**
     * The covariance, or without one the standard errors ({@code parameter_fields}) and
     * correlations the fit kept where a variance has no double.
     */
    @Override
    public law.model.Covariance errors() {
        if (covariance != null || correlation == null) {
            return Fitted.super.errors();
        }
        double[] se = names.stream().mapToDouble(p -> fields.get(p).getOrDefault("se", Double.NaN)).toArray();
        return new law.model.Covariance(null, se, correlation);
    }

    @Override
    public Map<String, double[]> variableRanges() {
        return ranges;
    }

    @Override
    public Map<String, Double> paramFields(String param) {
        return fields.getOrDefault(param, Map.of());
    }

    /** The live fit's report, then where it was loaded from. */
    @Override
    public String report() {
        return liveReport + "\n  loaded from " + shown;
    }

    @Override
    public JsonNode json() {
        return fit.deepCopy();
    }
}
