package law.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import law.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --json} document holding a result of every kind validates against the published schema
 * docs/schema/law.output-1.schema.json, and the schema is not vacuous: documents with the
 * mistakes it exists to catch (a count written as 240.0, an expect target as one string, an
 * unknown kind's shape, a covariance without labels) fail. The document is written to
 * target/json/every-kind.json for src/test/python/test_json_pandas.py.
 */
class JsonSchemaTest {
    @TempDir
    static Path dir;
    static JsonNode doc;
    static Schema schema;

    /** Every kind of result the spec below prints. */
    static final Set<String> KINDS = new TreeSet<>(List.of("number", "expression", "list", "string", "law", "fit",
            "dataset", "isoflop", "table", "compare", "expect", "plot", "export", "prediction", "estimate", "optimal",
            "minimize", "solve", "parameter", "exponent", "column", "record"));

    static final String SPEC = """
            use chinchilla
            data runs = csv("%s") {
              N = `Model Size`
              C = `Training FLOP`
              L = loss
              D = C / (6 * N)
              drop 5 largest L
            }
            data cs = json("%s")
            data grouped = table {
              g, x, y
              1, 1, 2.1
              1, 2, 3.9
              1, 3, 6.2
              2, 1, 1.1
              2, 2, 1.9
              2, 3, 3.2
            }
            law line(x) = k * x + m { k > 0, m: "intercept" }
            fit epoch = chinchilla(N, D) ~ L in runs {
              residual = log
              loss = huber(1e-3)
              start = {A = 480, B = 2100, E = 1.8, alpha = 0.35, beta = 0.37}
              bootstrap = 20
              seed = 42
            }
            fit sq = chinchilla(N, D) ~ L in runs { start = {A = 480, B = 2100, E = 1.8, alpha = 0.35, beta = 0.37} }
            fit per = line(x) ~ y in grouped by g { start = {k = 1, m = 0} }
            isoflop iso = final_loss ~ parameters in cs by compute_budget { bootstrap = 10, seed = 1 }
            print 1 + 1
            diff(hoffmann2022(N, D), N)
            print [1, 2, 3]
            print "text"
            print chinchilla
            print epoch
            print sq
            print runs
            print per
            print iso
            table C = 1e20..1e24 log 3: optimal N, D for sq at C
            compare hoffmann2022, epoch on runs
            expect epoch.alpha = 0.347 +- 1%%
            expect runs.rows >= 200
            plot sq on runs by N { x = C } -> "fit.png"
            export sq -> "sq.tex"
            predict sq at (N = 70B, D = 1.4T) { level = 0.9 }
            predict epoch2024 at (N = 70B, D = 1.4T)
            print (optimal N, D for sq at C = 1e22).N
            optimal N, D for sq at C = 1e22
            minimize epoch2024(N, D) subject to 6 * N * D = 5.76e23
            solve sq(N, 20 * N) = 2.0 for N
            print sq.alpha
            print iso.a
            print runs.L
            print {a = 1, b = 2}
            """;

    @BeforeAll
    static void run() throws IOException {
        Path spec = dir.resolve("kinds.law");
        Files.writeString(spec, SPEC.formatted(SharedData.file("chinchilla/svg_extracted_data.csv"),
                SharedData.file("cs336/isoflops_curves.json")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // --json before the subcommand, as 'law --help' lists it among the global options
        int exit = Main.run(new String[] {"--json", "run", "-q", "--threads", "2", "--allow-path",
            SharedData.root().toString(), spec.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text + err);
        doc = new ObjectMapper().readTree(text);
        Path keep = Path.of("target/json");
        Files.createDirectories(keep);
        Files.writeString(keep.resolve("every-kind.json"), text);
        Path file = Path.of(System.getProperty("law.root", "..")).resolve("docs/schema/law.output-1.schema.json");
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(file));
    }

    private static List<String> errors(JsonNode d) {
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(d)) {
            out.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return out;
    }

    @Test
    void everyKindIsPrintedAndValid() {
        Set<String> kinds = new LinkedHashSet<>();
        doc.get("files").get(0).get("results").forEach(r -> kinds.add(r.get("kind").asText()));
        assertEquals(KINDS, new TreeSet<>(kinds));
        assertEquals(List.of(), errors(doc));
        assertEquals("law.output/1", doc.get("schema").asText());
    }

    /** {@code law run --json FILE} gives the same document as {@code law --json run FILE}. */
    @Test
    void jsonAfterTheSubcommandToo() {
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        Path spec = dir.resolve("small.law");
        try {
            Files.writeString(spec, "print 2 * 3\nexpect 2 * 3 = 6\n");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        int exit = Main.run(new String[] {"run", "--json", spec.toString()}, new PrintStream(out2, true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, exit);
        String text = out2.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{") && text.contains("\"schema\" : \"law.output/1\""), text);
    }

    private static ObjectNode copy() {
        return (ObjectNode) doc.deepCopy();
    }

    private static JsonNode result(JsonNode d, String kind) {
        for (JsonNode r : d.get("files").get(0).get("results")) {
            if (r.get("kind").asText().equals(kind)) {
                return r.get("value");
            }
        }
        throw new AssertionError("no " + kind);
    }

    /**
     * Counts are written as JSON integers (240, not 240.0; JSON Schema cannot tell them apart, so
     * this looks at the tokens), and the schema refuses a fractional count.
     */
    @Test
    void countsMustBeIntegers() {
        JsonNode fit = result(doc, "fit");
        for (JsonNode n : List.of(fit.get("stats").get("points"), fit.get("stats").get("iterations"),
                fit.get("options").get("seed"), fit.get("options").get("bootstrap"), fit.get("starts").get("count"),
                result(doc, "compare").get("laws").get("rows").get(0).get("n"), result(doc, "isoflop").get("laws")
                        .get("budgets"), result(doc, "dataset").get("rows"), result(doc, "plot").get("width"))) {
            assertTrue(n.isIntegralNumber(), n + " is not written as an integer");
        }
        ObjectNode d = copy();
        ((ObjectNode) result(d, "fit").get("stats")).put("points", 240.5);
        assertFalse(errors(d).isEmpty(), "points = 240.5 passed the schema");
        ObjectNode d2 = copy();
        ((ObjectNode) result(d2, "fit").get("options")).put("seed", 42.5);
        assertFalse(errors(d2).isEmpty(), "a fractional seed passed the schema");
    }

    /** Piped input under --json: what a command prints is a result of kind command, a failing command a diagnostic. */
    @Test
    void pipedCommandsAreResultsAndTheirFailuresDiagnostics() throws IOException {
        CliRun r = CliRun.withInput(":show\nlet x = 1\n:doc x\n:doc y\n".getBytes(StandardCharsets.UTF_8), "--json");
        assertEquals(65, r.exit(), r.all());
        JsonNode piped = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(), errors(piped));
        JsonNode file = piped.get("files").get(0);
        assertEquals("doc", file.get("results").get(1).get("value").get("command").asText());
        assertEquals(":doc x", file.get("results").get(1).get("statement").asText());
        assertEquals("L0201", file.get("diagnostics").get(0).get("code").asText());
        assertEquals(4, file.get("diagnostics").get(0).get("line").asInt());
        ((ObjectNode) file.get("results").get(0).get("value")).remove("text");
        assertFalse(errors(piped).isEmpty(), "a command result without its text passed the schema");
    }

    /** A result of a file that piped input :load-ed names that file, since its line is a line of it. */
    @Test
    void resultsOfALoadedFileNameIt() throws IOException {
        Path lib = dir.resolve("lib.law");
        Files.writeString(lib, "\nprint 7\n");
        CliRun r = CliRun.withInput(("print 1\n:load " + lib + "\n").getBytes(StandardCharsets.UTF_8), "--json");
        assertEquals(0, r.exit(), r.all());
        JsonNode piped = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(), errors(piped));
        JsonNode results = piped.get("files").get(0).get("results");
        assertFalse(results.get(0).has("file"), "a statement of the input itself: " + results.get(0));
        assertEquals(lib.toString(), results.get(1).get("file").asText());
        assertEquals(2, results.get(1).get("line").asInt());
    }

    /**
     * Under --json a usage error is the one JSON document too (no files, the error in its own
     * diagnostics, exit 2), whether picocli or a command found it; nothing goes to stderr.
     */
    @Test
    void usageErrorsUnderJsonAreAJsonDocument() throws IOException {
        Path spec = dir.resolve("small.law");
        Files.writeString(spec, "print 1\n");
        String s = spec.toString();
        for (String[] args : new String[][] {{"--json", "--bogus"}, {"run", "--json", "--threads", "0", s},
            {"--json", "-e", "1", "run", s}, {"--json", "run", "--max-starts", "x", s}, {"--json", "run",
                "--allow-path", s}, {"--json", "rn", s}, {"--json", "doc", "zzz"}, {"--json", "--data", "=x"},
            {"--json", "run", "--allow-path", dir.resolve("nonexistent").toString(), s}}) {
            CliRun r = CliRun.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.all());
            assertEquals("", r.err(), String.join(" ", args));
            JsonNode d = new ObjectMapper().readTree(r.out());
            assertEquals(List.of(), errors(d), String.join(" ", args));
            assertEquals(0, d.get("files").size());
            JsonNode e = d.get("diagnostics").get(0);
            assertEquals("L0006", e.get("code").asText(), String.join(" ", args));
            assertEquals("<command line>", e.get("file").asText());
            assertEquals(2, d.get("exit").asInt());
        }
        CliRun value = CliRun.run("-e", "--json");
        assertFalse(value.out().startsWith("{"), "--json as the value of -e is not the option: " + value.all());
    }

    @Test
    void expectTargetIsStructured() {
        ObjectNode d = copy();
        ObjectNode e = (ObjectNode) result(d, "expect");
        e.remove("relation");
        e.put("want", "= 0.347 +- 1%");
        assertFalse(errors(d).isEmpty());
        JsonNode ok = result(doc, "expect");
        assertEquals("=", ok.get("relation").asText());
        assertEquals(0.347, ok.get("value").asDouble());
        assertTrue(ok.get("tolerance").get("relative").asBoolean());
        assertEquals(0.347 * 0.01, ok.get("tolerance").get("allowed").asDouble(), 1e-15);
    }

    @Test
    void covarianceIsLabelledAndSymmetric() {
        JsonNode cov = result(doc, "fit").get("covariance");
        List<String> labels = new ArrayList<>();
        cov.get("labels").forEach(l -> labels.add(l.asText()));
        assertEquals(List.of("A", "B", "E", "alpha", "beta"), labels);
        JsonNode m = cov.get("matrix");
        for (int i = 0; i < labels.size(); i++) {
            for (int j = 0; j < labels.size(); j++) {
                assertEquals(m.get(i).get(j).asDouble(), m.get(j).get(i).asDouble(), 0.0, "cov[" + i + "][" + j + "]");
            }
        }
        ObjectNode d = copy();
        ((ObjectNode) result(d, "fit").get("covariance")).remove("labels");
        assertFalse(errors(d).isEmpty());
    }

    @Test
    void groupedFitsAndIsoflopsAreTablesNotText() {
        JsonNode per = null;
        for (JsonNode r : doc.get("files").get(0).get("results")) {
            if (r.get("statement").asText().equals("per")) {
                per = r.get("value");
            }
        }
        assertTrue(per != null && per.get("table").get("rows").size() == 2, String.valueOf(per));
        assertTrue(per.get("table").get("rows").get(0).get("points").isIntegralNumber());
        JsonNode iso = result(doc, "isoflop");
        assertEquals(9, iso.get("minima").get("rows").size());
        assertTrue(iso.get("laws").get("a").get("value").isNumber());
        ObjectNode d = copy();
        for (JsonNode r : d.get("files").get(0).get("results")) {
            if (r.get("kind").asText().equals("isoflop")) {
                ((ObjectNode) r).put("value", "isoflop iso ... pre-rendered text");
            }
        }
        assertFalse(errors(d).isEmpty());
    }

    @Test
    void predictionsSayLevelAndMethod() {
        JsonNode p = result(doc, "prediction");
        assertEquals("sq(N = 7e10, D = 1.4e12)", p.get("of").asText());
        assertEquals(0.9, p.get("level").asDouble());
        assertEquals("delta", p.get("method").asText());
        assertEquals("log", p.get("scale").asText());
        assertTrue(p.get("ci_low").asDouble() < p.get("value").asDouble());
        JsonNode s = result(doc, "solve").get("N");
        assertTrue(s.get("ci_low").asDouble() < s.get("value").asDouble()
                && s.get("value").asDouble() < s.get("ci_high").asDouble(), s.toString());
    }
}
