package law.appendix;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Expr;
import law.ast.Stmt;
import law.eval.Ledger;
import law.fit.FitResult;
import law.model.Law;
import law.model.Param;

/**
 * The section of one fit: (Mis)Fitting's reporting items filled in from the fit statement, its
 * law, its data and what the fit recorded ({@link FitResult}'s public accessors).
 */
final class FitItems {
    private final Ledger.Fit fit;
    private final FitResult result;
    private final Stmt.Fit stmt;
    private final Law law;
    private final DataItems data;

    /**
     * @param fit  what the fit recorded
     * @param stmt the fit statement, or {@code null} when it cannot be found
     * @param law  the law fitted (the form; its body, docs, citation and parameter domains)
     * @param data the fitted dataset
     */
    FitItems(Ledger.Fit fit, Stmt.Fit stmt, Law law, DataItems data) {
        this.fit = fit;
        this.result = (FitResult) fit.result();
        this.stmt = stmt;
        this.law = law;
        this.data = data;
    }

    /** Whether the ledger's fit is one this builder understands. */
    static boolean handles(Ledger.Fit fit) {
        return fit.result() instanceof FitResult;
    }

    /**
     * The section: every item, in the order of the checklist; {@code constraints} are the
     * session's declared relations ({@code C = 6 * N * D}), of which those on the law's variables
     * are the compute accounting the queries used.
     */
    Appendix.Section section(List<Ledger.Extent> extents, java.util.Collection<law.model.Constraint> constraints) {
        List<Appendix.Item> items = new ArrayList<>();
        items.add(form());
        if (law != null) {
            items.add(data.variables(uses(), law.descriptions()));
            items.add(compute(constraints));
        }
        items.add(data.data((int) stat("points"), "fitted", result.dataHash()));
        items.add(ranges());
        items.add(data.dropped(excluded()));
        items.add(objective());
        items.add(optimizer());
        items.add(starts());
        items.add(parameters());
        items.add(uncertainty());
        items.add(quality());
        items.add(Extrapolations.item(extents));
        String name = fit.group().isEmpty() ? fit.name() : fit.name() + " [" + fit.group() + "]";
        return new Appendix.Section("fit", name, result.header(), items);
    }

    private double stat(String key) {
        Double v = result.stats().get(key);
        return v == null ? Double.NaN : v;
    }

    private String option(String key) {
        Object v = result.options().get(key);
        return v == null ? "" : String.valueOf(v).replaceAll("\\s+", " ");
    }

    private Appendix.Item form() {
        List<String> lines = new ArrayList<>();
        ObjectNode json = Items.object();
        String model = stmt == null ? "" : stmt.model().span().text();
        lines.add(option("target") + " ~ " + model);
        json.put("target", option("target")).put("model", model);
        if (law != null) {
            lines.add(law.signature() + " = " + law.body());
            json.put("law", law.name()).put("body", law.body().toString());
            if (law.doc() != null) {
                lines.add(law.doc().replace("\n", " "));
            }
            if (law.cite() != null) {
                lines.add("source: " + law.cite());
            }
            json.set("doc", Items.text(law.doc()));
            json.set("cite", Items.text(law.cite()));
        }
        return Items.lines("form", "Functional form", json, lines);
    }

    /** Each law variable and the expression over the data it was given, then the target. */
    private Map<String, String> uses() {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> vars = law.vars();
        List<law.ast.Arg> args = stmt != null && stmt.model() instanceof Expr.Call c ? c.args() : List.of();
        for (int i = 0; i < vars.size(); i++) {
            out.put(vars.get(i), i < args.size() ? args.get(i).value().span().text() : vars.get(i));
        }
        out.put("(target)", option("target"));
        return out;
    }

    private Appendix.Item compute(java.util.Collection<law.model.Constraint> constraints) {
        List<String> lines = new ArrayList<>();
        ArrayNode json = Items.array();
        for (law.model.Constraint c : constraints) {
            if (c.symbols().stream().anyMatch(law.vars()::contains)) {
                String text = (c.name() == null ? "" : c.name() + ": ") + c.text();
                lines.add("constraint " + text + " (held by optimal queries)");
                json.add(text);
            }
        }
        if (lines.isEmpty()) {
            lines.add("no declared constraint relates " + String.join(", ", law.vars()));
        }
        return Items.lines("compute", "Compute accounting", json, lines);
    }

    private Appendix.Item ranges() {
        List<List<String>> rows = new ArrayList<>();
        ArrayNode json = Items.array();
        result.variableRanges().forEach((var, r) -> {
            double decades = Math.log10(r[1] / r[0]);
            String span = r[0] > 0 ? Items.num(r[1] / r[0]) + "x (" + Items.num(decades) + " decade"
                    + (decades == 1 ? ")" : "s)") : "";
            rows.add(List.of(var, Items.num(r[0]), Items.num(r[1]), span));
            ObjectNode o = json.addObject().put("variable", var);
            o.set("min", Items.number(r[0]));
            o.set("max", Items.number(r[1]));
        });
        return Items.grid("ranges", "Ranges of the fitted data", json, List.of("variable", "min", "max", "max/min"),
                rows);
    }

    private List<law.data.DropStep> excluded() {
        if (fit.where() == null) {
            return List.of();
        }
        return List.of(new law.data.DropStep("fit option where " + fit.where(), fit.excluded().length,
                "not fitted", fit.excluded()));
    }

    private Appendix.Item objective() {
        String loss = option("loss");
        String residual = option("residual");
        String weights = option("weights");
        String lik = option("likelihood");
        List<String> lines = List.of(lik.isEmpty()
                ? "loss " + loss + ", summed over the points" + ("squared".equals(loss) ? " (least squares)" : "")
                : "maximum likelihood: the " + lik + " density of the residuals with a fitted scale "
                + result.scaleName() + ", normalising constant included; minus the log-likelihood summed over the points",
                "residuals in " + residual + " space: " + ("log".equals(residual) ? "log(prediction) - log(" + option("target")
                        + ")" : "prediction - " + option("target")),
                "weights: " + weights);
        ObjectNode json = (lik.isEmpty() ? Items.object().put("loss", loss) : Items.object().put("likelihood", lik))
                .put("residual", residual).put("weights", weights)
                .put("reduction", "sum");
        return Items.lines("objective", "Loss and residuals", json, lines);
    }

    private Appendix.Item optimizer() {
        ObjectNode json = Items.object().put("method", option("method")).put("stop", result.stop().name()
                .toLowerCase(java.util.Locale.ROOT));
        json.set("tolerance", Items.number(Double.parseDouble(option("tolerance"))));
        json.put("max_iterations", option("max_iterations"));
        json.set("iterations", Items.number(stat("iterations")));
        json.set("evaluations", Items.number(stat("evaluations")));
        List<String> lines = List.of("method " + option("method") + ", relative tolerance "
                        + Items.num(Double.parseDouble(option("tolerance")))
                        + ", at most " + option("max_iterations") + " iterations per start",
                "best start: " + result.stop().text() + " after " + (long) stat("iterations") + " iterations, "
                        + (long) stat("evaluations") + " evaluations");
        return Items.lines("optimizer", "Optimiser", json, lines);
    }

    private Appendix.Item starts() {
        List<String> lines = new ArrayList<>();
        int screened = stat("screened") > 0 ? (int) stat("screened") : 0;
        lines.add("start " + option("start") + ": " + Items.count(result.starts(), "start") + ", "
                + (long) stat("total_evaluations") + " evaluations in all");
        if (screened > 0) {
            lines.add("screen = grid_minima: searched from " + result.searched() + ", "
                    + screened + " screened (a neighbouring start of the grid ranks lower); the optima below are "
                    + "those the searched starts reached");
        }
        lines.add(result.reachedBest() + " of " + result.starts() + " reached the best optimum"
                + (screened > 0 ? " (the " + screened + " screened were not searched)" : "") + ", one of "
                + result.optima().size() + (result.optima().size() == 1 ? " distinct optimum" : " distinct optima")
                + " (docs/fitting.md, Starts)");
        ArrayNode others = Items.array();
        for (double[] nb : result.nextBest()) {
            lines.add("another optimum " + Items.num(nb[0]) + " above the best, reached by "
                    + Items.count((int) nb[1], "start"));
            others.addObject().put("starts", (int) nb[1]).set("gap", Items.number(nb[0]));
        }
        ObjectNode json = Items.object().put("start", option("start")).put("starts", result.starts())
                .put("reached_best", result.reachedBest()).put("screened", screened);
        json.set("other_optima", others);
        return Items.lines("starts", "Starts", json, lines);
    }

    private Appendix.Item parameters() {
        List<List<String>> rows = new ArrayList<>();
        ArrayNode json = Items.array();
        List<String> names = result.parameterNames();
        for (int j = 0; j < names.size(); j++) {
            String p = names.get(j);
            Map<String, Double> f = result.paramFields(p);
            Param decl = law == null ? null : law.param(p);
            String domain = decl == null || decl.domain().describe().isEmpty() ? "any real" : decl.domain().describe();
            String boot = f.containsKey("boot_low") ? "(" + Items.num(f.get("boot_low")) + ", "
                    + Items.num(f.get("boot_high")) + ")" : "-";
            rows.add(List.of(p, Items.num(result.value(j)), Items.num(f.get("se")), "(" + Items.num(f.get("ci_low"))
                    + ", " + Items.num(f.get("ci_high")) + ")", boot, domain, result.atBound(j) ? "yes" : "no"));
            ObjectNode o = json.addObject().put("name", p);
            o.set("value", Items.number(result.value(j)));
            f.forEach((k, x) -> o.set(k, Items.number(x)));
            o.put("domain", domain).put("at_bound", result.atBound(j));
        }
        if (result.scaleName() != null) {
            double t = result.uncertainty().tQuantile();
            double v = result.scale();
            double se = result.scaleLogSe();
            rows.add(List.of(result.scaleName(), Items.num(v), Items.num(v * se), "(" + Items.num(v * Math.exp(-t * se))
                    + ", " + Items.num(v * Math.exp(t * se)) + ")", "-", "> 0 (the likelihood's scale)", "no"));
            ObjectNode o = json.addObject().put("name", result.scaleName()).put("scale", true);
            o.set("value", Items.number(v));
            o.set("log_se", Items.number(se));
        }
        if (law != null) {
            law.values().forEach((p, v) -> {
                if (!names.contains(p)) {
                    rows.add(List.of(p, Items.num(v), "-", "-", "-", "fixed", "-"));
                    ObjectNode o = json.addObject().put("name", p).put("fixed", true);
                    o.set("value", Items.number(v));
                }
            });
        }
        return Items.grid("parameters", "Parameters, bounds and active bounds", json,
                List.of("parameter", "estimate", "se", "95% CI", "bootstrap 95%", "bound", "at bound"), rows);
    }

    private Appendix.Item uncertainty() {
        law.fit.Uncertainty u = result.uncertainty();
        List<String> lines = new ArrayList<>();
        ObjectNode json = Items.object();
        if (u.se() == null) {
            lines.add("no covariance: " + u.reason());
            json.put("covariance", "none").put("reason", u.reason());
        } else {
            String how = !option("likelihood").isEmpty()
                    ? "inverse expected (Fisher) information of the " + option("likelihood") + " likelihood at the "
                    + "estimate, the law's block scaled by n / (n - p)"
                    : "squared".equals(option("loss"))
                    ? "asymptotic covariance s^2 (J^T W J)^-1 at the optimum (J: Jacobian of the residuals)"
                    : "sandwich covariance H^-1 B H^-1 at the optimum (H: Hessian of the objective), valid for "
                    + option("loss");
            lines.add(how);
            lines.add("95% intervals: estimate +- t(" + u.dof() + ") se = +- " + Items.num(u.tQuantile()) + " se; for a "
                    + "parameter bounded on one side, on the log scale of its distance to the bound; in an interval, on the logit "
                    + "scale of its position in it; at a bound, cut there");
            lines.add("condition number of the scaled information matrix " + Items.num(u.condition()));
            json.put("covariance", !option("likelihood").isEmpty() ? "expected_information"
                    : "squared".equals(option("loss")) ? "asymptotic" : "sandwich").put("dof", u.dof());
            json.set("condition", Items.number(u.condition()));
        }
        int boot = Integer.parseInt(option("bootstrap"));
        json.put("bootstrap", boot).put("seed", option("seed"));
        if (boot > 0) {
            long failed = java.util.Arrays.stream(result.bootstrap()).filter(r -> Double.isNaN(r[0])).count();
            lines.add("bootstrap: " + boot + " case-resampling replicates (seed " + option("seed") + "), each refitted "
                    + "from the optimum; " + failed + " failed; percentile intervals");
            json.put("bootstrap_failed", failed);
        } else {
            lines.add("no bootstrap");
        }
        return Items.lines("uncertainty", "Uncertainty", json, lines);
    }

    private Appendix.Item quality() {
        List<List<String>> rows = new ArrayList<>();
        ObjectNode json = Items.object();
        for (String k : List.of("objective", "rmse", "r2", "log_likelihood", "aic", "bic")) {
            rows.add(List.of(k, Items.num(stat(k))));
            json.set(k, Items.number(stat(k)));
        }
        return Items.grid("fit_statistics", "Fit statistics", json, List.of("statistic", "value"), rows);
    }
}
