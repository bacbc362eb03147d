package law.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Entry;
import law.eval.Value;
import law.model.Law;
import java.util.Map;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders every kind of plot from the real data in shared/data and checks the files. */
class PlotTest {
    @TempDir
    static Path dir;

    static Path shared(String relative) {
        return law.SharedData.file(relative);
    }

    static final String SPEC_HEAD = """
            use chinchilla
            data runs = csv("%s") {
              N = `Model Size`
              C = `Training FLOP`
              L = loss
              D = C / (6 * N)
              drop 5 largest L
            }
            data iso = csv("%s") {
              where source == "epochai_chinchilla" and outlier == 0
              N = params
              D = tokens
              C = budget
              L = loss
            }
            fit refit = chinchilla(N, D) ~ L in runs {
              residual = log
              loss = huber(1e-3)
              start = {A = 480, B = 2100, E = 1.8, alpha = 0.35, beta = 0.37}
            }
            """;

    static String head() {
        return SPEC_HEAD.formatted(shared("chinchilla/svg_extracted_data.csv"), shared("isoflops/isoflops.csv"));
    }

    /** The plots of docs/img, one of each kind. */
    static final List<String> PLOTS = List.of(
            "plot epoch2024 on runs by N { x = C } -> \"law.%s\"",
            "plot residuals(epoch2024) on runs -> \"residuals.%s\"",
            "plot frontier(refit, C = 1e18..1e26) -> \"frontier.%s\"",
            "plot isoflops(epoch2024, C = [6e18, 3e19, 1e20, 3e20, 1e21, 3e21]) on iso -> \"isoflop.%s\"",
            "plot hoffmann2022, hoffmann2022_tex, epoch2024 on runs by N { x = C, title = \"three Chinchilla fits\" } "
                    + "-> \"overlay.%s\"");

    static Outcome run(String body) throws IOException {
        Path spec = dir.resolve("plots.law");
        Files.writeString(spec, head() + body);
        Session s = new Session(law.eval.Options.defaults().withAllowedPaths(java.util.List.of(java.nio.file.Path.of(System.getProperty("law.shared", "../../shared")))));
        s.run("prelude", "use chinchilla");
        Law base = ((Value.LawRef) s.env().get("epoch2024").value()).law();
        s.env().define(new Entry("epoch_se", Entry.Kind.LAW, new Value.LawRef(base.withValues("epoch_se", Map.of(),
                Fits.published(), null)), null, null));
        return s.runFile(spec);
    }

    @BeforeAll
    static void render() throws IOException {
        StringBuilder body = new StringBuilder();
        for (String p : PLOTS) {
            body.append(p.formatted("png")).append('\n').append(p.formatted("svg")).append('\n');
        }
        Outcome o = run(body.toString());
        List<Diagnostic> errors = o.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.isEmpty(), () -> errors.stream().map(Diagnostic::message).collect(Collectors.joining("\n")));
        String keep = System.getProperty("law.plot.keep");
        if (keep != null) {
            for (String name : List.of("law", "residuals", "frontier", "isoflop", "overlay")) {
                Files.copy(dir.resolve(name + ".svg"), Path.of(keep).resolve(name + ".svg"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.copy(dir.resolve(name + ".png"), Path.of(keep).resolve(name + ".png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void pngsDecodeAtTheirSize() throws IOException {
        for (String name : List.of("law", "residuals", "frontier", "isoflop", "overlay")) {
            BufferedImage img = ImageIO.read(dir.resolve(name + ".png").toFile());
            assertEquals(900, img.getWidth(), name);
            assertEquals(600, img.getHeight(), name);
        }
    }

    /**
     * Every colour and line style is named in the legend, axes are titled with the user's column
     * names (the file's name in brackets after a rename), log axes are labelled 10^k or plain
     * numbers (never 1E20) with enough labels: the SVG keeps its text as text, so read it.
     */
    @Test
    void svgsNameEverySeriesAndLabelTheirAxes() throws IOException {
        assertSvg("law", List.of("N = 5.7×10⁷–2×10⁸", "N = 2.3×10⁹–1.6×10¹⁰", "epoch2024", "Training FLOP (C)", "loss (L)", "10²⁰",
                "2.4", "3.0"));
        assertSvg("overlay", List.of("N = 5.7×10⁷–2×10⁸", "hoffmann2022", "hoffmann2022_tex", "epoch2024", "three Chinchilla fits"));
        assertSvg("residuals", List.of("zero", "Model Size (N)", "ln L − ln epoch2024", "10⁹"));
        assertSvg("frontier", List.of("N*(C)", "D*(C)", "95% interval of N*", "10²⁴"));
        assertSvg("isoflop", List.of("C = 6×10¹⁸", "C = 10²⁰", "optimum N*(C)", "params (N)"));
    }

    private static void assertSvg(String name, List<String> texts) throws IOException {
        String svg = Files.readString(dir.resolve(name + ".svg"), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"), name);
        List<String> shown = SvgText.of(svg);
        for (String t : texts) {
            assertTrue(shown.contains(t), name + ".svg does not show '" + t + "': " + shown);
        }
        assertFalse(shown.stream().anyMatch(t -> t.matches(".*\\dE\\d.*")), name + ": a tick like 1E20 in " + shown);
    }

    /** A log axis within one decade still gets at least four labels; over decades, powers of ten. */
    @Test
    void logTicks() {
        List<String> narrow = LogTicks.of(2.1, 3.4).stream().filter(LogTicks.Tick::major).map(LogTicks.Tick::label).toList();
        assertEquals(List.of("2.2", "2.4", "2.6", "2.8", "3.0", "3.2", "3.4"), narrow);
        assertTrue(LogTicks.of(2.1, 3.4).stream().filter(t -> !t.major()).count() >= 20);
        List<String> wide = LogTicks.of(1e18, 1e26).stream().filter(LogTicks.Tick::major).map(LogTicks.Tick::label).toList();
        assertEquals(List.of("10¹⁸", "10¹⁹", "10²⁰", "10²¹", "10²²", "10²³", "10²⁴", "10²⁵", "10²⁶"), wide);
        List<String> small = LogTicks.of(0.5, 200).stream().filter(LogTicks.Tick::major).map(LogTicks.Tick::label).toList();
        assertEquals(List.of("1", "10", "100"), small);
        List<String> big = LogTicks.of(1.2e20, 4.5e20).stream().filter(LogTicks.Tick::major).map(LogTicks.Tick::label)
                .toList();
        assertTrue(big.size() >= 4 && big.contains("2×10²⁰"), big.toString());
    }

    /** A linear axis gets 4 to 9 round labels, zero written 0.00 (never -0.00); legend numbers are short. */
    @Test
    void linearTicksAndLegendNumbers() {
        List<String> res = LogTicks.linear(-0.05, 0.05).stream().filter(LogTicks.Tick::major).map(LogTicks.Tick::label)
                .toList();
        assertTrue(res.size() >= 4 && res.size() <= 9 && res.contains("0.00") && !res.contains("-0.00"), res.toString());
        assertEquals(List.of("5.7×10⁷", "10²⁰", "6×10¹⁸", "120", "0.35", "-2.5×10⁻⁵"),
                List.of(LogTicks.times(5.71e7, 2), LogTicks.times(1e20, 3), LogTicks.times(6e18, 3),
                        LogTicks.times(120, 2), LogTicks.times(0.351, 2), LogTicks.times(-2.5e-5, 2)));
    }

    /** An inside legend goes to the corner covering the fewest points: not the top right when the points are there. */
    @Test
    void insideLegendAvoidsThePoints() {
        Figure f = new Figure(Style.SCREEN, null, "x", "y", false, false, new double[] {0, 1}, new double[] {0, 1});
        double[] xs = new double[50];
        double[] ys = new double[50];
        for (int i = 0; i < 50; i++) {
            xs[i] = 0.7 + 0.3 * i / 49.0;
            ys[i] = 0.7 + 0.3 * ((i * 7) % 50) / 49.0;
        }
        f.points(xs, ys, java.awt.Color.RED, Style.SCREEN.dot());
        f.legend("points", java.awt.Color.RED, Style.SCREEN.dot(), -1);
        org.jfree.chart.JFreeChart chart = f.chart(Legend.INSIDE, 900, 600);
        List<?> notes = chart.getXYPlot().getAnnotations();
        assertEquals(1, notes.size());
        org.jfree.chart.annotations.XYTitleAnnotation a = (org.jfree.chart.annotations.XYTitleAnnotation) notes.get(0);
        assertTrue(a.getX() < 0.5 || a.getY() < 0.5, "legend at " + a.getX() + ", " + a.getY());
    }

    /** legend = right | below | inside | none; anything else is a bad option. */
    @Test
    void legendOption() throws IOException {
        Outcome o = run("""
                plot epoch2024 on runs by N { x = C, legend = none } -> "bare.svg"
                plot epoch2024 on runs by N { x = C, legend = inside } -> "inside.svg"
                plot epoch2024 on runs by N { x = C, legend = top } -> "top.svg"
                """);
        List<String> bare = SvgText.of(Files.readString(dir.resolve("bare.svg"), StandardCharsets.UTF_8));
        assertFalse(bare.contains("epoch2024"), bare.toString());
        List<String> inside = SvgText.of(Files.readString(dir.resolve("inside.svg"), StandardCharsets.UTF_8));
        assertTrue(inside.contains("epoch2024") && inside.contains("N = 5.7×10⁷–2×10⁸"), inside.toString());
        assertEquals(List.of(Code.BAD_OPTION), o.diagnostics().stream().filter(Diagnostic::isError)
                .map(Diagnostic::code).toList());
        assertFalse(Files.exists(dir.resolve("top.svg")));
    }

    /** style = paper: a 3.25 in column, serif, vector SVG in points and a one-page PDF. */
    @Test
    void paperStyle() throws IOException, InterruptedException {
        Outcome o = run("""
                plot epoch2024 on runs by N { x = C, style = paper } -> "paper.svg"
                plot epoch2024 on runs by N { x = C, style = paper } -> "paper.pdf"
                plot epoch2024 on runs by N { x = C, style = paper } -> "paper.png"
                plot epoch2024 on runs { style = poster } -> "no.png"
                """);
        String svg = Files.readString(dir.resolve("paper.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("width='234.0pt'") && svg.contains("font-family: serif"), svg.substring(0, 400));
        assertTrue(Files.readString(dir.resolve("paper.pdf"), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        BufferedImage img = ImageIO.read(dir.resolve("paper.png").toFile());
        assertEquals(975, img.getWidth());
        assertEquals(List.of(Code.BAD_OPTION), o.diagnostics().stream().filter(Diagnostic::isError)
                .map(Diagnostic::code).toList());
    }

    /** interval = prediction | confidence: a band around each fitted law's curves, its level and methods in --json. */
    @Test
    void intervalBands() throws IOException {
        Outcome o = run("""
                plot refit on runs by N { x = C, interval = prediction, level = 0.9 } -> "pi.svg"
                plot refit on runs by N { x = C, interval = confidence } -> "ci.svg"
                plot frontier(refit, C = 1e18..1e26) { interval = prediction } -> "no.svg"
                plot refit on runs { interval = both } -> "no2.svg"
                plot refit on runs { level = 1.5, interval = prediction } -> "no3.svg"
                """);
        List<String> pi = SvgText.of(Files.readString(dir.resolve("pi.svg"), StandardCharsets.UTF_8));
        assertTrue(pi.contains("90% prediction intervals") && pi.contains("refit"), pi.toString());
        List<String> ci = SvgText.of(Files.readString(dir.resolve("ci.svg"), StandardCharsets.UTF_8));
        assertTrue(ci.contains("95% confidence intervals"), ci.toString());
        com.fasterxml.jackson.databind.JsonNode iv = o.results().stream().filter(r -> r.kind().equals("plot"))
                .findFirst().orElseThrow().json().get("interval");
        assertEquals("prediction", iv.get("kind").asText());
        assertEquals(0.9, iv.get("level").asDouble());
        assertTrue(iv.get("methods").get(0).asText().startsWith("refit: delta method with noise sd"), iv.toString());
        assertEquals(List.of(Code.BAD_OPTION, Code.BAD_OPTION, Code.BAD_OPTION), o.diagnostics().stream()
                .filter(Diagnostic::isError).map(Diagnostic::code).toList());
        assertFalse(Files.exists(dir.resolve("no.svg")));
    }

    @Test
    void sizeOptionAndErrors() throws IOException {
        Outcome o = run("""
                plot epoch2024 on runs { width = 640, height = 400 } -> "small.png"
                plot epoch2024 on runs -> "out.gif"
                plot epoc(epoch2024) on runs -> "x.png"
                plot epoch2024 on runs -> "plots.law"
                plot epoch2024 on runs { colour = 1 } -> "y.png"
                plot epoch2024 -> "z.png"
                plot epoch2024 on runs -> "no/such/../../%s/x.png"
                """.formatted("plots.law"));
        BufferedImage img = ImageIO.read(dir.resolve("small.png").toFile());
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        List<Code> codes = o.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
        assertEquals(List.of(Code.OUTPUT_FORMAT, Code.PLOT_KIND, Code.OUTPUT_IS_INPUT, Code.BAD_OPTION,
                Code.PLOT_INCOMPLETE, Code.OUTPUT_UNWRITABLE), codes);
        assertFalse(Files.exists(dir.resolve("out.gif")));
    }
}
