package law.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.eval.Render;
import law.model.Fitted;
import law.report.Fmt;

/**
 * What a fit attaches to its law: estimates, uncertainty, statistics, the spread of optima
 * across starts, the resolved options, the seed and the data hash; renders the report and its
 * JSON twin.
 */
public final class FitResult implements Fitted, Render.JsonRenderable {
    final String header;
    final List<String> names;
    final double[] values;
    final boolean[] atBound;
    final Uncertainty unc;
    final double[][] bootstrap;
    final Bootstrap.Replicates replicates;
    final Spread[] bootSummary;
    final Map<String, double[]> ranges;
    final Map<String, Double> stats = new LinkedHashMap<>();
    final Run best;
    final Stop stop;
    final int starts;
    final int reachedBest;
    final List<double[]> nextBest;
    final Map<String, Object> options;
    final String dataHash;
    final String dataName;
    final String dataSource;
    /** Per parameter, the lower end of a domain bounded below only ({@code p > lo}), else NaN. */
    final double[] lowerOnly;
    /** The observation noise for prediction intervals, or null. */
    final law.model.Noise noise;

    FitResult(String header, List<String> names, double[] values, boolean[] atBound, Uncertainty unc,
              Bootstrap.Replicates replicates, Map<String, double[]> ranges, Map<String, Double> stats, Run best,
              int starts, int reachedBest, List<double[]> nextBest, Map<String, Object> options, String dataHash,
              String dataName, String dataSource, double[] lowerOnly, law.model.Noise noise) {
        this.lowerOnly = lowerOnly;
        this.noise = noise;
        this.header = header;
        this.names = List.copyOf(names);
        this.values = values;
        this.atBound = atBound;
        this.unc = unc;
        this.replicates = replicates;
        this.bootstrap = replicates == null ? null : replicates.values();
        this.bootSummary = bootstrap == null ? null : Bootstrap.summary(bootstrap, names.size());
        this.ranges = ranges;
        this.stats.putAll(stats);
        this.best = best;
        this.stop = best.stop();
        this.starts = starts;
        this.reachedBest = reachedBest;
        this.nextBest = nextBest;
        this.options = options;
        this.dataHash = dataHash;
        this.dataName = dataName;
        this.dataSource = dataSource;
    }

    private long[] training;

    /** Records the keys of the fitted rows ({@link Fitted#rowKeys}), for {@code compare ... holdout}. */
    void training(long[] keys) {
        training = keys;
    }

    @Override
    public long[] trainingRows() {
        return training;
    }

    /** The first line of the report: {@code fit NAME = LAW(ARGS) ~ TARGET in DATA (n points, ...)}. */
    public String header() {
        return header;
    }

    /** Every option of the fit, resolved with its default ({@code seed}, {@code method}, ...). */
    public Map<String, Object> options() {
        return java.util.Collections.unmodifiableMap(options);
    }

    /** The estimate of parameter {@code j} (in {@link #parameterNames()} order). */
    public double value(int j) {
        return values[j];
    }

    /** How many starts the fit ran. */
    public int starts() {
        return starts;
    }

    /** How many starts reached the best optimum (objective within 1e-8 relative of the best). */
    public int reachedBest() {
        return reachedBest;
    }

    /**
     * The next-best optima the other starts reached, best first: {@code {objective above the
     * best, number of starts}}.
     */
    public List<double[]> nextBest() {
        return nextBest.stream().map(double[]::clone).toList();
    }

    /** Whether the estimate of parameter {@code j} sits on a bound of its domain. */
    public boolean atBound(int j) {
        return atBound[j];
    }

    /** Why the optimiser of the best start stopped. */
    public Stop stop() {
        return stop;
    }

    /** The hash of the fitted table ({@code Table.hash()}). */
    public String dataHash() {
        return dataHash;
    }

    /** The name of the fitted dataset. */
    public String dataName() {
        return dataName;
    }

    /** Where the fitted dataset came from: a file, {@code inline table} or {@code simulated}. */
    public String dataSource() {
        return dataSource;
    }

    @Override
    public List<String> parameterNames() {
        return names;
    }

    @Override
    public double[][] covariance() {
        return unc.covariance();
    }

    @Override
    public double[][] bootstrap() {
        return bootstrap;
    }

    @Override
    public law.model.Noise noise() {
        return noise;
    }

    /** The bootstrap's robust summaries of each parameter, or {@code null} without a bootstrap. */
    Spread[] spreads() {
        return bootSummary;
    }

    @Override
    public Map<String, double[]> variableRanges() {
        return ranges;
    }

    /** The standard error of parameter {@code j}, NaN when unknown. */
    public double se(int j) {
        return unc.covariance() == null ? Double.NaN : Math.sqrt(unc.covariance()[j][j]);
    }

    /** The correlation of parameters {@code j} and {@code k}, NaN when unknown. */
    public double correlation(int j, int k) {
        double[][] c = unc.covariance();
        return c == null ? Double.NaN : c[j][k] / Math.sqrt(c[j][j] * c[k][k]);
    }

    /** The uncertainty at the optimum. */
    public Uncertainty uncertainty() {
        return unc;
    }

    /**
     * The 95% interval of parameter {@code j}: {@code p +- t * se}, except for a parameter bounded
     * below only ({@code A > 0}), which the fit estimates as {@code lo + exp(u)}: there the
     * interval is {@code lo + (p - lo) * exp(+- t * se / (p - lo))}, which stays in the domain
     * and is asymmetric like the estimate's sampling distribution.
     */
    double[] interval(int j) {
        double se = se(j);
        double t = unc.tQuantile();
        double lo = lowerOnly == null ? Double.NaN : lowerOnly[j];
        double p = values[j];
        if (!Double.isNaN(lo) && p > lo && Double.isFinite(se)) {
            double d = p - lo;
            return new double[] {lo + d * Math.exp(-t * se / d), lo + d * Math.exp(t * se / d)};
        }
        return new double[] {p - t * se, p + t * se};
    }

    @Override
    public Map<String, Double> paramFields(String param) {
        int j = names.indexOf(param);
        if (j < 0) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        double se = se(j);
        out.put("se", se);
        double[] ci = interval(j);
        out.put("ci_low", ci[0]);
        out.put("ci_high", ci[1]);
        if (bootSummary != null) {
            out.put("boot_se", bootSummary[j].sd());
            out.put("boot_robust_sd", bootSummary[j].robust());
            out.put("boot_low", bootSummary[j].low());
            out.put("boot_high", bootSummary[j].high());
        }
        return out;
    }

    @Override
    public String residual() {
        return String.valueOf(options.get("residual"));
    }

    @Override
    public String target() {
        Object t = options.get("target");
        return t == null ? null : t.toString().replace("`", "");
    }

    @Override
    public Map<String, Double> stats() {
        return stats;
    }

    @Override
    public String report() {
        StringBuilder b = new StringBuilder(header).append('\n');
        int w = Math.max(5, names.stream().mapToInt(String::length).max().orElse(0));
        b.append(String.format("  %-" + w + "s  %14s  %12s  %29s%s%n", "param", "value", "se", "95% CI",
                bootSummary == null ? "" : String.format("  %12s  %12s  %29s", "boot se", "robust sd", "bootstrap 95%")));
        for (int j = 0; j < names.size(); j++) {
            double se = se(j);
            String ci = Double.isNaN(se) ? "-" : "(" + Fmt.num(interval(j)[0], 5) + ", "
                    + Fmt.num(interval(j)[1], 5) + ")";
            b.append(String.format("  %-" + w + "s  %14s  %12s  %29s", names.get(j), Fmt.num(values[j], 8),
                    Double.isNaN(se) ? "-" : Fmt.num(se, 4), ci));
            if (bootSummary != null) {
                b.append(String.format("  %12s  %12s  %29s", Fmt.num(bootSummary[j].sd(), 4),
                        Fmt.num(bootSummary[j].robust(), 4),
                        "(" + Fmt.num(bootSummary[j].low(), 5) + ", " + Fmt.num(bootSummary[j].high(), 5) + ")"));
            }
            b.append(atBound[j] ? "  at bound" : "").append('\n');
        }
        b.append("  objective ").append(Fmt.num(stats.get("objective"), 8))
                .append("   rmse ").append(Fmt.num(stats.get("rmse"), 5))
                .append("   r2 ").append(Fmt.num(stats.get("r2"), 6))
                .append("   aic ").append(Fmt.num(stats.get("aic"), 6))
                .append("   bic ").append(Fmt.num(stats.get("bic"), 6)).append('\n');
        b.append("  ").append(stop.text()).append(" after ").append(best.iterations()).append(" iterations, ")
                .append(best.evaluations()).append(" evaluations (best start #").append(best.start() + 1).append(")\n");
        if (unc.reason() != null) {
            b.append("  no standard errors: ").append(unc.reason()).append('\n');
        }
        b.append("  condition number ").append(Fmt.num(unc.condition(), 3)).append('\n');
        List<String> pairs = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            for (int k = j + 1; k < names.size(); k++) {
                double r = correlation(j, k);
                if (Math.abs(r) > 0.95) {
                    pairs.add(names.get(j) + "~" + names.get(k) + " " + Fmt.num(r, 5));
                }
            }
        }
        if (!pairs.isEmpty()) {
            b.append("  strongly correlated: ").append(String.join(", ", pairs)).append('\n');
        }
        b.append("  starts: ").append(starts).append(" (").append(Fmt.num(stats.get("total_evaluations"), 10))
                .append(" evaluations in all)").append(", ").append(reachedBest).append(" reached the best optimum");
        if (!nextBest.isEmpty()) {
            b.append("; next best:");
            for (double[] nb : nextBest) {
                b.append(" +").append(Fmt.num(nb[0], 3)).append(" (").append((int) nb[1]).append(")");
            }
        }
        b.append('\n');
        if (replicates != null) {
            b.append("  ").append(BootReport.line(replicates, ((Number) options.get("seed")).longValue())).append('\n');
        }
        b.append("  data ").append(dataHash);
        return b.toString();
    }

    @Override
    public JsonNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("fit", header);
        ArrayNode ps = o.putArray("parameters");
        for (int j = 0; j < names.size(); j++) {
            ObjectNode po = ps.addObject();
            po.put("name", names.get(j));
            po.set("value", Render.number(values[j]));
            paramFields(names.get(j)).forEach((k, x) -> po.set(k, Render.number(x)));
            po.put("at_bound", atBound[j]);
        }
        ObjectNode st = o.putObject("stats");
        stats.forEach((k, x) -> st.set(k, Render.number(x)));
        o.put("stop", stop.name().toLowerCase(java.util.Locale.ROOT));
        o.put("convergence", stop.text());
        if (unc.reason() != null) {
            o.put("uncertainty_unavailable", unc.reason());
        }
        if (unc.covariance() != null) {
            ArrayNode cov = o.putArray("covariance");
            for (double[] row : unc.covariance()) {
                ArrayNode r = cov.addArray();
                for (double x : row) {
                    r.add(Render.number(x));
                }
            }
        }
        ObjectNode opt = o.putObject("options");
        options.forEach((k, v) -> {
            if (v instanceof Number n) {
                opt.set(k, Render.number(n.doubleValue()));
            } else {
                opt.put(k, String.valueOf(v));
            }
        });
        o.put("data_hash", dataHash);
        o.putObject("data").put("name", dataName).put("source", dataSource);
        o.put("starts", starts);
        o.put("reached_best", reachedBest);
        if (replicates != null) {
            o.set("bootstrap", BootReport.json(replicates, bootSummary, names));
        }
        return o;
    }
}
