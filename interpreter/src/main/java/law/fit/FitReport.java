package law.fit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import law.report.Fmt;
import law.report.Json;
import law.report.Tabular;

/**
 * The report of a fit as text ({@code print FIT}) and JSON ({@code --json}), after lmfit's
 * {@code fit_report} and statsmodels' summaries: per parameter the estimate, standard error,
 * relative error, t statistic, confidence interval with the scale it was taken on, at-bound flag
 * and bootstrap columns; how the standard errors were computed; fit statistics (with chi-square
 * and reduced chi-square for squared loss); convergence; the correlations above
 * {@link #CORRELATION_SHOWN}; the starts and the distinct optima they found ({@link OptimaReport}); the data.
 */
final class FitReport {
    /** Correlations of at least this size are listed (lmfit's default). */
    static final double CORRELATION_SHOWN = 0.1;
    /** Stats that are counts, written as JSON integers. */
    private static final Set<String> COUNTS = Set.of("points", "iterations", "evaluations", "starts",
            "total_evaluations", "total_iterations", "dof", "distinct_starts", "screened");

    private FitReport() {
    }

    /** The parameter table: text columns are a subset of the JSON ones. */
    static Tabular parameters(FitResult r, boolean forText) {
        Tabular t = new Tabular().string(forText ? "param" : "name").number("value", 6).number("se", 4)
                .number(forText ? "rel.err%" : "rel_error", 3).number("t", 3)
                .number(forText ? "95% low" : "ci_low", 5).number(forText ? "95% high" : "ci_high", 5)
                .string(forText ? "scale" : "ci_scale");
        boolean boot = r.bootSummary != null;
        if (boot) {
            t.number(forText ? "boot se" : "boot_se", 4).number(forText ? "robust sd" : "boot_robust_sd", 4)
                    .number(forText ? "boot low" : "boot_low", 5).number(forText ? "boot high" : "boot_high", 5);
        }
        if (forText) {
            t.string("");
        } else {
            t.bool("at_bound");
        }
        for (int j = 0; j < r.names.size(); j++) {
            double se = r.se(j);
            double[] ci = r.interval(j);
            double v = r.values[j];
            List<Object> row = new ArrayList<>(List.of(r.names.get(j), v));
            row.add(se);
            row.add(100 * se / Math.abs(v));
            row.add(v / se);
            row.add(ci[0]);
            row.add(ci[1]);
            row.add(r.intervalScale(j).word);
            if (boot) {
                Spread sp = r.bootSummary[j];
                row.addAll(List.of(sp.sd(), sp.robust(), sp.low(), sp.high()));
            }
            row.add(forText ? (r.atBound[j] ? "at bound" : "") : (Object) r.atBound[j]);
            t.row(row);
        }
        if (r.scaleName() != null) {
            t.row(scaleRow(r, boot, forText));
        }
        return t;
    }

    /** A likelihood fit's scale as a parameter row: its interval on the log scale, as fitted. */
    private static List<Object> scaleRow(FitResult r, boolean boot, boolean forText) {
        double v = r.scale();
        double se = v * r.scaleLogSe();
        double t = r.unc.tQuantile();
        List<Object> row = new ArrayList<>(List.of(r.scaleName(), v, se, 100 * se / v, v / se,
                v * Math.exp(-t * r.scaleLogSe()), v * Math.exp(t * r.scaleLogSe()), "log"));
        if (boot) {
            row.addAll(List.of(Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
        row.add(forText ? "" : (Object) false);
        return row;
    }

    /** How the standard errors were computed: {@code scaled J'J}, {@code sandwich} or Huber's expected Hessian. */
    static String seMethod(FitResult r) {
        if (Uncertainty.EXPECTED_HESSIAN.equals(r.unc.method()) || LikelihoodFit.METHOD.equals(r.unc.method())) {
            return r.unc.method();
        }
        return r.squared() ? "scaled_jtj" : "sandwich";
    }

    /** The line saying how the standard errors and intervals were computed. */
    static String methodLine(FitResult r) {
        StringBuilder b = new StringBuilder("standard errors: ");
        b.append(LikelihoodFit.METHOD.equals(r.unc.method())
                ? "the inverse expected information of the likelihood at the estimate, sigma^2 / E[psi^2] (J'WJ)^-1 x n / (n - p) "
                + "and 1 / (n E[(psi z - 1)^2]) for log " + r.scaleName()
                : r.squared() ? "s^2 (J'WJ)^-1, scaled by the residual variance s^2 = sum w r^2 / (n - p)"
                : Uncertainty.EXPECTED_HESSIAN.equals(r.unc.method())
                ? "Huber's sandwich E[psi']^-2 A^-1 B A^-1 with the expected Hessian (few residuals inside the "
                + "robust loss's quadratic zone), scaled by n / (n - p)"
                : "sandwich H^-1 B H^-1 (robust loss), scaled by n / (n - p)");
        b.append("; 95% intervals: t(").append(r.unc.dof()).append(") = ").append(Fmt.num(r.unc.tQuantile(), 4));
        b.append(scales(r));
        if (r.bootSummary != null) {
            b.append("; bootstrap: ").append(r.bootstrap.length).append(" resamples, 2.5 and 97.5% percentiles");
        }
        return b.toString();
    }

    /**
     * Which scale each parameter's interval is on, grouped: {@code , on the log scale of p - lo (as
     * fitted, p = lo + exp(u)) for A, B; on the logit scale ... for alpha; value +- t se for x}.
     */
    private static String scales(FitResult r) {
        java.util.Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        for (String g : SCALE_WORDS) {
            groups.put(g, new ArrayList<>());
        }
        for (int j = 0; j < r.names.size(); j++) {
            groups.get(scaleWords(r, j)).add(r.names.get(j));
        }
        List<String> parts = new ArrayList<>();
        groups.forEach((words, names) -> {
            if (!names.isEmpty()) {
                parts.add(words + " for " + String.join(", ", names));
            }
        });
        return parts.isEmpty() ? "" : ", " + String.join("; ", parts);
    }

    /** How the report line describes each scale, in the order it lists them. */
    private static final List<String> SCALE_WORDS = List.of(
            "on the log scale of p - lo (as fitted, p = lo + exp(u))",
            "on the log scale of hi - p (as fitted, p = hi - exp(u))",
            "on the logit scale of (p - lo) / (hi - lo) by the delta method (fitted as p itself within [lo, hi])",
            "value +- t se cut at the bound the estimate sits on",
            "value +- t se");

    private static String scaleWords(FitResult r, int j) {
        return switch (r.intervalScale(j)) {
            case LOG -> SCALE_WORDS.get(r.transforms[j].lo() != Double.NEGATIVE_INFINITY ? 0 : 1);
            case LOGIT -> SCALE_WORDS.get(2);
            case CLIPPED -> SCALE_WORDS.get(3);
            case LINEAR -> SCALE_WORDS.get(4);
        };
    }

    /** The text report. */
    static String text(FitResult r) {
        StringBuilder b = new StringBuilder(r.header).append('\n');
        b.append(parameters(r, true).text("  ")).append('\n');
        if (r.unc.reason() != null) {
            b.append("  no standard errors: ").append(r.unc.reason()).append('\n');
        } else {
            b.append("  ").append(methodLine(r)).append('\n');
            String overflow = r.unc.overflow(r.names, r.values);
            if (overflow != null) {
                b.append("  ").append(overflow).append('\n');
            }
        }
        b.append("  ").append(r.scaleName() != null ? "-logL " : "objective ").append(Fmt.num(r.stats.get("objective"), 8))
                .append("   rmse ").append(Fmt.num(r.stats.get("rmse"), 5))
                .append("   r2 ").append(Fmt.num(r.stats.get("r2"), 6))
                .append("   aic ").append(Fmt.num(r.stats.get("aic"), 6))
                .append("   bic ").append(Fmt.num(r.stats.get("bic"), 6)).append('\n');
        if (r.stats.containsKey("reduced_chi_square")) {
            b.append("  chi-square ").append(Fmt.num(r.stats.get("chi_square"), 5)).append(" (sum of w r^2)   reduced ")
                    .append(Fmt.num(r.stats.get("reduced_chi_square"), 5)).append(" (on ").append(r.unc.dof())
                    .append(" degrees of freedom)\n");
        }
        b.append("  ").append(r.stop.text()).append(" after ").append(r.best.iterations()).append(" iterations, ")
                .append(r.best.evaluations()).append(" evaluations (best start #").append(r.best.start() + 1).append(")\n");
        b.append("  condition number ").append(Fmt.num(r.unc.condition(), 3)).append('\n');
        List<String> pairs = new ArrayList<>();
        for (int[] jk : correlated(r)) {
            pairs.add(r.names.get(jk[0]) + "~" + r.names.get(jk[1]) + " " + String.format(Locale.ROOT, "%+.3f",
                    r.correlation(jk[0], jk[1])));
        }
        if (!pairs.isEmpty()) {
            b.append("  correlations above ").append(Fmt.num(CORRELATION_SHOWN)).append(": ")
                    .append(String.join(", ", pairs)).append('\n');
        }
        b.append("  ").append(OptimaReport.line(r)).append('\n');
        String optima = OptimaReport.table(r);
        if (optima != null) {
            b.append(optima).append('\n');
        }
        if (r.replicates != null) {
            b.append("  ").append(BootReport.line(r.replicates, ((Number) r.options.get("seed")).longValue(),
                    "grid_minima".equals(r.options.get("screen")))).append('\n');
        }
        b.append("  data ").append(r.dataName).append(r.dataFile() == null ? "" : " (" + r.dataFile() + ")").append(", ")
                .append(r.dataHash);
        return b.toString();
    }

    /** The pairs {j, k} whose correlation is at least {@link #CORRELATION_SHOWN} in size, largest first. */
    static List<int[]> correlated(FitResult r) {
        List<int[]> out = new ArrayList<>();
        for (int j = 0; j < r.names.size(); j++) {
            for (int k = j + 1; k < r.names.size(); k++) {
                if (Math.abs(r.correlation(j, k)) >= CORRELATION_SHOWN) {
                    out.add(new int[] {j, k});
                }
            }
        }
        out.sort((a, c) -> Double.compare(Math.abs(r.correlation(c[0], c[1])), Math.abs(r.correlation(a[0], a[1]))));
        return out;
    }

    /** The JSON twin (see {@code fit} in docs/schema/law.output-1.schema.json). */
    static ObjectNode json(FitResult r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("name", r.name());
        o.put("statement", r.header);
        o.set("parameters", parameters(r, false).json());
        ObjectNode se = o.putObject("standard_errors");
        se.put("method", r.unc.reason() != null ? "none" : seMethod(r));
        se.put("description", r.unc.reason() != null ? "no standard errors: " + r.unc.reason() : methodLine(r));
        ObjectNode iv = o.putObject("intervals");
        iv.put("level", 0.95);
        iv.put("distribution", "t");
        iv.put("dof", r.unc.dof());
        iv.set("t", Json.number(r.unc.tQuantile()));
        if (r.bootSummary != null) {
            o.set("bootstrap", BootReport.json(r.replicates, r.bootSummary, r.names, "grid_minima".equals(r.options.get("screen"))).put("level", 0.95)
                    .put("method", "percentile"));
        }
        ObjectNode st = o.putObject("stats");
        r.stats.forEach((k, x) -> st.set(k, COUNTS.contains(k) ? Json.count(x) : Json.number(x)));
        ObjectNode conv = o.putObject("convergence");
        conv.put("stop", r.stop.name().toLowerCase(Locale.ROOT));
        conv.put("converged", r.stop.converged());
        conv.put("message", r.stop.text());
        conv.put("iterations", r.best.iterations());
        conv.put("evaluations", r.best.evaluations());
        conv.put("best_start", r.best.start() + 1);
        conv.set("condition_number", Json.number(r.unc.condition()));
        if (r.unc.reason() != null) {
            o.put("uncertainty_unavailable", r.unc.reason());
        }
        if (r.unc.overflow(r.names, r.values) != null) {
            o.put("uncertainty_overflow", r.unc.overflow(r.names, r.values));
        }
        if (r.unc.covariance() != null) {
            o.set("covariance", Json.matrix(r.names, r.unc.covariance(), true));
        }
        if (r.unc.correlation() != null) {
            double[][] c = new double[r.names.size()][r.names.size()];
            for (int j = 0; j < c.length; j++) {
                for (int k = 0; k < c.length; k++) {
                    c[j][k] = r.correlation(j, k);
                }
            }
            o.set("correlation", Json.matrix(r.names, c, true));
        }
        o.set("options", options(r));
        o.put("data_hash", r.dataHash);
        ObjectNode data = o.putObject("data").put("name", r.dataName).put("source", r.dataSource).put("hash", r.dataHash);
        if (r.dataFile() != null) {
            data.put("file", r.dataFile());
        }
        o.set("starts", OptimaReport.json(r));
        return o;
    }

    private static ObjectNode options(FitResult r) {
        ObjectNode opt = JsonNodeFactory.instance.objectNode();
        r.options.forEach((k, v) -> {
            if (v instanceof Integer || v instanceof Long) {
                opt.set(k, Json.count(((Number) v).doubleValue()));
            } else if (v instanceof Number n) {
                opt.set(k, Json.number(n.doubleValue()));
            } else {
                opt.put(k, String.valueOf(v));
            }
        });
        return opt;
    }
}
