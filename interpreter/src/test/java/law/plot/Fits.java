package law.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.model.Fitted;

/** A stand-in for the fitting stage: fit results with a fixed covariance, for plots and exports. */
public record Fits(List<String> parameterNames, double[][] covariance, double[][] bootstrap,
                   Map<String, double[]> variableRanges, Map<String, Double> stats) implements Fitted {

    /** Epoch AI's 2024 Chinchilla refit with its published standard errors (diagonal covariance). */
    public static Fits published() {
        double[] se = {0.026, 124.5, 1293.3, 0.0154, 0.0206};
        double[][] cov = new double[5][5];
        for (int i = 0; i < 5; i++) {
            cov[i][i] = se[i] * se[i];
        }
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("objective", 0.0123);
        stats.put("rmse", 0.0081);
        return new Fits(List.of("E", "A", "B", "alpha", "beta"), cov, null,
                Map.of("N", new double[] {4.4e7, 1.6e10}, "D", new double[] {8e8, 3.2e11}), stats);
    }

    @Override
    public Map<String, Double> paramFields(String param) {
        int i = parameterNames.indexOf(param);
        if (i < 0 || covariance == null) {
            return Map.of();
        }
        return Map.of("se", Math.sqrt(covariance[i][i]));
    }

    @Override
    public String report() {
        return "hand-made fit";
    }
}
