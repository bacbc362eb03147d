package law.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import law.diag.Diagnostic;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every runnable example, subfolders included ({@code examples/papers/}), passes {@code law check}: it runs without errors and its expectations hold. */
class ExamplesTest {

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
            Outcome o = new Session(Options.defaults().withQuiet(true).withAllowedPaths(List.of(shared))).runFile(f);
            List<Diagnostic> errors = o.diagnostics().stream().filter(Diagnostic::isError).toList();
            assertEquals(List.of(), errors, f + " has errors");
            assertTrue(o.passed() > 0, f + " checks nothing: add expect statements");
            assertEquals(0, o.exitCode(), f.toString());
        }));
    }
}
