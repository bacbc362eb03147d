package law.appendix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import law.cli.Main;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code law report}: each reporting item is filled in from the spec and the run, in every format. */
class AppendixTest {
    private static final String SPEC = """
            use chinchilla
            law truth = chinchilla with { E = 1.8, A = 480, B = 2100, alpha = 0.35, beta = 0.37 }
            data sim = simulate(truth, N = [1e8, 3e8, 1e9, 3e9], D = [2e9, 6e9, 2e10, 6e10], noise = lognormal(0.01), seed = 3, target = L)
            data runs = table {
              N, D, L, run
              1e8, 5e9, 3.9, "a"
              1e8, 5e9, 3.9, "a"
              3e8, 3e9, 3.4, "b"
              1e9, 1e11, 2.8, "c"
              3e9, 1e10, 2.7, "d"
              1e10, 2e11, nan, "e"
              params = N        # parameters, embeddings included
              where L < 3.5 or N > 1e8
              dedup
              nan = drop
            }
            fit small = chinchilla(N, D) ~ L in sim {
              residual = log
              loss = huber(1e-3)
              start = grid(alpha = [0.2, 0.5], beta = [0.2, 0.5])
              bootstrap = 50
              seed = 1
              where N > 1e8
            }
            law two = chinchilla with { E = 1.5, alpha = 0.3, beta = 0.3 }
            fit tiny = two(params, D) ~ L in runs { start = {A = 400, B = 400} }
            law pos(x) = a * x^b {
              a > 0
              b in [0, 1]
              cite "test"
            }
            data falling = table {
              x, y
              1, 5
              2, 4
              3, 3.5
              4, 3.2
            }
            fit bounded = pos(x) ~ y in falling
            law pd(D) = E + B / D^beta {
              E >= 0
              B > 0
              beta in (0, 2)
              cite "test"
            }
            fit pergroup = pd(D) ~ L in sim by N { residual = log }
            data iso = table {
              C, N, L
              1e18, 1e7, 3.30
              1e18, 3e7, 3.10
              1e18, 1e8, 3.05
              1e18, 3e8, 3.12
              1e18, 1e9, 3.35
              1e19, 3e7, 3.00
              1e19, 1e8, 2.82
              1e19, 3e8, 2.78
              1e19, 1e9, 2.85
              1e19, 3e9, 3.05
              1e20, 1e8, 2.70
              1e20, 3e8, 2.55
              1e20, 1e9, 2.52
              1e20, 3e9, 2.58
              1e20, 1e10, 2.77
            }
            isoflop budgets = L ~ N in iso by C
            optimal N, D for small at C = 1e22
            predict small at (N = 1e9, D = 2e10)
            """;

    @TempDir
    static Path dir;
    static Path file;
    static Appendix appendix;
    static JsonNode json;

    @BeforeAll
    static void run() throws IOException {
        file = dir.resolve("study.law");
        Files.writeString(file, SPEC, StandardCharsets.UTF_8);
        Session session = new Session(Options.defaults().withQuiet(true).withThreads(2));
        Outcome o = session.runFile(file);
        appendix = Appendices.of("study.law", session, o);
        json = new ObjectMapper().readTree(Render.render(appendix, Render.Format.JSON));
    }

    private static JsonNode items(String section) {
        for (JsonNode s : json.get("sections")) {
            if (s.get("name").asText().equals(section)) {
                return s.get("items");
            }
        }
        throw new AssertionError("no section " + section + " in " + json);
    }

    @Test
    void oneSectionPerFitAndIsoflopInFileOrder() {
        assertEquals(List.of(), appendix.problems());
        assertEquals(List.of("small", "tiny", "bounded", "pergroup [N=1e8]", "pergroup [N=3e8]", "pergroup [N=1e9]",
                "pergroup [N=3e9]", "budgets"), appendix.sections().stream()
                .map(Appendix.Section::name).toList());
        assertEquals(List.of("form", "variables", "compute", "data", "ranges", "dropped_rows", "objective", "optimizer", "starts",
                        "parameters", "uncertainty", "fit_statistics", "extrapolation"),
                appendix.sections().get(0).items().stream().map(Appendix.Item::key).toList());
        assertEquals("law.report/1", json.get("schema").asText());
        assertEquals(law.report.Version.get(), json.get("law_version").asText());
    }

    @Test
    void everyDroppedRowIsListedWithItsStep() {
        JsonNode steps = items("tiny").get("dropped_rows");
        assertEquals("nan = drop", steps.get(0).get("step").asText());
        assertEquals("[11]", steps.get(0).get("source_rows").toString(), "the NaN row is file line 11");
        assertEquals("where L < 3.5 or N > 1e8", steps.get(1).get("step").asText());
        assertEquals("[6,7]", steps.get(1).get("source_rows").toString());
        assertEquals(0, steps.get(2).get("rows").asInt(), "dedup found nothing left to drop");
        JsonNode fitWhere = items("small").get("dropped_rows").get(0);
        assertEquals("fit option where N > 1e8", fitWhere.get("step").asText());
        assertEquals("[1,2,3,4]", fitWhere.get("source_rows").toString(), "the simulated rows with N = 1e8");
        assertEquals(12, items("small").get("data").get("points").asInt());
        assertEquals(16, items("small").get("data").get("rows_loaded").asInt());
    }

    @Test
    void countingConventionsComeFromTheLawAndTheDataBlock() {
        JsonNode n = items("tiny").get("variables").get(0);
        assertEquals("N", n.get("variable").asText());
        assertEquals("params", n.get("data").asText());
        assertEquals("parameters, including embeddings", n.get("law_says").asText());
        assertEquals("params = N", n.get("binding").asText());
        assertEquals("parameters, embeddings included", n.get("note").asText());
        assertEquals("[\"compute: C = 6 * N * D\"]", items("small").get("compute").toString(),
                "the chinchilla module's compute accounting");
        assertEquals("[]", items("bounded").get("compute").toString());
    }

    @Test
    void lossOptimiserStartsAndUncertainty() {
        JsonNode small = items("small");
        assertEquals("huber(0.001)", small.get("objective").get("loss").asText());
        assertEquals("log", small.get("objective").get("residual").asText());
        JsonNode starts = small.get("starts");
        assertEquals(4, starts.get("starts").asInt());
        int accounted = starts.get("reached_best").asInt();
        for (JsonNode other : starts.get("other_optima")) {
            accounted += other.get("starts").asInt();
            assertTrue(other.get("gap").asDouble() > 0);
        }
        assertTrue(starts.get("reached_best").asInt() >= 1 && accounted <= 4, starts.toString());
        assertEquals("sandwich", small.get("uncertainty").get("covariance").asText());
        assertEquals(50, small.get("uncertainty").get("bootstrap").asInt());
        assertEquals("asymptotic", items("tiny").get("uncertainty").get("covariance").asText());
        assertEquals(5, small.get("parameters").size());
        JsonNode fixed = items("tiny").get("parameters");
        assertEquals(5, fixed.size(), "A and B estimated, E, alpha, beta fixed: " + fixed);
        assertTrue(fixed.get(2).get("fixed").asBoolean());
    }

    @Test
    void aGroupedFitHasASectionPerGroup() {
        for (String g : List.of("1e8", "3e8", "1e9", "3e9")) {
            JsonNode items = items("pergroup [N=" + g + "]");
            assertEquals(4, items.get("data").get("points").asInt());
            assertEquals(3, items.get("parameters").size());
            assertEquals("log", items.get("objective").get("residual").asText());
        }
    }

    @Test
    void anEstimateOnItsBoundIsMarkedActive() {
        JsonNode ps = items("bounded").get("parameters");
        assertEquals("b", ps.get(1).get("name").asText());
        assertTrue(ps.get(1).get("at_bound").asBoolean(), ps.toString());
        assertEquals("in [0, 1]", ps.get(1).get("domain").asText());
        assertFalse(ps.get(0).get("at_bound").asBoolean());
    }

    @Test
    void eachQueryHasItsExtrapolationFactor() {
        JsonNode ex = items("small").get("extrapolation");
        assertEquals(4, ex.size(), ex.toString());
        JsonNode optimalN = ex.get(0);
        assertEquals("optimal N, D for small at C = 1e22", optimalN.get("query").asText());
        assertEquals(3e9, optimalN.get("max").asDouble());
        assertEquals(optimalN.get("value").asDouble() / 3e9, optimalN.get("factor").asDouble(), 1e-12);
        assertTrue(optimalN.get("factor").asDouble() > 2, optimalN.toString());
        assertEquals(1.0, ex.get(2).get("factor").asDouble(), "predict at N = 1e9 is inside the data");
        assertTrue(Render.text(appendix).contains("inside"));
        assertEquals(0, items("tiny").get("extrapolation").size());
    }

    @Test
    void isoflopSectionHasBudgetsAndExponents() {
        JsonNode iso = items("budgets");
        assertEquals(3, iso.get("budgets").size());
        assertEquals(15, iso.get("data").get("points").asInt());
        double a = iso.get("exponents").get("a").get("value").asDouble();
        assertTrue(a > 0.2 && a < 0.8, iso.toString());
        assertTrue(iso.get("method").get("statement").asText().startsWith("isoflop budgets = L ~ N in iso by C"));
    }

    @Test
    void everyFormatShowsTheItems() {
        String md = Render.markdown(appendix);
        assertTrue(md.startsWith("# Scaling-law appendix: `study.law`"), md);
        assertTrue(md.contains("## Fit `small`") && md.contains("## IsoFLOP analysis `budgets`"), md);
        assertTrue(md.contains("| nan = drop | 1 | NaN or infinite: 1 in 'L' | line 11 |"), md);
        String tex = Render.render(appendix, Render.Format.LATEX);
        assertTrue(tex.contains("\\begin{tabular}") && tex.contains("\\bottomrule"), tex);
        assertTrue(tex.contains("L \\textasciitilde{} chinchilla(N, D)"), "LaTeX special characters are escaped");
        String text = Render.text(appendix);
        assertTrue(text.contains("Dropped rows") && text.contains("lines 6-7"), text);
    }

    /** The JSON form, with a fit, a grouped fit and an IsoFLOP analysis, is what docs/schema/law.report-1 says. */
    @Test
    void jsonFormValidatesAgainstItsSchema() {
        assertEquals(List.of(), law.JsonSchemas.errors(law.JsonSchemas.load("law.report-1.schema.json"), json));
        List<String> codes = new java.util.ArrayList<>();
        json.get("diagnostics").forEach(d -> {
            assertEquals("warning", d.get("severity").asText(), d.toString());
            codes.add(d.get("code").asText());
        });
        assertTrue(codes.contains("L0706"), "the prediction's extrapolation, structured: " + codes);
    }

    @Test
    void reportCommandFormatsAndExitCodes() throws IOException {
        assertEquals(0, cli("report", file.toString()).code());
        Cli j = cli("report", "--json", file.toString());
        assertEquals(0, j.code());
        assertEquals("law.report/1", new ObjectMapper().readTree(j.out()).get("schema").asText());
        Path out = dir.resolve("appendix.tex");
        assertEquals(0, cli("report", "--format", "latex", "-o", out.toString(), file.toString()).code());
        assertTrue(Files.readString(out).contains("\\subsection*{Fit \\texttt{small}}"));
        Cli bad = cli("report", "--format", "docx", file.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("text, markdown or latex"), bad.err());
        assertEquals(66, cli("report", dir.resolve("missing.law").toString()).code());
        assertEquals(73, cli("report", "-o", dir.resolve("no/such/dir/x.md").toString(), file.toString()).code());
    }

    private record Cli(int code, String out, String err) {
    }

    private static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
