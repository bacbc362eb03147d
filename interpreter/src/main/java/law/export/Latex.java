package law.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.model.Law;
import law.report.Fmt;

/**
 * A fit's parameters as a LaTeX {@code table} with a booktabs {@code tabular}: estimate,
 * standard error, 95% confidence interval and, when bootstrapped, the bootstrap standard error
 * and percentile interval; the short caption says what the table shows and how (see
 * {@link #caption}). Needs the booktabs package.
 */
final class Latex {
    /** Parameter names printed as Greek letters in math mode. */
    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
            "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi",
            "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega");
    /** Significant digits of estimates and interval ends. */
    private static final int DIGITS = 4;

    private Latex() {
    }

    /** The table as UTF-8 bytes. */
    static byte[] params(ParamTable t, String version) {
        StringBuilder b = new StringBuilder();
        b.append("% Written by law ").append(version).append(". Needs \\usepackage{booktabs}.\n");
        // with the bootstrap columns the table is wider than a column of a two-column paper: table*
        String env = t.bootstrap() ? "table*" : "table";
        b.append("\\begin{").append(env).append("}[htbp]\n\\centering\n\\setlength{\\tabcolsep}{4pt}\n");
        b.append("\\caption{").append(caption(t)).append("}\n");
        b.append("\\label{tab:").append(label(t.law().name())).append("}\n");
        b.append("\\begin{tabular}{l").append("r".repeat(t.bootstrap() ? 5 : 3)).append("}\n\\toprule\n");
        b.append("Parameter & Estimate & SE & 95\\% CI");
        if (t.bootstrap()) {
            b.append(" & Bootstrap SE & Bootstrap 95\\% CI");
        }
        b.append(" \\\\\n\\midrule\n");
        for (int i = 0; i < t.names().size(); i++) {
            Map<String, Double> r = t.rows().get(i);
            b.append(name(t.names().get(i))).append(" & ").append(num(r.get("value"))).append(" & ")
                    .append(num(r.get("se"))).append(" & ").append(interval(r.get("ci_low"), r.get("ci_high")));
            if (t.bootstrap()) {
                b.append(" & ").append(num(r.get("boot_se"))).append(" & ")
                        .append(interval(r.get("boot_low"), r.get("boot_high")));
            }
            b.append(" \\\\\n");
        }
        b.append("\\bottomrule\n\\end{tabular}\n\\end{").append(env).append("}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A short caption that says only what is true of this table: the fit (law, target, data file by
     * name with the start of its hash, never a directory), the loss and residuals, how the standard
     * errors were computed, on which scale each interval was taken, and the bootstrap.
     */
    static String caption(ParamTable t) {
        Law law = t.law();
        JsonNode fit = SavedFits.fitNode(law);
        JsonNode data = fit == null ? null : fit.path("data");
        JsonNode options = fit == null ? null : fit.path("options");
        String header = fit == null ? "" : fit.path("statement").asText("");
        int eq = header.indexOf(" = ");
        int tilde = header.indexOf(" ~ ");
        String model = eq > 0 && tilde > eq ? header.substring(eq + 3, tilde) : law.signature();
        StringBuilder c = new StringBuilder(code(law.name())).append(": ").append(code(model));
        if (options != null && options.has("target")) {
            c.append(" fitted to ").append(code(options.get("target").asText()));
        }
        String file = data == null ? "" : data.path("file").asText("");
        String hash = data == null ? "" : data.path("hash").asText(fit.path("data_hash").asText(""));
        if (!file.isEmpty() || !hash.isEmpty()) {
            c.append(" on ").append(file.isEmpty() ? escape(data.path("name").asText("the data")) : code(file));
            List<String> about = new ArrayList<>();
            JsonNode points = fit.path("stats").path("points");
            if (points.isNumber()) {
                about.add(points.asLong() + " points");
            }
            if (!hash.isEmpty()) {
                about.add(code(hash.length() > 19 ? hash.substring(0, 19) : hash));
            }
            c.append(about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
        }
        if (options != null && options.has("loss")) {
            c.append(", ").append(escape(options.path("residual").asText("linear"))).append(" residuals, ")
                    .append(escape(options.get("loss").asText())).append(" loss");
        }
        c.append(". SE: ").append(seWords(fit)).append('.');
        c.append(scales(t, fit));
        if (t.bootstrap()) {
            c.append(" Bootstrap: ").append(law.fitted().bootstrap().length).append(" resamples, percentile intervals.");
        }
        Map<String, Double> fixed = t.fixed();
        if (!fixed.isEmpty()) {
            List<String> f = new ArrayList<>();
            fixed.forEach((k, v) -> f.add(name(k) + " $= " + Fmt.num(v) + "$"));
            c.append(" Fixed: ").append(String.join(", ", f)).append('.');
        }
        return c.toString();
    }

    private static String seWords(JsonNode fit) {
        String method = fit == null ? "" : fit.path("standard_errors").path("method").asText("");
        return switch (method) {
            case "sandwich" -> "sandwich (robust loss)";
            case "scaled_jtj" -> "$s^2 (J^\\top J)^{-1}$";
            default -> "from the covariance matrix";
        };
    }

    /** {@code 95% CI: +- t_{235} SE on the log scale for A, B, E; on the logit scale for alpha; ... for x.} */
    private static String scales(ParamTable t, JsonNode fit) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String scale : List.of("log", "logit", "clipped", "linear")) {
            groups.put(scale, new ArrayList<>());
        }
        JsonNode rows = fit == null ? null : fit.path("parameters").path("rows");
        for (String p : t.names()) {
            String scale = "linear";
            if (rows != null) {
                for (JsonNode r : rows) {
                    scale = r.path("name").asText().equals(p) && groups.containsKey(r.path("ci_scale").asText())
                            ? r.path("ci_scale").asText() : scale;
                }
            }
            groups.get(scale).add(name(p));
        }
        String dof = fit == null ? "" : fit.path("intervals").path("dof").asText("");
        String tq = dof.isEmpty() ? "$\\pm t$ SE" : "$\\pm t_{" + dof + "}$ SE";
        Map<String, String> words = Map.of("log", " on the log scale", "logit", " on the logit scale",
                "clipped", " cut at the bound", "linear", "");
        List<String> parts = new ArrayList<>();
        groups.forEach((scale, names) -> {
            if (!names.isEmpty()) {
                parts.add(tq + words.get(scale) + " for " + String.join(", ", names));
            }
        });
        return " 95\\% CI: " + String.join("; ", parts) + '.';
    }

    /** A parameter name: Greek letters (optionally with a subscript, {@code alpha_N}) in math mode. */
    static String name(String n) {
        int u = n.indexOf('_');
        String head = u < 0 ? n : n.substring(0, u);
        if (GREEK.contains(head)) {
            String sub = u < 0 ? "" : "_{\\mathrm{" + escape(n.substring(u + 1)) + "}}";
            return "$\\" + head + sub + "$";
        }
        return escape(n);
    }

    /** A number with 4 significant digits, trailing zeros kept; powers of ten as {@code $1.230 \times 10^{-5}$}. */
    static String num(Double v) {
        if (v == null || Double.isNaN(v)) {
            return "--";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "$\\infty$" : "$-\\infty$";
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(DIGITS));
        int e = d.precision() - d.scale() - 1;
        if (e >= -3 && e < DIGITS + 1) {
            String plain = d.setScale(Math.max(0, d.scale()), java.math.RoundingMode.HALF_EVEN).toPlainString();
            return plain.startsWith("-") ? "$" + plain + "$" : plain;
        }
        String mantissa = d.movePointLeft(e).setScale(DIGITS - 1, java.math.RoundingMode.HALF_EVEN).toPlainString();
        return "$" + mantissa + " \\times 10^{" + e + "}$";
    }

    private static String interval(Double lo, Double hi) {
        if (lo == null || hi == null || Double.isNaN(lo) || Double.isNaN(hi)) {
            return "--";
        }
        return "[" + num(lo) + ", " + num(hi) + "]";
    }

    private static String code(String s) {
        return "\\texttt{" + escape(s) + "}";
    }

    /** Escapes LaTeX's special characters in text. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> b.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> b.append('\\').append(ch);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static String label(String name) {
        return "fit:" + name.replaceAll("[^A-Za-z0-9]+", "-");
    }
}
