package law.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Render;
import law.eval.Result;
import law.eval.Value;
import law.expr.Expr;
import law.expr.Ops;
import law.expr.Printer;
import law.model.Fitted;
import law.model.Law;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fits Chinchilla's law to the real data in shared/data, exports the fits, loads them in a fresh
 * session and checks that every query answers the same, bit for bit; and checks the LaTeX and CSV
 * tables and the diagnostics of malformed saved fits.
 */
class ExportTest {
    @TempDir
    static Path dir;

    static Path shared(String relative) {
        return law.SharedData.file(relative);
    }

    /** The fits: a bootstrapped one (percentile intervals) and one with a fixed E (delta method). */
    static final String FITS = """
            use chinchilla
            data runs = csv("%s") {
              N = `Model Size`
              C = `Training FLOP`
              L = loss
              D = C / (6 * N)
              where D / N >= 0.4
            }
            ## Chinchilla refit with a bootstrap.
            fit boot_fit = chinchilla(N, D) ~ L in runs {
              loss = huber(1e-3), residual = log, start = random(4), bootstrap = 40, seed = 7
            }
            law fixed_e = chinchilla with { E = 1.69, A: "parameter term" }
            fit delta_fit = fixed_e(N, D) ~ L in runs { loss = huber(1e-3), residual = log, start = random(3) }
            """;

    /** Queries run against the live fits and the loaded ones. */
    static final List<String> QUERIES = List.of(
            "predict boot_fit at (N = 1e10, D = 2e11)",
            "predict boot_fit at (N = 1e12, D = 3e13) { level = 0.9 }",
            "optimal N, D for boot_fit at C = 1e22",
            "predict delta_fit at (N = 1e10, D = 2e11)",
            "optimal N, D for delta_fit at C = 5.76e23",
            "predict boot_fit(1e9, 2e10) - delta_fit(1e9, 2e10)",
            "boot_fit.alpha", "boot_fit.alpha.se", "boot_fit.alpha.boot_low", "boot_fit.beta.ci_high",
            "boot_fit.rmse", "boot_fit.aic", "delta_fit.A", "delta_fit.A.ci_low", "delta_fit.E", "delta_fit.r2",
            "predict boot_fit at (N = 1e10, D = 2e11) { interval = prediction }",
            "predict delta_fit at (N = 1e12, D = 3e13) { interval = prediction, level = 0.9 }");

    static Outcome live;
    static Session liveSession;

    @BeforeAll
    static void fitAndExport() throws IOException {
        Path spec = dir.resolve("fits.law");
        Files.writeString(spec, FITS.formatted(shared("chinchilla/svg_extracted_data.csv")) + """
                export boot_fit -> "out/boot.json"
                export boot_fit -> "out/boot.tex"
                export boot_fit -> "out/boot.csv"
                export delta_fit -> "out/delta.json"
                export delta_fit -> "out/delta.tex"
                export runs -> "out/runs.csv"
                """ + String.join("\n", QUERIES) + "\n");
        liveSession = new Session(law.eval.Options.defaults().withThreads(2).withAllowedPaths(java.util.List.of(java.nio.file.Path.of(System.getProperty("law.shared", "../../shared")))));
        live = liveSession.runFile(spec);
        List<Diagnostic> errors = live.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.isEmpty(), () -> errors.stream().map(Diagnostic::message).collect(Collectors.joining("\n")));
    }

    static Outcome reload() throws IOException {
        Path spec = dir.resolve("out/reload.law");
        Files.writeString(spec, """
                constraint compute: C = 6 * N * D
                use "boot.json"
                use "delta.json"
                """ + String.join("\n", QUERIES) + "\n");
        return new Session(law.eval.Options.defaults().withThreads(2).withAllowedPaths(java.util.List.of(java.nio.file.Path.of(System.getProperty("law.shared", "../../shared"))))).runFile(spec);
    }

    private static List<Result> queryResults(Outcome o) {
        List<Result> rs = o.results().stream().filter(r -> !r.kind().equals("export")).toList();
        return rs.subList(rs.size() - QUERIES.size(), rs.size());
    }

    @Test
    void savedFitsAnswerQueriesBitForBit() throws IOException {
        Outcome loaded = reload();
        List<Diagnostic> errors = loaded.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.isEmpty(), () -> errors.stream().map(Diagnostic::message).collect(Collectors.joining("\n")));
        List<Result> a = queryResults(live);
        List<Result> b = queryResults(loaded);
        for (int i = 0; i < QUERIES.size(); i++) {
            assertEquals(a.get(i).json(), b.get(i).json(), QUERIES.get(i));
            assertEquals(a.get(i).text(), b.get(i).text(), QUERIES.get(i));
        }
        assertTrue(a.get(0).json().has("ci_low"), "a bootstrap interval: " + a.get(0).json());
        assertTrue(a.get(2).json().get("N").has("ci_low") || a.get(2).json().toString().contains("ci_low"),
                "optimal with intervals: " + a.get(2).json());
        assertTrue(a.get(3).json().has("ci_low"), "a delta-method interval: " + a.get(3).json());
        // the saved noise gives the same prediction intervals: bootstrap x residuals, and the delta method
        assertTrue(a.get(16).json().get("method").asText().startsWith("bootstrap"), a.get(16).json().toString());
        assertTrue(a.get(17).json().get("method").asText().startsWith("delta"), a.get(17).json().toString());
        List<String> warnLive = warnings(live);
        List<String> warnLoaded = warnings(loaded);
        assertEquals(warnLive.subList(warnLive.size() - warnLoaded.size(), warnLive.size()), warnLoaded);
    }

    private static List<String> warnings(Outcome o) {
        return o.diagnostics().stream().filter(d -> d.code() == Code.EXTRAPOLATION || d.code() == Code.AT_BOUND)
                .map(d -> d.code().id() + " " + d.message()).toList();
    }

    /** A file written before saved fits kept the noise still loads; it has no prediction interval (L0711). */
    @Test
    void savedFitWithoutNoiseLoads() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("out/delta.json").toFile());
        assertTrue(doc.get("noise").get("residuals").size() > 100, doc.get("noise").toString());
        doc.remove("noise");
        doc.put("content_hash", law.export.SavedFitCheck.hash(doc));
        Files.writeString(dir.resolve("out/old.json"), doc.toString());
        Path spec = dir.resolve("out/old.law");
        Files.writeString(spec, "use \"old.json\"\npredict delta_fit at (N = 1e10, D = 2e11) { interval = prediction }\n"
                + "predict delta_fit at (N = 1e10, D = 2e11)\n");
        Outcome o = new Session(law.eval.Options.defaults()).runFile(spec);
        assertEquals(List.of(Code.NO_INTERVAL), o.diagnostics().stream().map(Diagnostic::code).toList());
        assertTrue(o.results().get(o.results().size() - 1).json().has("ci_low"));
    }

    @Test
    void loadedLawEqualsTheLiveOne() throws IOException {
        Session fresh = new Session(law.eval.Options.defaults().withAllowedPaths(java.util.List.of(java.nio.file.Path.of(System.getProperty("law.shared", "../../shared")))));
        Path spec = dir.resolve("out/one.law");
        Files.writeString(spec, "use \"boot.json\"\nuse \"delta.json\"\n");
        Outcome o = fresh.runFile(spec);
        assertTrue(o.diagnostics().isEmpty(), () -> o.diagnostics().toString());
        for (String name : List.of("boot_fit", "delta_fit")) {
            Law a = ((Value.LawRef) liveSession.env().get(name).value()).law();
            Law b = ((Value.LawRef) fresh.env().get(name).value()).law();
            assertEquals(a.body(), b.body(), name);
            assertEquals(a.vars(), b.vars());
            assertEquals(a.params(), b.params());
            assertEquals(a.values(), b.values());
            assertEquals(List.copyOf(a.values().keySet()), List.copyOf(b.values().keySet()));
            assertEquals(a.doc(), b.doc());
            assertEquals(a.cite(), b.cite());
            assertEquals(a.descriptions(), b.descriptions());
            Fitted fa = a.fitted();
            Fitted fb = b.fitted();
            assertEquals(fa.parameterNames(), fb.parameterNames());
            assertTrue(java.util.Arrays.deepEquals(fa.covariance(), fb.covariance()), name + " covariance");
            assertTrue(java.util.Arrays.deepEquals(fa.bootstrap(), fb.bootstrap()), name + " bootstrap");
            assertEquals(fa.stats(), fb.stats());
            for (String v : a.vars()) {
                assertArrayEquals(fa.variableRanges().get(v), fb.variableRanges().get(v));
            }
            for (String p : fa.parameterNames()) {
                assertEquals(fa.paramFields(p), fb.paramFields(p), name + "." + p);
            }
            assertTrue(fb.report().startsWith(fa.report()));
            assertEquals(Render.json(new Value.LawRef(a)), Render.json(new Value.LawRef(b)));
        }
        assertEquals("Chinchilla refit with a bootstrap.",
                ((Value.LawRef) fresh.env().get("boot_fit").value()).law().doc());
    }

    @Test
    void documentHoldsTheSchemaAndProvenance() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("out/boot.json").toFile());
        assertEquals(SavedFits.SCHEMA, doc.get("schema").asText());
        assertEquals("boot_fit", doc.get("name").asText());
        assertEquals(List.of("N", "D"), strings(doc.get("form").get("variables")));
        assertEquals(40, doc.get("bootstrap").size());
        assertEquals(5, doc.get("covariance").size());
        assertEquals(7, doc.get("fit").get("options").get("seed").asInt());
        assertEquals("runs", doc.get("fit").get("data").get("name").asText());
        assertTrue(doc.get("fit").get("data_hash").asText().length() > 8);
        assertNotNull(doc.get("law_version"));
        assertTrue(doc.get("form").get("parameters").get(0).get("domain").has("lo_closed"));
        JsonNode delta = new ObjectMapper().readTree(dir.resolve("out/delta.json").toFile());
        assertEquals(1.69, delta.get("values").get("E").asDouble());
        assertFalse(delta.has("bootstrap"));
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    @Test
    void exactPrintingReadsBackBitForBit() {
        SplittableRandom rnd = new SplittableRandom(3);
        Session s = new Session(law.eval.Options.defaults().withRedefinition(true));
        for (int i = 0; i < 300; i++) {
            double x = i < 5 ? new double[] {Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, -1e-300, 1.0 / 3}[i]
                    : Double.longBitsToDouble(rnd.nextLong());
            if (!Double.isFinite(x)) {
                continue;
            }
            String text = Printer.exact(Ops.mul(Expr.num(x), Expr.sym("N")));
            s.run("t" + i, "let v = " + text.replace("N", "1"));
            double back = ((Value.Scalar) s.env().get("v").value()).number();
            assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(back), text);
            assertEquals(x, Render.number(x).doubleValue());
        }
    }

    @Test
    void csvTablesHoldEveryParameter() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("out/boot.csv"));
        assertEquals("parameter,value,se,ci_low,ci_high,boot_se,boot_low,boot_high", lines.get(0));
        assertEquals(6, lines.size());
        Law a = ((Value.LawRef) liveSession.env().get("boot_fit").value()).law();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals(8, cells.length, line);
            assertEquals(a.values().get(cells[0]), Double.parseDouble(cells[1]), line);
            assertEquals(a.fitted().paramFields(cells[0]).get("boot_high"), Double.parseDouble(cells[7]), line);
        }
        List<String> rows = Files.readAllLines(dir.resolve("out/runs.csv"));
        assertTrue(rows.get(0).contains("N") && rows.get(0).contains("D"), rows.get(0));
        Value.Other runs = (Value.Other) liveSession.env().get("runs").value();
        assertEquals(((Value.Scalar) runs.fields().get("rows")).number() + 1, rows.size());
    }

    /**
     * The table compiles in a two-column article with booktabs, when a TeX engine is installed
     * (Debian: texlive-latex-base, texlive-latex-recommended); otherwise only its structure is
     * checked (latexTableIsABooktabsTable).
     */
    @Test
    void latexTableCompiles() throws IOException, InterruptedException {
        java.util.Optional<Path> pdflatex = java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "pdflatex")).filter(Files::isExecutable).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(pdflatex.isPresent(), "no pdflatex on PATH");
        Path tex = dir.resolve("paper.tex");
        Files.writeString(tex, "\\documentclass[twocolumn]{article}\n\\usepackage{booktabs}\n\\begin{document}\n"
                + "\\input{out/boot.tex}\n\\input{out/delta.tex}\n\\end{document}\n");
        Process p = new ProcessBuilder(pdflatex.get().toString(), "-interaction=nonstopmode", "-halt-on-error",
                "paper.tex").directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        assertTrue(Files.size(dir.resolve("paper.pdf")) > 1000, log);
        assertFalse(log.contains("Overfull \\hbox"), "the table does not fit the column:\n" + log);
    }

    @Test
    void latexTableIsABooktabsTable() throws IOException {
        String tex = Files.readString(dir.resolve("out/boot.tex"), StandardCharsets.UTF_8);
        assertTrue(tex.contains("\\begin{tabular}{lrrrrr}"), tex);
        for (String s : List.of("\\toprule", "\\midrule", "\\bottomrule", "\\end{tabular}", "\\caption{",
                "Bootstrap 95\\% CI", "boot\\_fit", "40 resamples", "$\\alpha$", "$\\beta$", "svg\\_extracted\\_data.csv",
                "SE: sandwich", "on the log scale for A, B, E", "for $\\alpha$, $\\beta$")) {
            assertTrue(tex.contains(s), "lacks " + s + ":\n" + tex);
        }
        String caption = tex.substring(tex.indexOf("\\caption{"), tex.indexOf("\\label{"));
        assertFalse(caption.contains("/"), "the caption names a directory: " + caption);
        assertTrue(caption.split("\\s+").length < 70, "a long caption: " + caption);
        long rows = tex.lines().filter(l -> l.endsWith("\\\\") && !l.startsWith("Parameter")).count();
        assertEquals(5, rows, tex);
        String unescaped = tex.replace("\\{", "").replace("\\}", "");
        assertEquals(unescaped.chars().filter(c -> c == '{').count(), unescaped.chars().filter(c -> c == '}').count(),
                "balanced braces");
        String delta = Files.readString(dir.resolve("out/delta.tex"), StandardCharsets.UTF_8);
        assertTrue(delta.contains("\\begin{tabular}{lrrr}") && delta.contains("Fixed: E $= 1.69$"), delta);
        assertEquals("alpha\\_N", Latex.escape("alpha_N"));
        assertEquals("$\\alpha_{\\mathrm{N}}$", Latex.name("alpha_N"));
        assertEquals("n\\_layers", Latex.name("n_layers"));
        assertEquals("$1.235 \\times 10^{-5}$", Latex.num(1.2346e-5));
    }

    @Test
    void malformedSavedFitsAreLocated() throws IOException {
        Path good = dir.resolve("out/boot.json");
        ObjectMapper m = new ObjectMapper();
        JsonNode doc = m.readTree(good.toFile());
        Files.writeString(dir.resolve("out/bad1.json"), "{\"schema\": \"law.fit/1\", \"name\": ");
        Files.writeString(dir.resolve("out/bad2.json"), doc.toString().replace("law.fit/1", "law.fit/9"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("form")).put("body", "E + A / N^alpha +");
        Files.writeString(dir.resolve("out/bad3.json"), doc.toString());
        doc = m.readTree(good.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("covariance");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).putArray("covariance").addArray().add(1);
        Files.writeString(dir.resolve("out/bad4.json"), doc.toString());
        Files.writeString(dir.resolve("out/bad5.json"), "[1, 2]");
        Path spec = dir.resolve("out/bad.law");
        Files.writeString(spec, """
                use "bad1.json"
                use "bad2.json"
                use "bad3.json"
                use "bad4.json"
                use "bad5.json"
                use "missing.json"
                export 3 -> "x.json"
                use "boot.json"
                export boot_fit -> "boot.json"
                """);
        Outcome o = new Session(law.eval.Options.defaults().withAllowedPaths(java.util.List.of(java.nio.file.Path.of(System.getProperty("law.shared", "../../shared"))))).runFile(spec);
        List<String> got = o.diagnostics().stream().map(d -> d.code().id() + "@" + d.span().line()).toList();
        assertEquals(List.of("L0807@1", "L0807@2", "L0807@3", "L0807@4", "L0807@5", "L0002@6", "L0806@7",
                "L0804@9"), got,
                o.diagnostics().stream().map(Diagnostic::message).collect(Collectors.joining("\n")));
        Map<Integer, String> messages = new java.util.HashMap<>();
        o.diagnostics().forEach(d -> messages.put(d.span().line(), d.message()));
        assertTrue(messages.get(1).contains("not valid JSON (line 1"), messages.get(1));
        assertTrue(messages.get(2).contains("law.fit/9"), messages.get(2));
        assertTrue(messages.get(3).contains("form.body"), messages.get(3));
        assertTrue(messages.get(4).contains("covariance"), messages.get(4));
    }
}
