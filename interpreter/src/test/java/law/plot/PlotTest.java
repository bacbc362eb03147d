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
     * XChart draws text as outlines, so an SVG holds no legend strings: check instead its size and
     * that every series is drawn in its colour (one palette colour per group, law or budget).
     */
    @Test
    void svgsDrawEverySeries() throws IOException {
        assertSvg("law", 6);
        assertSvg("residuals", 1);
        assertSvg("frontier", 2);
        assertSvg("isoflop", 6);
        assertSvg("overlay", 3);
    }

    private static void assertSvg(String name, int series) throws IOException {
        String svg = Files.readString(dir.resolve(name + ".svg"), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") && svg.contains("viewBox=\"0 0 900 600\""), name);
        for (int k = 0; k < series; k++) {
            java.awt.Color c = Style.color(k);
            String rgb = "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
            assertTrue(svg.contains(rgb), name + ".svg lacks series " + k + " (" + rgb + ")");
        }
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
