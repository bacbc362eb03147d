package law.fit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.eval.Render;
import law.model.Fitted;

/**
 * What a fit attaches to its law: estimates, uncertainty, statistics, the spread of optima
 * across starts, the resolved options, the seed and the data hash; renders the report and its
 * JSON twin.
 */
public final class FitResult implements Fitted, Render.JsonRenderable, law.eval.AttachedFields {
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
    final Optima optima;
    final Map<String, Object> options;
    final String dataHash;
    final String dataName;
    final String dataSource;
    /** Per parameter its domain, which decides the scale of its interval ({@link IntervalScale}). */
    final Transform[] transforms;
    /** The observation noise for prediction intervals, or null. */
    final law.model.Noise noise;

    FitResult(String header, List<String> names, double[] values, boolean[] atBound, Uncertainty unc,
              Bootstrap.Replicates replicates, Map<String, double[]> ranges, Map<String, Double> stats, Run best,
              Optima optima, Map<String, Object> options, String dataHash,
              String dataName, String dataSource, Transform[] transforms, law.model.Noise noise) {
        this.transforms = transforms;
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
        this.optima = optima;
        this.options = options;
        this.dataHash = dataHash;
        this.dataName = dataName;
        this.dataSource = dataSource;
        if (squared() && unc.dof() > 0 && stats.containsKey("objective")) {
            double chi = 2 * stats.get("objective");
            this.stats.put("chi_square", chi);
            this.stats.put("reduced_chi_square", chi / unc.dof());
        }
    }

    private long[] training;
    /** A likelihood fit's scale: its name, value and the standard error of its log; null for a loss fit. */
    private String scaleName;
    private double scale = Double.NaN;
    private double scaleLogSe = Double.NaN;

    /** Records a likelihood fit's fitted scale {@code sigma} and the standard error of {@code log sigma}. */
    void scale(String name, double value, double logSe, Likelihood lik) {
        likelihood = lik;
        scaleName = name;
        scale = value;
        scaleLogSe = logSe;
    }

    private Likelihood likelihood;

    @Override
    public String likelihood() {
        return likelihood == null ? null : likelihood.describe();
    }

    @Override
    public double logDensity(double r) {
        return likelihood == null ? Double.NaN : likelihood.logDensity(r, scale);
    }

    /** The name of the likelihood's scale ({@code sigma}), or null for a loss fit. */
    public String scaleName() {
        return scaleName;
    }

    /** The fitted scale of a likelihood fit, NaN for a loss fit. */
    public double scale() {
        return scale;
    }

    /** The standard error of the log of the fitted scale (it is fitted as log sigma), NaN when unknown. */
    public double scaleLogSe() {
        return scaleLogSe;
    }

    /** Records the keys of the fitted rows ({@link Fitted#rowKeys}), for {@code compare ... holdout}. */
    void training(long[] keys) {
        training = keys;
    }

    @Override
    public long[] trainingRows() {
        return training;
    }

    private Refit refit;

    /** Records how to refit this fit on other rows of its data (ungrouped fits of a statement). */
    void refit(Refit r) {
        refit = r;
    }

    /** How to refit this fit's statement on other rows of its data, or {@code null} (a group, a saved fit). */
    public Refit refit() {
        return refit;
    }

    /** The fit's name: {@code NAME} of {@code fit NAME = ...}. */
    public String name() {
        int eq = header.indexOf(" = ");
        return header.startsWith("fit ") && eq > 4 ? header.substring(4, eq) : header;
    }

    /** {@code NAME.optima}: the table of distinct optima, best first ({@link OptimaReport#dataset}). */
    @Override
    public Map<String, law.eval.Value> attachedFields() {
        return Map.of("optima", OptimaReport.dataset(this));
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

    /** How many starts the fit had (under variable projection, fewer of them ran: {@link #optima()}). */
    public int starts() {
        return optima.starts();
    }

    /** How many starts reached the best optimum (see {@link Optima} for when two end points are one optimum). */
    public int reachedBest() {
        return optima.best().starts();
    }

    /** The optimizer runs a search descended from: neither screened nor not finite at their start. */
    public int searched() {
        return optima.searched();
    }

    /** The distinct local optima the starts ended at, best first, with how many starts reached each. */
    public List<Optima.Optimum> optima() {
        return optima.optima();
    }

    /** The optima with the counts of starts, optimizer runs, non-finite starts and projected parameters. */
    public Optima optimaSummary() {
        return optima;
    }

    /**
     * The next-best optima (at most three), best first: {@code {objective above the best, number of
     * starts}}.
     */
    public List<double[]> nextBest() {
        List<Optima.Optimum> all = optima.optima();
        return all.subList(1, Math.min(all.size(), 4)).stream()
                .map(o -> new double[] {o.objective() - all.get(0).objective(), o.starts()}).toList();
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

    /** Whether the fit minimised the squared loss (its covariance is the scaled J'WJ, not the sandwich). */
    boolean squared() {
        return "squared".equals(String.valueOf(options.get("loss")));
    }

    /** The scale parameter {@code j}'s interval is taken on ({@link IntervalScale}). */
    IntervalScale intervalScale(int j) {
        return IntervalScale.of(transforms[j], values[j], se(j));
    }

    /** The file name of the fitted data (without directories), or {@code null} for inline or simulated data. */
    String dataFile() {
        if (dataSource == null || dataSource.equals("inline table") || dataSource.equals("simulated")
                || dataSource.startsWith("isoflop ") || dataSource.startsWith("fit ")) {
            return null;
        }
        java.nio.file.Path f = java.nio.file.Path.of(dataSource).getFileName();
        return f == null ? dataSource : f.toString();
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

    /** The standard errors and correlations, kept where a variance has no double ({@link Uncertainty}). */
    @Override
    public law.model.Covariance errors() {
        return unc.se() == null ? null : new law.model.Covariance(unc.covariance(), unc.se(), unc.correlation());
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

    /** The standard error of parameter {@code j}, NaN when unknown or above the largest double. */
    public double se(int j) {
        return unc.se(j);
    }

    /** The correlation of parameters {@code j} and {@code k}, NaN when unknown. */
    public double correlation(int j, int k) {
        return unc.correlation(j, k);
    }

    /** The uncertainty at the optimum. */
    public Uncertainty uncertainty() {
        return unc;
    }

    /**
     * The 95% interval of parameter {@code j}, {@code estimate +- t se} on the scale its domain
     * gives it ({@link IntervalScale}: log of the distance to a one-sided bound, logit within an
     * interval, cut at the bound for an estimate on it), so it never leaves the domain.
     */
    double[] interval(int j) {
        return IntervalScale.interval(transforms[j], values[j], se(j), unc.tQuantile());
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
        return FitReport.text(this);
    }

    @Override
    public JsonNode json() {
        return FitReport.json(this);
    }
}
