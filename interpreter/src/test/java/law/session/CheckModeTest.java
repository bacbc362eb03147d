package law.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import law.SharedData;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check mode: names are resolved and data read as {@code law check} does, with the same
 * diagnostics, but no fit or query runs and nothing is written.
 */
class CheckModeTest {
    @TempDir
    Path dir;

    private Outcome check(String text) throws IOException {
        Path spec = dir.resolve("spec.law");
        Files.writeString(spec, text);
        Options o = Options.defaults().withCheck(true).withQuiet(true).withThreads(1)
                .withAllowedPaths(List.of(SharedData.root()));
        return new Session(o).runFile(spec);
    }

    private Outcome run(String text) throws IOException {
        Path spec = dir.resolve("spec.law");
        Files.writeString(spec, text);
        return new Session(Options.defaults().withQuiet(true).withThreads(1)
                .withAllowedPaths(List.of(SharedData.root()))).runFile(spec);
    }

    private static List<String> codes(Outcome o) {
        return o.diagnostics().stream().map(d -> d.code().id() + "@" + d.span().line() + ":" + d.span().column()).toList();
    }

    private static final String FIT = """
            use chinchilla
            data runs = csv("%s") {
              N = `Model Size`
              C = `Training FLOP`
              L = loss
              D = C / (6 * N)
            }
            fit epoch = chinchilla(N, D) ~ L in runs { loss = huber(1e-3), bootstrap = 500 }
            expect epoch.alpha = 0.1 +- 0.001
            optimal N, D for epoch at C = 5.76e23
            plot epoch on runs -> "never.png"
            export epoch -> "never.json"
            """;

    private String fit() {
        return FIT.formatted(SharedData.file("chinchilla/svg_extracted_data.csv").toString().replace("\\", "/"));
    }

    @Test
    void noFitRunsAndNothingIsWritten() throws IOException {
        long t0 = System.nanoTime();
        Outcome o = check(fit());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(List.of(), o.diagnostics(), "a wrong expectation of a fit is not checked: the fit did not run");
        assertEquals(0, o.passed() + o.failed());
        assertFalse(Files.exists(dir.resolve("never.png")));
        assertFalse(Files.exists(dir.resolve("never.json")));
        assertTrue(ms < 60_000, "sanity only: a 500-replicate bootstrap did not run (" + ms + " ms)");
    }

    @Test
    void nameAndDataErrorsAreTheSameAsLawCheck() throws IOException {
        String text = fit().replace("L = loss", "L = los").replace("chinchilla(N, D) ~", "chinchila(N, D) ~")
                + "let x = alhpa\nprint runs.rows\n";
        Outcome checked = check(text);
        Outcome ran = run(text);
        assertEquals(codes(ran), codes(checked));
        assertEquals(ran.diagnostics().stream().map(Diagnostic::message).toList(),
                checked.diagnostics().stream().map(Diagnostic::message).toList());
        assertTrue(codes(checked).contains("L0407@5:7"), codes(checked).toString());
    }

    @Test
    void aFitsOwnMistakesAreFoundBeforeItWouldRun() throws IOException {
        Outcome o = check(fit().replace("~ L in runs", "~ LL in runs"));
        assertEquals(Code.UNKNOWN_NAME, o.diagnostics().get(0).code(), o.diagnostics().toString());
        assertEquals("did you mean 'L'?", o.diagnostics().get(0).help());
        Outcome option = check(fit().replace("huber(1e-3)", "hubr(1e-3)"));
        assertEquals(Code.BAD_OPTION, option.diagnostics().get(0).code(), option.diagnostics().toString());
        assertTrue(option.diagnostics().get(0).help().startsWith("did you mean 'huber'?"));
    }

    @Test
    void queriesResolveNamesButDoNotSolve() throws IOException {
        Outcome o = check("use chinchilla\noptimal N, D for hofmann2022 at C = 1e24\nminimize epoch2024(N, D) subject to 6 * N * D = 1e24\n"
                + "solve hoffmann2022(N, 20 * N) = 2 for N\nexpect (optimal N for epoch2024 at C = 5.76e23) = 1 +- 1%\n");
        assertEquals(List.of("L0206@2:18"), codes(o));
        assertEquals(0, o.results().size(), "no query was solved");
        assertNotNull(o.diagnostics().get(0).help());
    }

    @Test
    void aPendingNameCannotBeDefinedTwice() throws IOException {
        Outcome o = check(fit() + "fit epoch = chinchilla(N, D) ~ L in runs\n");
        assertEquals(List.of("L0204@13:5"), codes(o));
        assertTrue(o.diagnostics().get(0).message().contains("on line 8"), o.diagnostics().get(0).message());
    }

    @Test
    void outputsOutsideTheSandboxAreStillRefused() throws IOException {
        Outcome o = check("let x = 1\ntable C = 1..3: C -> \"../../elsewhere.csv\"\n");
        assertEquals(List.of("L0901@2:22"), codes(o));
    }
}
