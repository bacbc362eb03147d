package law.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import law.SharedData;
import law.diag.Diagnostic;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures in docs/img are what docs/img/figures.law draws today, so the docs cannot drift
 * from the code: the test redraws every picture into a temporary folder and compares it with the
 * committed one (an SVG by the text it shows: titles, axis titles, tick labels, legend; a PNG by
 * its size), and checks that every picture README.md and docs/*.md show is drawn by the file.
 * After a deliberate change, redraw them with docs/img/make.sh (or
 * {@code -Dlaw.docs.update=true}) and look at them.
 */
class DocsImagesTest {
    static final Path ROOT = Path.of(System.getProperty("law.root", ".."));
    static final Path IMG = ROOT.resolve("docs/img");

    @TempDir
    Path dir;

    @Test
    void committedPicturesAreWhatFiguresLawDraws() throws IOException {
        boolean update = Boolean.getBoolean("law.docs.update");
        Path spec = IMG.resolve("figures.law");
        Path target = update ? IMG : dir;
        if (!update) {
            Files.copy(spec, dir.resolve("figures.law"));
        }
        Options opts = Options.defaults().withQuiet(true).withAllowedPaths(List.of(SharedData.root()))
                .withDataOverrides(Map.of("runs", SharedData.file("chinchilla/svg_extracted_data.csv"),
                        "iso", SharedData.file("isoflops/isoflops.csv")));
        Outcome o = new Session(opts).runFile(target.resolve("figures.law"));
        List<Diagnostic> errors = o.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(), errors, "figures.law has errors");
        List<String> drawn = outputs(Files.readString(spec));
        for (String name : drawn) {
            Path now = target.resolve(name);
            Path committed = IMG.resolve(name);
            String redo = "docs/img/" + name + " is out of date: run docs/img/make.sh and look at the picture";
            assertTrue(Files.exists(committed), redo);
            if (name.endsWith(".svg")) {
                assertEquals(SvgText.of(Files.readString(now, StandardCharsets.UTF_8)),
                        SvgText.of(Files.readString(committed, StandardCharsets.UTF_8)), redo);
            } else {
                BufferedImage a = ImageIO.read(now.toFile());
                BufferedImage b = ImageIO.read(committed.toFile());
                assertEquals(a.getWidth() + "x" + a.getHeight(), b.getWidth() + "x" + b.getHeight(), redo);
            }
        }
        for (String shown : shownInDocs()) {
            assertTrue(drawn.contains(shown), "the docs show img/" + shown + ", which docs/img/figures.law does not draw");
        }
    }

    /** The files the plot statements of a spec write. */
    static List<String> outputs(String spec) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^plot .*-> \"([^\"]+)\"").matcher(spec);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The pictures of docs/img that README.md and docs/*.md show. */
    static List<String> shownInDocs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            docs.addAll(s.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        List<String> out = new ArrayList<>();
        Pattern img = Pattern.compile("\\(((?:docs/)?img/)([^)\\s]+\\.(?:png|svg|pdf))\\)");
        for (Path d : docs) {
            Matcher m = img.matcher(Files.readString(d));
            while (m.find()) {
                out.add(m.group(2));
            }
        }
        return out.stream().distinct().collect(Collectors.toList());
    }
}
