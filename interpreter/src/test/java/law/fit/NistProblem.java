package law.fit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One problem of the NIST StRD nonlinear regression suite, read from NIST's own {@code .dat} file
 * (test resource {@code nist/NAME.dat}: starts, certified values, data) and the model written in
 * {@code .law} syntax ({@code nist/models.txt}), and turned into a {@code .law} spec.
 *
 * @param name      NIST's name, e.g. {@code Misra1a}
 * @param vars      the law's variables (data columns), e.g. {@code [x]}
 * @param target    the fitted target expression ({@code y}, or {@code log(y)} for Nelson)
 * @param body      the law's body in {@code .law} syntax
 * @param params    the parameter names, {@code b1 ... bk}
 * @param starts    NIST's two starts, as written in the file, {@code starts[s][j]}
 * @param certified the certified parameter values
 * @param certifiedSe the certified standard deviations of the estimates
 * @param rss       the certified residual sum of squares
 * @param columns   the data columns as NIST names them ({@code y} first)
 * @param rows      the data rows, cells as written in the file
 */
record NistProblem(String name, List<String> vars, String target, String body, List<String> params, String[][] starts,
                   double[] certified, double[] certifiedSe, double rss, List<String> columns, List<String[]> rows) {

    /** The number of significant digits of NIST's certified values: no result can agree to more. */
    static final double MAX_LRE = 11;

    private static final Pattern PARAM = Pattern.compile("\\s*(b\\d+)\\s*=\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*");
    private static final Pattern DATA = Pattern.compile("Data:\\s+y\\s.*");

    /** All 27 problems, in NIST's order (lower, average, then higher difficulty). */
    static List<NistProblem> all() {
        List<NistProblem> out = new ArrayList<>();
        for (String line : resource("models.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|");
            List<String> vars = Arrays.stream(f[1].split(",")).map(String::trim).toList();
            out.add(read(f[0].trim(), vars, f[2].trim(), f[3].trim()));
        }
        return out;
    }

    /** The problem called {@code name}. */
    static NistProblem named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static NistProblem read(String name, List<String> vars, String target, String body) {
        String[] lines = resource(name + ".dat").split("\r?\n");
        List<String> params = new ArrayList<>();
        List<String[]> starts = new ArrayList<>();
        List<Double> certified = new ArrayList<>();
        List<Double> se = new ArrayList<>();
        double rss = Double.NaN;
        int data = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = PARAM.matcher(lines[i]);
            if (m.matches()) {
                params.add(m.group(1));
                starts.add(new String[] {m.group(2), m.group(3)});
                certified.add(Double.parseDouble(m.group(4)));
                se.add(Double.parseDouble(m.group(5)));
            } else if (lines[i].startsWith("Residual Sum of Squares:")) {
                rss = Double.parseDouble(lines[i].substring(lines[i].indexOf(':') + 1).trim());
            } else if (DATA.matcher(lines[i]).matches()) {
                data = i;
            }
        }
        if (params.isEmpty() || Double.isNaN(rss) || data < 0) {
            throw new IllegalStateException(name + ".dat: no parameters, residual sum of squares or data");
        }
        List<String> columns = Arrays.asList(lines[data].trim().split("\\s+")).subList(1, lines[data].trim().split("\\s+").length);
        List<String[]> rows = new ArrayList<>();
        for (int i = data + 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(lines[i].trim().split("\\s+"));
            }
        }
        String[][] st = new String[2][params.size()];
        for (int j = 0; j < params.size(); j++) {
            st[0][j] = starts.get(j)[0];
            st[1][j] = starts.get(j)[1];
        }
        return new NistProblem(name, vars, target, body, List.copyOf(params), st,
                certified.stream().mapToDouble(Double::doubleValue).toArray(),
                se.stream().mapToDouble(Double::doubleValue).toArray(), rss, List.copyOf(columns), rows);
    }

    private static String resource(String file) {
        try (InputStream in = NistProblem.class.getResourceAsStream("/nist/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource nist/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code .law} spec fitting this problem from NIST's start {@code start} (1 or 2): the law
     * with unbounded parameters, the data as an inline table, and a fit whose only option is the
     * start, plus {@code extra} option lines (e.g. {@code method = lbfgs}).
     */
    String spec(int start, String... extra) {
        StringBuilder b = new StringBuilder();
        b.append("law ").append(name).append('(').append(String.join(", ", vars)).append(") = ").append(body).append(" {\n");
        for (String p : params) {
            b.append("  ").append(p).append(": \"NIST parameter ").append(p).append("\"\n");
        }
        b.append("}\n");
        b.append("data nist = table {\n  ").append(String.join(", ", columns)).append('\n');
        for (String[] r : rows) {
            b.append("  ").append(String.join(", ", Arrays.stream(r).map(NistProblem::number).toList())).append('\n');
        }
        b.append("}\n");
        b.append("fit f = ").append(name).append('(').append(String.join(", ", vars)).append(") ~ ").append(target)
                .append(" in nist {\n  start = {");
        for (int j = 0; j < params.size(); j++) {
            b.append(j == 0 ? "" : ", ").append(params.get(j)).append(" = ").append(starts[start - 1][j]);
        }
        b.append("}\n");
        for (String e : extra) {
            b.append("  ").append(e).append('\n');
        }
        b.append("}\n");
        return b.toString();
    }

    /** A cell as a {@code .law} number: NIST writes {@code .591E0}, which needs its leading 0. */
    private static String number(String cell) {
        return cell.replaceFirst("^(-?)\\.", "$10.");
    }

    /**
     * How a fit agreed with the certified values, in correct digits (log relative errors).
     *
     * @param params the fewest correct digits over the parameters
     * @param rss    correct digits of the residual sum of squares
     * @param se     the fewest correct digits over the standard errors (0 when there are none)
     * @param errors the fit's errors and warnings ({@code "CODE message"}), empty when there were none
     * @param method the method that ran, as the fit reports it ({@code auto (lm)}), or "" when
     *               the fit failed
     */
    record Digits(double params, double rss, double se, List<String> errors, String method) {
        /** Whether the fit gave an answer and neither an error nor a warning: it claims to be right. */
        boolean silent() {
            return errors.isEmpty() && !method.isEmpty();
        }

        /** The stable codes of the errors and warnings, e.g. {@code [L0605]}. */
        List<String> codes() {
            return errors.stream().map(e -> e.split(" ", 2)[0]).toList();
        }
    }

    /** Runs {@link #spec} in a fresh session on one thread and measures it against the certified values. */
    Digits fit(int start, String... extra) {
        law.session.Session s = FitFixtures.session(1);
        law.session.Outcome o = FitFixtures.run(s, spec(start, extra));
        List<String> errors = o.diagnostics().stream().filter(d -> d.severity() != law.diag.Severity.NOTE)
                .map(d -> d.code().id() + " " + d.message()).toList();
        if (o.hasErrors() || s.env().get("f") == null) {
            return new Digits(0, 0, 0, errors, "");
        }
        law.model.Law law = FitFixtures.law(s, "f");
        FitResult r = (FitResult) law.fitted();
        int m = this.params.size();
        double[] value = new double[m];
        double[] stdErr = new double[m];
        for (int j = 0; j < m; j++) {
            value[j] = law.values().get(this.params.get(j));
            stdErr[j] = r.se(r.parameterNames().indexOf(this.params.get(j)));
        }
        double params = 0;
        double se = 0;
        for (int[] perm : orders()) {
            double pd = MAX_LRE;
            double sd = MAX_LRE;
            for (int j = 0; j < m; j++) {
                pd = Math.min(pd, lre(value[perm[j]], certified[j]));
                sd = Math.min(sd, lre(stdErr[perm[j]], certifiedSe[j]));
            }
            if (pd > params) {
                params = pd;
                se = sd;
            }
        }
        return new Digits(params, lre(2 * r.stats().get("objective"), rss), se, errors,
                String.valueOf(r.options().get("method")));
    }

    /**
     * The orders in which fitted parameters may be matched to the certified ones: the identity,
     * and for Lanczos's sum of three exponentials {@code b1 e^(-b2 x) + b3 e^(-b4 x) + b5 e^(-b6 x)}
     * every order of its three terms, which give the same law (a fit may reach the certified
     * optimum with its terms in another order; that is the same optimum).
     */
    private List<int[]> orders() {
        int[] identity = java.util.stream.IntStream.range(0, params.size()).toArray();
        if (!name.startsWith("Lanczos")) {
            return List.of(identity);
        }
        int[][] terms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        List<int[]> out = new java.util.ArrayList<>();
        for (int[] t : terms) {
            out.add(new int[]{2 * t[0], 2 * t[0] + 1, 2 * t[1], 2 * t[1] + 1, 2 * t[2], 2 * t[2] + 1});
        }
        return out;
    }

    /**
     * The log relative error: the number of leading digits in which {@code got} agrees with
     * {@code want}, {@code -log10(|got - want| / |want|)}, at most {@link #MAX_LRE} and at least 0
     * (0 also when {@code got} is not a number).
     */
    static double lre(double got, double want) {
        if (!Double.isFinite(got)) {
            return 0;
        }
        if (got == want) {
            return MAX_LRE;
        }
        double v = -Math.log10(Math.abs(got - want) / Math.abs(want));
        return Math.max(0, Math.min(MAX_LRE, v));
    }
}
