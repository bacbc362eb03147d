package law.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import law.eval.Limits;
import law.eval.Options;
import law.eval.Result;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole session on arbitrary bytes, read as a spec file: whatever the input, law reports
 * diagnostics and never an internal error or a stack trace, and finishes within {@link #BUDGET}.
 * The session runs with small limits, one thread, in a scratch directory that is its sandbox, so
 * whatever an input writes stays there. Seeds: the project's own {@code .law} files.
 */
class SessionFuzzTest {
    /** How long one input may run before it counts as a hang. */
    static final long BUDGET = 30;
    /** Longer inputs are cut: the parser target covers size. */
    static final int MAX_BYTES = 16_384;

    private static Path dir;
    private static ExecutorService worker;

    @BeforeAll
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("law-fuzz");
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "law-fuzz-session");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void tearDown() throws IOException {
        worker.shutdownNow();
        clean(true);
    }

    @FuzzTest(maxDuration = "15m")
    void session(FuzzedDataProvider data) throws Exception {
        byte[] bytes = data.consumeRemainingAsBytes();
        if (bytes.length > MAX_BYTES) {
            bytes = java.util.Arrays.copyOf(bytes, MAX_BYTES);
        }
        Path spec = dir.resolve("fuzz.law");
        Files.write(spec, bytes);
        String input = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        Options options = Options.defaults().withThreads(1).withQuiet(true).withLimits(new Limits(64, 16, 10_000));
        Future<Outcome> run = worker.submit(() -> new Session(options).runFile(spec));
        Outcome o;
        try {
            o = run.get(BUDGET, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            fail("no result within " + BUDGET + " s for " + Checks.quote(input));
            return;
        } catch (ExecutionException e) {
            throw new AssertionError("uncaught " + e.getCause() + " for " + Checks.quote(input), e.getCause());
        } finally {
            clean(false);
        }
        Checks.clean(o.diagnostics(), input);
        for (Result r : o.results()) {
            Checks.text(r.text(), input);
        }
    }

    /** Removes what an input wrote (plots, tables, exports), keeping the scratch directory unless {@code all}. */
    private static void clean(boolean all) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (all || !p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
