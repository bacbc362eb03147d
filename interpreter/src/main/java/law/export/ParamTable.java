package law.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.model.Fitted;
import law.model.Law;
import law.model.Param;

/**
 * The estimated parameters of a fitted law as rows: value, standard error, 95% confidence
 * interval and, when the fit was bootstrapped, the bootstrap standard error and percentile
 * interval. What {@code export FIT -> "params.csv"} and {@code "params.tex"} write.
 *
 * @param law       the fitted law
 * @param names     the estimated parameters, in fit order
 * @param rows      per parameter, its fields by column name
 * @param bootstrap whether the bootstrap columns are present
 */
record ParamTable(Law law, List<String> names, List<Map<String, Double>> rows, boolean bootstrap) {
    /** The columns of every table. */
    static final List<String> COLUMNS = List.of("value", "se", "ci_low", "ci_high");
    /** The columns added by a bootstrap. */
    static final List<String> BOOT_COLUMNS = List.of("boot_se", "boot_low", "boot_high");

    /** The table of a fitted law. */
    static ParamTable of(Law law) {
        Fitted fit = law.fitted();
        List<Map<String, Double>> rows = new ArrayList<>();
        boolean boot = fit.bootstrap() != null;
        for (String p : fit.parameterNames()) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("value", law.values().get(p));
            Map<String, Double> fields = fit.paramFields(p);
            for (String c : columns(boot)) {
                if (!c.equals("value")) {
                    row.put(c, fields.getOrDefault(c, Double.NaN));
                }
            }
            rows.add(row);
        }
        return new ParamTable(law, fit.parameterNames(), rows, boot);
    }

    /** The numeric columns, bootstrap ones included when present. */
    static List<String> columns(boolean bootstrap) {
        List<String> out = new ArrayList<>(COLUMNS);
        if (bootstrap) {
            out.addAll(BOOT_COLUMNS);
        }
        return out;
    }

    /** The parameters with a value that the fit did not estimate (fixed with {@code with}). */
    Map<String, Double> fixed() {
        Map<String, Double> out = new LinkedHashMap<>(law.values());
        names.forEach(out::remove);
        out.keySet().retainAll(law.params().stream().map(Param::name).toList());
        return out;
    }
}
