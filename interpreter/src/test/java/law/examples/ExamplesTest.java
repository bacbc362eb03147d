package law.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import law.appendix.Appendices;
import law.appendix.Appendix;
import law.appendix.Render;
import law.diag.Diagnostic;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every runnable example, subfolders included ({@code examples/papers/}), passes {@code law check}:
 * it runs without errors and its expectations hold; and {@code law report} on it gives an appendix
 * in every format, with a section for each of its fits and IsoFLOP analyses. The Markdown
 * appendix of the Chinchilla replication is compared with its golden copy.
 */
class ExamplesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/report/chinchilla_replication.md");

    @TestFactory
    Stream<DynamicTest> everyExamplePassesCheck() throws IOException {
        Path dir = Path.of("../examples");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".law")).sorted().toList();
        }
        assertTrue(files.size() >= 7, "examples: " + files);
        assertTrue(files.stream().anyMatch(f -> f.getParent().endsWith("papers")), "examples/papers/ is walked");
        return files.stream().map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(), () -> {
            // As README says to run them: ./law check --allow-path ../shared examples/X.law
            Path shared = Path.of(System.getProperty("law.shared", "../../shared"));
            Session session = new Session(Options.defaults().withQuiet(true).withAllowedPaths(List.of(shared)));
            Outcome o = session.runFile(f);
            List<Diagnostic> errors = o.diagnostics().stream().filter(Diagnostic::isError).toList();
            assertEquals(List.of(), errors, f + " has errors");
            assertTrue(o.passed() > 0, f + " checks nothing: add expect statements");
            assertEquals(0, o.exitCode(), f.toString());
            report(f, session, o);
        }));
    }

    /** The example's appendix: every format renders, and one section per fit and isoflop statement. */
    private static void report(Path f, Session session, Outcome o) throws IOException {
        String name = "examples/" + Path.of("../examples").relativize(f).toString().replace('\\', '/');
        Appendix a = Appendices.of(name, session, o);
        String text = Files.readString(f, StandardCharsets.UTF_8);
        long statements = text.lines().filter(l -> l.matches("\\s*(fit|isoflop)\\s+\\w+\\s*=.*")).count();
        long sections = a.sections().stream().filter(s -> !s.kind().equals("queries")).map(s -> s.name()
                .replaceAll(" \\[.*", "")).distinct().count();
        assertEquals(statements, sections, name + ": sections " + a.sections().stream().map(s -> s.name()).toList());
        for (Render.Format fmt : Render.Format.values()) {
            String out = Render.render(a, fmt);
            assertTrue(out.contains(name), fmt + " of " + name);
        }
        assertEquals(Render.SCHEMA, new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Render.render(a, Render.Format.JSON)).get("schema").asText());
        if (name.equals("examples/chinchilla_replication.law")) {
            String want = Files.exists(GOLDEN) ? Files.readString(GOLDEN, StandardCharsets.UTF_8) : "";
            assertEquals(versionless(want), versionless(Render.markdown(a)), "the Markdown appendix of " + name
                    + " changed; if the change is right, regenerate it from the repository root with: ./law report "
                    + "--allow-path ../shared --format markdown " + name
                    + " > interpreter/src/test/resources/report/chinchilla_replication.md");
        }
    }

    /** The text with law's version replaced, so a version bump alone does not fail the golden test. */
    private static String versionless(String s) {
        return s.replace("(law " + law.report.Version.get() + ")", "(law VERSION)")
                .replaceAll("\\(law [0-9][^)]*\\)", "(law VERSION)");
    }
}
