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
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Span;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Failure;
import law.eval.Render;
import law.eval.Value;
import law.expr.Printer;
import law.model.Fitted;
import law.model.Law;
import law.model.Param;

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
 * This class writes documents and loads files; {@link SavedFitReader} reads a document's fields.
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
        o.set("form", form(law));
        ObjectNode values = o.putObject("values");
        law.values().forEach((k, v) -> values.set(k, Render.number(v)));
        ArrayNode estimated = o.putArray("estimated");
        fitted.parameterNames().forEach(estimated::add);
        o.set("fit", fitNode(law));
        if (fitted.covariance() != null) {
            o.set("covariance", matrix(fitted.covariance()));
        } else if (fitted.errors() != null) { // a variance with no double: the standard errors are the fields'
            o.set("correlation", matrix(fitted.errors().correlation()));
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

    /** The law's form: variables, body (every number in full), parameters with domains, citation, descriptions. */
    private static ObjectNode form(Law law) {
        ObjectNode form = JSON.objectNode();
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
        return form;
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
        return new SavedFitReader(doc, path, shown, at, ctx).law();
    }

    static Failure bad(Span at, String shown, String what) {
        return Failure.at(Code.SAVED_FIT, at, "'" + shown + "' " + what);
    }

    static Failure bad(Span at, String shown, String what, String help) {
        return Failure.at(Code.SAVED_FIT, at, "'" + shown + "' " + what, help);
    }
}
