package law.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.data.InlineTable;
import law.data.RowNumbering;
import law.data.Table;
import law.dataset.Dataset;
import law.eval.Render;
import law.eval.Value;
import law.report.Fmt;
import law.report.Tabular;

/**
 * The value of a {@code rollout}: one prediction per observation of every predicted rung, each
 * made by a refit on the rungs below it, and a summary. It prints as a table, stands for that
 * table where a dataset is wanted ({@code r.rows}, {@code export r -> "r.csv"}), has fields
 * {@code r.coverage}, {@code r.median_abs_rel_error}, ... and is drawn by {@code plot r}.
 */
public final class Rollout implements Value.Other, Dataset.Provider, Render.JsonRenderable {
    /**
     * One observation of a predicted rung.
     *
     * @param rung       the predicted rung's number (1 = the smallest value of the column)
     * @param rungValue  the ordering column's value there
     * @param ahead      how many rungs above the refit's largest it lies (1 = the next)
     * @param trainRungs how many rungs the refit used
     * @param trainRows  how many rows the refit used (after the fit's {@code where})
     * @param variables  the law's variables at the observation, in the order of {@link #variables()}
     * @param observed   the observed target
     * @param predicted  the refit's prediction ({@code NaN} when the refit failed)
     * @param low        the prediction interval's lower end ({@code NaN} without one)
     * @param high       its upper end
     * @param method     how the interval was computed, or {@code null}
     * @param undetermined the parameters the refit's prefix cannot determine (empty when it determines
     *                   them all): the prediction is then one of many equally good ones, has no
     *                   interval and is left out of the summary's figures
     */
    public record Prediction(int rung, double rungValue, int ahead, int trainRungs, int trainRows, double[] variables,
                             double observed, double predicted, double low, double high, String method,
                             List<String> undetermined) {
        /** Whether the refit determined every parameter, so the prediction is the prefix's own. */
        public boolean determined() {
            return undetermined.isEmpty();
        }

        /** The prediction minus the observation, in the target's units. */
        public double error() {
            return predicted - observed;
        }

        /** The error relative to the observation. */
        public double relativeError() {
            return (predicted - observed) / observed;
        }

        /** {@code ln predicted - ln observed} ({@code NaN} when either is not positive). */
        public double logError() {
            return predicted > 0 && observed > 0 ? Math.log(predicted) - Math.log(observed) : Double.NaN;
        }

        /** Whether the observation lies inside the prediction interval ({@code null} without one). */
        public Boolean inside() {
            return Double.isNaN(low) || Double.isNaN(high) ? null : observed >= low && observed <= high;
        }
    }

    private final String fit;
    private final String by;
    private final String target;
    private final List<String> variables;
    private final int ahead;
    private final int minRungs;
    private final double level;
    private final double[] rungs;
    private final List<Prediction> predictions;
    private final Dataset table;

    Rollout(String fit, String by, String target, List<String> variables, int ahead, int minRungs, double level,
            double[] rungs, List<Prediction> predictions) {
        this.fit = fit;
        this.by = by;
        this.target = target;
        this.variables = List.copyOf(variables);
        this.ahead = ahead;
        this.minRungs = minRungs;
        this.level = level;
        this.rungs = rungs.clone();
        this.predictions = List.copyOf(predictions);
        this.table = build();
    }

    /** The fit's name. */
    public String fit() {
        return fit;
    }

    /** The ordering column. */
    public String by() {
        return by;
    }

    /** The fit's target as written ({@code L}). */
    public String target() {
        return target;
    }

    /** The fitted law's variables. */
    public List<String> variables() {
        return variables;
    }

    /** The level of the prediction intervals. */
    public double level() {
        return level;
    }

    /** The predictions, by rung, then ahead, then row. */
    public List<Prediction> predictions() {
        return predictions;
    }

    /** The distinct values of the ordering column, ascending. */
    public double[] rungs() {
        return rungs.clone();
    }

    /** The predictions with a value (their refit succeeded). */
    private List<Prediction> made() {
        return predictions.stream().filter(p -> !Double.isNaN(p.predicted())).toList();
    }

    /** The predictions the summary's errors are of: made by a refit that determined every parameter. */
    private List<Prediction> scored() {
        return made().stream().filter(Prediction::determined).toList();
    }

    /** How many predictions come from a refit that cannot determine every parameter. */
    private long undetermined() {
        return made().stream().filter(p -> !p.determined()).count();
    }

    /** Observations inside their prediction intervals, and observations with one. */
    int[] coverage() {
        int in = 0;
        int total = 0;
        for (Prediction p : predictions) {
            if (p.inside() != null) {
                total++;
                in += p.inside() ? 1 : 0;
            }
        }
        return new int[] {in, total};
    }

    private double median(java.util.function.ToDoubleFunction<Prediction> f) {
        double[] xs = scored().stream().mapToDouble(f).filter(Double::isFinite).sorted().toArray();
        if (xs.length == 0) {
            return Double.NaN;
        }
        return xs.length % 2 == 1 ? xs[xs.length / 2] : 0.5 * (xs[xs.length / 2 - 1] + xs[xs.length / 2]);
    }

    private double max(java.util.function.ToDoubleFunction<Prediction> f) {
        return scored().stream().mapToDouble(f).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    private double rms(java.util.function.ToDoubleFunction<Prediction> f) {
        double[] xs = scored().stream().mapToDouble(f).filter(Double::isFinite).toArray();
        return xs.length == 0 ? Double.NaN : Math.sqrt(Arrays.stream(xs).map(x -> x * x).sum() / xs.length);
    }

    /** The summary figures, as fields and in JSON. */
    private Map<String, Double> summary() {
        Map<String, Double> s = new LinkedHashMap<>();
        int[] cov = coverage();
        s.put("predictions", (double) predictions.size());
        s.put("failed", (double) (predictions.size() - made().size()));
        s.put("undetermined", (double) undetermined());
        s.put("median_abs_rel_error", median(p -> Math.abs(p.relativeError())));
        s.put("max_abs_rel_error", max(p -> Math.abs(p.relativeError())));
        s.put("rms_log_error", rms(Prediction::logError));
        s.put("covered", (double) cov[0]);
        s.put("with_interval", (double) cov[1]);
        s.put("coverage", cov[1] == 0 ? Double.NaN : (double) cov[0] / cov[1]);
        return s;
    }

    /** The table's columns: the rung's figures, the law's other variables, then the prediction's. */
    private List<String> header() {
        List<String> h = new ArrayList<>(List.of("rung", by, "ahead", "train_rungs", "train_rows"));
        for (String v : variables) {
            if (!h.contains(v)) {
                h.add(v);
            }
        }
        h.addAll(List.of("observed", "predicted", "error", "rel_error", "log_error", "pi_low", "pi_high", "inside"));
        if (undetermined() > 0) {
            h.add("undetermined");
        }
        return h;
    }

    private List<Object> cells(Prediction p) {
        List<Object> row = new ArrayList<>(List.of(p.rung(), p.rungValue(), p.ahead(), p.trainRungs(), p.trainRows()));
        List<String> shown = new ArrayList<>(List.of("rung", by, "ahead", "train_rungs", "train_rows"));
        for (int i = 0; i < variables.size(); i++) {
            if (!shown.contains(variables.get(i))) {
                shown.add(variables.get(i));
                row.add(p.variables()[i]);
            }
        }
        row.addAll(List.of(p.observed(), p.predicted(), p.error(), p.relativeError(), p.logError(), p.low(), p.high()));
        row.add(p.inside() == null ? Double.NaN : p.inside() ? 1.0 : 0.0);
        if (undetermined() > 0) {
            row.add(String.join(" ", p.undetermined()));
        }
        return row;
    }

    private Dataset build() {
        List<List<Object>> rows = new ArrayList<>();
        for (Prediction p : predictions) {
            List<Object> row = new ArrayList<>();
            for (Object o : cells(p)) {
                row.add(o instanceof Integer i ? (double) i : o);
            }
            rows.add(row);
        }
        int[] numbers = new int[rows.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i + 1;
        }
        Table t = InlineTable.of("rollout", header(), rows, numbers, RowNumbering.ROW);
        return new Dataset("rollout", t, List.of(), "rollout " + fit + " by " + by);
    }

    private Tabular tabular() {
        Tabular t = new Tabular();
        for (String h : header()) {
            switch (h) {
                case "rung", "ahead", "train_rungs", "train_rows" -> t.integer(h);
                case "inside" -> t.bool(h);
                case "undetermined" -> t.string(h);
                case "rel_error", "log_error" -> t.number(h, 3);
                default -> t.number(h, 4);
            }
        }
        for (Prediction p : predictions) {
            List<Object> row = cells(p);
            row.set(header().indexOf("inside"), p.inside());
            t.row(row);
        }
        return t;
    }

    /** The ways the prediction intervals were computed, as printed under the table. */
    private Set<String> methods() {
        Set<String> out = new LinkedHashSet<>();
        for (Prediction p : predictions) {
            if (p.method() != null) {
                out.add(p.method().replaceAll(" with noise sd [^ ,]+", "").replaceAll(", t\\(\\d+\\)", ", t(n - p)")
                        .replaceAll(": \\d+ replicates x \\d+", ": replicates x"));
            }
        }
        return out;
    }

    @Override
    public Dataset dataset() {
        return table;
    }

    @Override
    public String kind() {
        return "rollout";
    }

    @Override
    public String render() {
        Map<String, Double> s = summary();
        int[] cov = coverage();
        StringBuilder b = new StringBuilder("rollout " + fit + " by " + by + "   (" + rungs.length + " rungs of " + by
                + "; refits on the first " + minRungs + (rungs.length - 1 > minRungs ? " to " + (rungs.length - 1) : "")
                + ", each predicting the next "
                + (ahead == 1 ? "rung" : ahead + " rungs") + ")\n");
        b.append(tabular().text("  ")).append('\n');
        b.append("  ").append(Fmt.num(100 * level, 4)).append("% prediction intervals");
        Set<String> methods = methods();
        b.append(methods.isEmpty() ? ": none" : ": " + String.join("; ", methods)).append('\n');
        b.append("  median |rel. error| ").append(Fmt.num(100 * s.get("median_abs_rel_error"), 3)).append("%, max ")
                .append(Fmt.num(100 * s.get("max_abs_rel_error"), 3)).append("%, rms log error ")
                .append(Fmt.num(s.get("rms_log_error"), 3)).append(", inside the interval ").append(cov[0]).append('/')
                .append(cov[1]);
        if (s.get("failed") > 0) {
            b.append(", ").append(s.get("failed").intValue()).append(" not predicted (refit failed)");
        }
        if (s.get("undetermined") > 0) {
            b.append(", ").append(s.get("undetermined").intValue()).append(" from refits that cannot determine "
                    + "every parameter (undetermined: not in these figures)");
        }
        return b.toString();
    }

    @Override
    public Map<String, Value> fields() {
        Map<String, Value> out = new LinkedHashMap<>(table.fields());
        summary().forEach((k, v) -> out.put(k, Value.Scalar.of(v)));
        out.put("level", Value.Scalar.of(level));
        out.put("rungs", Value.Scalar.of(rungs.length));
        return out;
    }

    @Override
    public JsonNode json() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("fit", fit);
        o.put("by", by);
        o.put("target", target);
        o.put("ahead", ahead);
        o.put("min_rungs", minRungs);
        ObjectNode iv = o.putObject("interval");
        iv.put("kind", "prediction");
        iv.put("level", level);
        ArrayNode ms = iv.putArray("methods");
        methods().forEach(ms::add);
        ArrayNode rs = o.putArray("rungs");
        for (double r : rungs) {
            rs.add(r);
        }
        o.set("predictions", tabular().json());
        ArrayNode how = o.putArray("interval_methods");
        predictions.forEach(p -> how.add(p.method()));
        ObjectNode s = o.putObject("summary");
        summary().forEach((k, v) -> put(s, k, v));
        return o;
    }

    private static void put(ObjectNode o, String k, double v) {
        if (List.of("predictions", "failed", "undetermined", "covered", "with_interval").contains(k)) {
            o.put(k, (long) v);
        } else if (Double.isFinite(v)) {
            o.put(k, v);
        } else {
            o.putNull(k);
        }
    }
}
