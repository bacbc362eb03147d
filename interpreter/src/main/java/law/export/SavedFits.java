package law.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
import law.eval.Entry;
import law.eval.Failure;
import law.eval.Render;
import law.eval.Scope;
import law.eval.Value;
import law.expr.Expr;
import law.expr.Printer;
import law.model.Domain;
import law.model.Fitted;
import law.model.Law;
import law.model.Param;
import law.syntax.SpecParser;

/**
 * Saved fits: a fitted law as a versioned JSON document ({@code "schema": "law.fit/1"}) and back.
 *
 * <p>The document holds the law's form (variables, parameters with domains, the body in
 * {@code .law} syntax with every number in full), the parameter values, the fit as its
 * {@code --json} twin (estimates with their fields, statistics, covariance, resolved options with
 * the seed, the data hash), the bootstrap replicates, the observation noise ({@link SavedNoise},
 * optional: older files have none), the variable ranges, the report and the law
 * version. Finite numbers are JSON numbers written in the shortest form that reads back to the
 * same double; non-finite ones are the strings {@code "nan"}, {@code "inf"}, {@code "-inf"}.
 */
public final class SavedFits {
    /** The schema this version writes and reads. */
    public static final String SCHEMA = "law.fit/1";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SavedFits() {
    }

    /** The fit's JSON twin as the live (or loaded) fit renders it, or {@code null} for a law without a fit. */
    static JsonNode fitNode(Law law) {
        return law.fitted() instanceof Render.JsonRenderable j ? j.json() : null;
    }

    /** The saved-fit document of a fitted law. */
    public static ObjectNode document(Law law, String version) {
        Fitted fitted = law.fitted();
        ObjectNode o = JSON.objectNode();
        o.put("schema", SCHEMA);
        o.put("law_version", version);
        o.put("name", law.name());
        if (law.doc() != null) {
            o.put("doc", law.doc());
        }
        ObjectNode form = o.putObject("form");
        ArrayNode vars = form.putArray("variables");
        law.vars().forEach(vars::add);
        form.put("body", Printer.exact(law.body()));
        ArrayNode params = form.putArray("parameters");
        for (Param p : law.params()) {
            ObjectNode po = params.addObject();
            po.put("name", p.name());
            po.set("domain", Render.domain(p.domain()));
            if (p.doc() != null) {
                po.put("doc", p.doc());
            }
        }
        if (law.cite() != null) {
            form.put("cite", law.cite());
        }
        ObjectNode desc = form.putObject("descriptions");
        law.descriptions().forEach(desc::put);
        if (!law.aliases().isEmpty()) {
            ObjectNode aliases = form.putObject("aliases"); // the form's names of renamed variables
            law.aliases().forEach(aliases::put);
        }
        ObjectNode values = o.putObject("values");
        law.values().forEach((k, v) -> values.set(k, Render.number(v)));
        ArrayNode estimated = o.putArray("estimated");
        fitted.parameterNames().forEach(estimated::add);
        o.set("fit", fitNode(law));
        if (fitted.covariance() != null) {
            o.set("covariance", matrix(fitted.covariance()));
        }
        if (fitted.bootstrap() != null) {
            o.set("bootstrap", matrix(fitted.bootstrap()));
        }
        if (fitted.noise() != null) {
            o.set("noise", SavedNoise.json(fitted.noise()));
        }
        ObjectNode ranges = o.putObject("variable_ranges");
        fitted.variableRanges().forEach((k, r) -> ranges.set(k, JSON.arrayNode().add(Render.number(r[0]))
                .add(Render.number(r[1]))));
        ObjectNode fields = o.putObject("parameter_fields");
        for (String name : fitted.parameterNames()) {
            ObjectNode f = fields.putObject(name);
            fitted.paramFields(name).forEach((k, x) -> f.set(k, Render.number(x)));
        }
        ObjectNode stats = o.putObject("stats");
        fitted.stats().forEach((k, x) -> stats.set(k, Render.number(x)));
        o.put("report", fitted instanceof SavedFit s ? s.liveReport() : fitted.report());
        o.put(SavedFitCheck.HASH, SavedFitCheck.hash(o));
        return o;
    }

    /** The document as UTF-8 text, ending with a newline. */
    public static byte[] bytes(ObjectNode document) {
        try {
            return (MAPPER.writeValueAsString(document) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree cannot fail to serialise", e);
        }
    }

    private static ArrayNode matrix(double[][] m) {
        ArrayNode a = JSON.arrayNode();
        for (double[] row : m) {
            ArrayNode r = a.addArray();
            for (double x : row) {
                r.add(Render.number(x));
            }
        }
        return a;
    }

    /** {@code use "fit.json"}: defines the saved fit under its name. */
    public static void use(Path path, Stmt.Use s, Context ctx) {
        Law law = load(path, s.target(), s.span(), ctx);
        Entry old = ctx.env().get(law.name());
        if (old != null && !ctx.options().allowRedefinition() && old.span() != null
                && old.span().source() == s.span().source()) {
            throw Failure.at(Code.DUPLICATE, s.span(), "'" + s.target() + "' defines '" + law.name()
                    + "', which is already defined on line " + old.span().line(), "choose another name for one of them");
        }
        ctx.env().define(new Entry(law.name(), Entry.Kind.FIT, new Value.LawRef(law), s.span(), law.doc()));
    }

    /** Reads a saved fit, or fails with {@code L0807} (or a file error) at {@code at}. */
    public static Law load(Path path, String shown, Span at, Context ctx) {
        String text;
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw Failure.at(Code.FILE_UNREADABLE, at, "'" + shown + "' is not a regular file (a named pipe, "
                        + "device or socket); 'use' reads only files");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw Failure.at(Code.FILE_NOT_FOUND, at, "file '" + shown + "' not found (looked at " + path + ")");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw Failure.at(Code.FILE_UNREADABLE, at, "'" + shown + "' cannot be read: " + e.getMessage());
        }
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            String why = e.getOriginalMessage().split("\n", 2)[0].replaceAll("\\s*\\(start marker at .*$", "");
            throw bad(at, shown, "is not valid JSON" + where + ": " + why);
        }
        if (doc == null || !doc.isObject()) {
            throw bad(at, shown, "is not a saved fit: it holds no JSON object");
        }
        JsonNode schema = doc.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw bad(at, shown, "is not a saved fit: it has no \"schema\" field",
                    "write saved fits with: export FIT -> \"" + shown + "\"");
        }
        if (!schema.asText().equals(SCHEMA)) {
            throw bad(at, shown, "has schema '" + schema.asText() + "', but this law reads '" + SCHEMA + "'",
                    schema.asText().startsWith("law.fit/") ? "it was written by another version of law; export the fit again"
                            : "write saved fits with: export FIT -> \"" + shown + "\"");
        }
        return new Reader(doc, path, shown, at, ctx).law();
    }

    static Failure bad(Span at, String shown, String what) {
        return Failure.at(Code.SAVED_FIT, at, "'" + shown + "' " + what);
    }

    static Failure bad(Span at, String shown, String what, String help) {
        return Failure.at(Code.SAVED_FIT, at, "'" + shown + "' " + what, help);
    }

    /** Reads the fields of one document, failing at the first malformed one with its JSON path. */
    private static final class Reader {
        private final JsonNode doc;
        private final Path path;
        private final String shown;
        private final Span at;
        private final Context ctx;

        Reader(JsonNode doc, Path path, String shown, Span at, Context ctx) {
            this.doc = doc;
            this.path = path;
            this.shown = shown;
            this.at = at;
            this.ctx = ctx;
        }

        Law law() {
            String name = text(doc, "name", "name");
            JsonNode form = object(doc, "form", "form");
            List<String> vars = strings(form, "variables", "form.variables");
            List<Param> params = new ArrayList<>();
            for (JsonNode p : array(form, "parameters", "form.parameters")) {
                String pname = text(p, "name", "form.parameters[].name");
                JsonNode d = object(p, "domain", "form.parameters." + pname + ".domain");
                String where = "form.parameters." + pname + ".domain";
                Domain domain = new Domain(number(d, "lo", where + ".lo"), bool(d, "lo_closed", where),
                        number(d, "hi", where + ".hi"), bool(d, "hi_closed", where));
                params.add(new Param(pname, domain, optionalText(p, "doc")));
            }
            Expr body = body(text(form, "body", "form.body"), vars, params);
            Map<String, Double> values = new LinkedHashMap<>();
            JsonNode vs = object(doc, "values", "values");
            for (Iterator<Map.Entry<String, JsonNode>> it = vs.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                values.put(e.getKey(), number(vs, e.getKey(), "values." + e.getKey()));
            }
            List<String> estimated = strings(doc, "estimated", "estimated");
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
            int m = estimated.size();
            double[][] cov = doc.has("covariance") ? matrix("covariance", m, m) : null;
            double[][] boot = doc.has("bootstrap") ? matrix("bootstrap", -1, m) : null;
            Map<String, double[]> ranges = new LinkedHashMap<>();
            JsonNode rs = object(doc, "variable_ranges", "variable_ranges");
            for (String v : vars) {
                JsonNode r = rs.get(v);
                if (r == null || !r.isArray() || r.size() != 2) {
                    throw malformed("\"variable_ranges." + v + "\" must be [min, max]");
                }
                ranges.put(v, new double[] {value(r.get(0), "variable_ranges." + v), value(r.get(1),
                        "variable_ranges." + v)});
            }
            Map<String, Map<String, Double>> fields = new LinkedHashMap<>();
            JsonNode fs = object(doc, "parameter_fields", "parameter_fields");
            for (String p : estimated) {
                fields.put(p, numbers(object(fs, p, "parameter_fields." + p), "parameter_fields." + p));
            }
            Map<String, Double> stats = numbers(object(doc, "stats", "stats"), "stats");
            String report = text(doc, "report", "report");
            JsonNode fit = object(doc, "fit", "fit");
            Map<String, String> descriptions = new LinkedHashMap<>();
            JsonNode ds = form.get("descriptions");
            if (ds != null && ds.isObject()) {
                ds.properties().forEach(e -> descriptions.put(e.getKey(), e.getValue().asText()));
            }
            Map<String, String> aliases = new LinkedHashMap<>();
            JsonNode as = form.get("aliases");
            if (as != null && as.isObject()) {
                as.fields().forEachRemaining(e -> aliases.put(e.getKey(), e.getValue().asText()));
            }
            check(params, values, estimated, cov, boot, ranges, fields);
            law.model.Noise noise = SavedNoise.read(doc.get("noise"), this::malformed);
            String edited = SavedFitCheck.hashProblem(doc);
            if (edited != null) {
                ctx.report(law.diag.Diagnostic.warning(Code.SAVED_FIT, at, "'" + shown + "' " + edited)
                        .withHelp("export the fit again to get a file law can vouch for"));
            }
            SavedFit saved = new SavedFit(path, shown, List.copyOf(estimated), cov, boot, ranges, fields, stats, report, fit,
                    noise);
            return new Law(name, vars, params, body, values, optionalText(doc, "doc"), optionalText(form, "cite"),
                    descriptions, saved, aliases, Map.of());
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
                throw bad(at, shown, "cannot be used: " + e.getMessage(),
                        "a saved fit is what 'export FIT -> \"" + shown + "\"' wrote; export it again");
            }
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
            } catch (Failure f) {
                throw malformed("\"form.body\" cannot be read: " + f.diagnostic().message());
            }
        }

        private Failure malformed(String what) {
            return bad(at, shown, "is malformed: " + what);
        }

        private JsonNode field(JsonNode node, String key, String where) {
            JsonNode v = node == null ? null : node.get(key);
            if (v == null || v.isNull()) {
                throw malformed("\"" + where + "\" is missing");
            }
            return v;
        }

        private String text(JsonNode node, String key, String where) {
            JsonNode v = field(node, key, where);
            if (!v.isTextual()) {
                throw malformed("\"" + where + "\" must be a string");
            }
            return v.asText();
        }

        private static String optionalText(JsonNode node, String key) {
            JsonNode v = node.get(key);
            return v == null || !v.isTextual() ? null : v.asText();
        }

        private JsonNode object(JsonNode node, String key, String where) {
            JsonNode v = field(node, key, where);
            if (!v.isObject()) {
                throw malformed("\"" + where + "\" must be an object");
            }
            return v;
        }

        private JsonNode array(JsonNode node, String key, String where) {
            JsonNode v = field(node, key, where);
            if (!v.isArray()) {
                throw malformed("\"" + where + "\" must be an array");
            }
            return v;
        }

        private boolean bool(JsonNode node, String key, String where) {
            JsonNode v = field(node, key, where + "." + key);
            if (!v.isBoolean()) {
                throw malformed("\"" + where + "." + key + "\" must be true or false");
            }
            return v.asBoolean();
        }

        private List<String> strings(JsonNode node, String key, String where) {
            List<String> out = new ArrayList<>();
            for (JsonNode s : array(node, key, where)) {
                if (!s.isTextual()) {
                    throw malformed("\"" + where + "\" must hold strings");
                }
                out.add(s.asText());
            }
            return out;
        }

        private double number(JsonNode node, String key, String where) {
            return value(field(node, key, where), where);
        }

        /** A JSON number, or one of the strings {@code nan}, {@code inf}, {@code -inf}. */
        private double value(JsonNode v, String where) {
            if (v != null && v.isNumber()) {
                return v.doubleValue();
            }
            if (v != null && v.isTextual()) {
                switch (v.asText()) {
                    case "nan" -> {
                        return Double.NaN;
                    }
                    case "inf" -> {
                        return Double.POSITIVE_INFINITY;
                    }
                    case "-inf" -> {
                        return Double.NEGATIVE_INFINITY;
                    }
                    default -> {
                    }
                }
            }
            throw malformed("\"" + where + "\" must be a number");
        }

        private Map<String, Double> numbers(JsonNode node, String where) {
            Map<String, Double> out = new LinkedHashMap<>();
            node.properties().forEach(e -> out.put(e.getKey(), value(e.getValue(), where + "." + e.getKey())));
            return out;
        }

        /** A matrix with {@code cols} columns and {@code rows} rows ({@code -1}: any number). */
        private double[][] matrix(String key, int rows, int cols) {
            JsonNode a = array(doc, key, key);
            if (rows >= 0 && a.size() != rows) {
                throw malformed("\"" + key + "\" must have " + rows + " rows, one per estimated parameter");
            }
            double[][] out = new double[a.size()][cols];
            for (int i = 0; i < a.size(); i++) {
                JsonNode row = a.get(i);
                if (!row.isArray() || row.size() != cols) {
                    throw malformed("row " + (i + 1) + " of \"" + key + "\" must hold " + cols + " numbers");
                }
                for (int j = 0; j < cols; j++) {
                    out[i][j] = value(row.get(j), key);
                }
            }
            return out;
        }
    }
}
