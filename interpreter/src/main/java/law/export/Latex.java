package law.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.expr.Printer;
import law.model.Law;
import law.report.Fmt;

/**
 * A fit's parameters as a LaTeX {@code table} with a booktabs {@code tabular}: estimate,
 * standard error, 95% confidence interval and, when bootstrapped, the bootstrap standard error
 * and percentile interval; the caption names the law, its form, the data and the fit options.
 * Needs the booktabs package.
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
        b.append("\\begin{table}[htbp]\n\\centering\n");
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
        b.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String caption(ParamTable t) {
        Law law = t.law();
        JsonNode fit = SavedFits.fitNode(law);
        String header = fit == null ? "" : fit.path("fit").asText("");
        int cut = header.indexOf("   (");
        StringBuilder c = new StringBuilder("Parameters of ")
                .append(code(cut > 0 ? header.substring(0, cut) : "fit " + law.name()))
                .append(", where ").append(code(law.signature() + " = " + Printer.print(law.body())));
        JsonNode data = fit == null ? null : fit.get("data");
        JsonNode stats = fit == null ? null : fit.get("stats");
        String source = data == null ? "" : data.path("source").asText("");
        if (!source.isEmpty()) {
            c.append("; data from ").append(code(source));
        }
        if (stats != null && stats.has("points")) {
            c.append(", ").append(Fmt.num(stats.get("points").asDouble())).append(" points");
        }
        c.append('.');
        JsonNode options = fit == null ? null : fit.get("options");
        if (options != null) {
            List<String> opts = new ArrayList<>();
            for (String k : List.of("residual", "loss", "method", "seed")) {
                if (options.has(k)) {
                    JsonNode o = options.get(k);
                    opts.add(k + " " + (o.isNumber() ? Fmt.num(o.asDouble()) : o.asText()));
                }
            }
            c.append(" Fit: ").append(escape(String.join(", ", opts))).append('.');
        }
        Map<String, Double> fixed = t.fixed();
        if (!fixed.isEmpty()) {
            List<String> f = new ArrayList<>();
            fixed.forEach((k, v) -> f.add(name(k) + " $= " + num(v).replace("$", "") + "$"));
            c.append(" Fixed: ").append(String.join(", ", f)).append('.');
        }
        c.append(" SE: standard error from the covariance matrix; CI: $\\pm t_{0.975}$ SE.");
        if (t.bootstrap()) {
            c.append(" Bootstrap: ").append(law.fitted().bootstrap().length)
                    .append(" resamples, 2.5--97.5\\% percentiles.");
        }
        if (fit != null && fit.has("data_hash")) {
            c.append(" Data hash ").append(code(fit.get("data_hash").asText())).append('.');
        }
        return c.toString();
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

    /** A number with 4 significant digits; powers of ten as {@code $1.23 \times 10^{-5}$}. */
    static String num(Double v) {
        if (v == null || Double.isNaN(v)) {
            return "--";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "$\\infty$" : "$-\\infty$";
        }
        String s = Fmt.num(v, DIGITS);
        int e = s.indexOf('e');
        if (e < 0) {
            return s.startsWith("-") ? "$" + s + "$" : s;
        }
        return "$" + s.substring(0, e) + " \\times 10^{" + s.substring(e + 1) + "}$";
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
