package law.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Program;
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.diag.Span;
import law.eval.Context;
import law.eval.Failure;
import law.eval.Scope;
import law.eval.Value;
import law.expr.Expr;
import law.model.Domain;
import law.model.Law;
import law.model.Param;
import law.syntax.SpecParser;

/**
 * Reads one saved-fit document ({@link SavedFits#SCHEMA}) back into a fitted law, field by field in
 * the order the document is laid out, failing at the first malformed field with its JSON path
 * (L0807), then checking that the numbers are those of a fit ({@link SavedFitCheck}) and warning
 * when the content hash says the file was edited.
 */
final class SavedFitReader {
    private final JsonNode doc;
    private final Path path;
    private final String shown;
    private final Span at;
    private final Context ctx;
    private final JsonFields f = new JsonFields(this::malformed);

    SavedFitReader(JsonNode doc, Path path, String shown, Span at, Context ctx) {
        this.doc = doc;
        this.path = path;
        this.shown = shown;
        this.at = at;
        this.ctx = ctx;
    }

    /** The fitted law of the document. */
    Law law() {
        String name = f.text(doc, "name", "name");
        JsonNode form = f.object(doc, "form", "form");
        List<String> vars = f.strings(form, "variables", "form.variables");
        List<Param> params = params(form);
        Expr body = body(f.text(form, "body", "form.body"), vars, params);
        Map<String, Double> values = values();
        List<String> estimated = f.strings(doc, "estimated", "estimated");
        requireValues(values, estimated, params);
        int m = estimated.size();
        double[][] cov = doc.has("covariance") ? f.matrix(doc, "covariance", m, m) : null;
        double[][] rho = cov == null && doc.has("correlation") ? f.matrix(doc, "correlation", m, m) : null;
        double[][] boot = doc.has("bootstrap") ? f.matrix(doc, "bootstrap", -1, m) : null;
        Map<String, double[]> ranges = ranges(vars);
        Map<String, Map<String, Double>> fields = new LinkedHashMap<>();
        JsonNode fs = f.object(doc, "parameter_fields", "parameter_fields");
        for (String p : estimated) {
            fields.put(p, f.numbers(f.object(fs, p, "parameter_fields." + p), "parameter_fields." + p));
        }
        Map<String, Double> stats = f.numbers(f.object(doc, "stats", "stats"), "stats");
        String report = f.text(doc, "report", "report");
        JsonNode fit = f.object(doc, "fit", "fit");
        check(params, values, estimated, cov, boot, ranges, fields);
        checkCorrelation(rho, estimated);
        law.model.Noise noise = SavedNoise.read(doc.get("noise"), this::malformed);
        warnIfEdited();
        SavedFit saved = new SavedFit(path, shown, List.copyOf(estimated), cov, rho, boot, ranges, fields, stats, report, fit,
                noise);
        return new Law(name, vars, params, body, values, JsonFields.optionalText(doc, "doc"),
                JsonFields.optionalText(form, "cite"), texts(form, "descriptions"), saved, texts(form, "aliases"),
                Map.of());
    }

    /** The form's parameters with their domains. */
    private List<Param> params(JsonNode form) {
        List<Param> params = new ArrayList<>();
        for (JsonNode p : f.array(form, "parameters", "form.parameters")) {
            String pname = f.text(p, "name", "form.parameters[].name");
            JsonNode d = f.object(p, "domain", "form.parameters." + pname + ".domain");
            String where = "form.parameters." + pname + ".domain";
            Domain domain = new Domain(f.number(d, "lo", where + ".lo"), f.bool(d, "lo_closed", where),
                    f.number(d, "hi", where + ".hi"), f.bool(d, "hi_closed", where));
            params.add(new Param(pname, domain, JsonFields.optionalText(p, "doc")));
        }
        return params;
    }

    /** The parameter values. */
    private Map<String, Double> values() {
        Map<String, Double> values = new LinkedHashMap<>();
        JsonNode vs = f.object(doc, "values", "values");
        vs.properties().forEach(e -> values.put(e.getKey(), f.number(vs, e.getKey(), "values." + e.getKey())));
        return values;
    }

    /** Every estimated parameter and every parameter of the form has a value. */
    private void requireValues(Map<String, Double> values, List<String> estimated, List<Param> params) {
        for (String p : estimated) {
            if (!values.containsKey(p)) {
                throw malformed("estimated parameter '" + p + "' has no value in \"values\"");
            }
        }
        for (Param p : params) {
            if (!values.containsKey(p.name())) {
                throw malformed("parameter '" + p.name() + "' has no value in \"values\"");
            }
        }
    }

    /** Each variable's {@code [min, max]} over the fitted data. */
    private Map<String, double[]> ranges(List<String> vars) {
        Map<String, double[]> ranges = new LinkedHashMap<>();
        JsonNode rs = f.object(doc, "variable_ranges", "variable_ranges");
        for (String v : vars) {
            JsonNode r = rs.get(v);
            if (r == null || !r.isArray() || r.size() != 2) {
                throw malformed("\"variable_ranges." + v + "\" must be [min, max]");
            }
            ranges.put(v, new double[] {f.value(r.get(0), "variable_ranges." + v), f.value(r.get(1),
                    "variable_ranges." + v)});
        }
        return ranges;
    }

    /** An optional object of strings of the form ({@code descriptions}, {@code aliases}), empty without one. */
    private static Map<String, String> texts(JsonNode form, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = form.get(key);
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    /** Warns (L0807) when the content hash says the file was changed since law wrote it. */
    private void warnIfEdited() {
        String edited = SavedFitCheck.hashProblem(doc);
        if (edited != null) {
            ctx.report(law.diag.Diagnostic.warning(Code.SAVED_FIT, at, "'" + shown + "' " + edited)
                    .withHelp("export the fit again to get a file law can vouch for"));
        }
    }

    /** The numbers are those of a fit: in their domains, a covariance, consistent standard errors. */
    private void check(List<Param> params, Map<String, Double> values, List<String> estimated, double[][] cov,
                       double[][] boot, Map<String, double[]> ranges, Map<String, Map<String, Double>> fields) {
        Map<String, Param> byName = new LinkedHashMap<>();
        params.forEach(p -> byName.put(p.name(), p));
        for (String p : estimated) {
            if (!byName.containsKey(p) || estimated.indexOf(p) != estimated.lastIndexOf(p)) {
                throw malformed("\"estimated\" names '" + p + "', which is not a parameter of the form, or twice");
            }
        }
        for (String v : values.keySet()) {
            if (!byName.containsKey(v)) {
                throw malformed("\"values\" gives '" + v + "', which is not a parameter of the form");
            }
        }
        try {
            SavedFitCheck.values(params, values);
            if (cov != null) {
                SavedFitCheck.covariance(cov, estimated);
            }
            SavedFitCheck.standardErrors(cov, estimated, fields);
            if (boot != null) {
                SavedFitCheck.bootstrap(boot, estimated, byName);
            }
            for (Map.Entry<String, double[]> r : ranges.entrySet()) {
                SavedFitCheck.range(r.getKey(), r.getValue());
            }
        } catch (SavedFitCheck.Invalid e) {
            throw unusable(e);
        }
    }

    /** A correlation matrix, if the file has one. */
    private void checkCorrelation(double[][] rho, List<String> estimated) {
        try {
            if (rho != null) {
                SavedFitCheck.correlation(rho, estimated);
            }
        } catch (SavedFitCheck.Invalid e) {
            throw unusable(e);
        }
    }

    private Failure unusable(SavedFitCheck.Invalid e) {
        return SavedFits.bad(at, shown, "cannot be used: " + e.getMessage(),
                "a saved fit is what 'export FIT -> \"" + shown + "\"' wrote; export it again");
    }

    /** Parses the body as {@code .law} text; its names must be the variables and parameters. */
    private Expr body(String text, List<String> vars, List<Param> params) {
        if (text.contains("\n")) {
            throw malformed("\"form.body\" must be one line of .law syntax");
        }
        Diagnostics diags = new Diagnostics();
        Program program = SpecParser.parse(SourceFile.of(shown + "#form.body", "let body = " + text), diags);
        if (diags.hasErrors() || program.statements().size() != 1
                || !(program.statements().get(0) instanceof Stmt.Let let)) {
            String why = diags.all().isEmpty() ? "" : ": " + diags.all().get(0).message();
            throw malformed("\"form.body\" is not a .law expression" + why);
        }
        Scope scope = Scope.strict();
        vars.forEach(scope::symbol);
        params.forEach(p -> scope.symbol(p.name()));
        try {
            Value.Scalar v = ctx.evaluator().scalar(let.value(), scope);
            return v.expr();
        } catch (Failure e) {
            throw malformed("\"form.body\" cannot be read: " + e.diagnostic().message());
        }
    }

    private Failure malformed(String what) {
        return SavedFits.bad(at, shown, "is malformed: " + what);
    }
}
