package law.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import law.SharedData;
import law.diag.Code;
import law.eval.Options;
import law.eval.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statement that can run long stops at its next unit of work once its thread is
 * interrupted (Ctrl-C in the REPL), reports {@code L0005}, and leaves the session as it was: no
 * new name, no poisoned name, no output file, and the session runs the next entry normally.
 *
 * <p>The interrupt is raised by the statement's own progress bar at its first counted unit, so
 * the test does not depend on timing: a statement that counted more than a few units after the
 * interrupt (beyond the ones parallel workers already held) did not poll for it.
 */
class CancellationTest {
    private static final String LAWS = """
            use chinchilla
            law f(N, g) = A / N^a + 0 * g { A > 0, a in (0, 2) }
            law t = f with { A = 10, a = 0.3 }
            law p(N) = A / N^a { A > 0, a in (0, 2) }
            law pt = p with { A = 10, a = 0.3 }
            """;

    /** Progress that interrupts the statement's thread when the first task with {@code label} counts a unit. */
    private static final class Trap implements Progress {
        private final String label;
        private volatile Thread statement;
        final AtomicLong after = new AtomicLong(-1);
        final AtomicLong total = new AtomicLong();

        Trap(String label) {
            this.label = label;
        }

        @Override
        public Task start(String name, long count) {
            boolean armed = name.startsWith(label) && statement == null;
            if (armed) {
                statement = Thread.currentThread();
                total.set(count);
            }
            return new Task() {
                @Override
                public void step(long n) {
                    if (!armed) {
                        return;
                    }
                    if (after.getAndIncrement() == -1) {
                        statement.interrupt();
                    }
                }

                @Override
                public void done() {
                }
            };
        }
    }

    /** Runs {@code setup}, then {@code statement} with a trap on {@code label}; checks the session is unchanged. */
    private static Trap cancel(Options options, String setup, String statement, String label, String defined) {
        Session s = new Session(options.withThreads(2));
        Outcome prepared = s.run("<setup>", LAWS + setup);
        assertFalse(prepared.hasErrors(), prepared.diagnostics().toString());
        Set<String> before = Set.copyOf(s.env().names());
        Trap trap = new Trap(label);
        s.progress(trap);
        Outcome o = s.run("<cancelled>", statement + "\nlet after_it = 1\n");
        assertTrue(trap.after.get() >= 0, "the statement never counted a unit of '" + label + "'");
        // sequential work stops at the next unit; parallel workers finish the units they hold
        assertTrue(trap.after.get() <= 4 + trap.total.get() / 1000, statement + " ran " + trap.after.get()
                + " more units after the interrupt");
        assertTrue(trap.total.get() > 100, "the statement is long: " + trap.total.get() + " units");
        assertTrue(o.diagnostics().stream().anyMatch(d -> d.code() == Code.CANCELLED), o.diagnostics().toString());
        assertFalse(o.hasErrors(), o.diagnostics().toString());
        assertEquals(before, Set.copyOf(s.env().names()), "a cancelled statement defines nothing");
        assertNull(s.env().get("after_it"), "nothing after the cancelled statement runs");
        if (defined != null) {
            assertFalse(s.env().isPoisoned(defined), "a cancelled definition is not a failed one");
        }
        assertFalse(Thread.currentThread().isInterrupted(), "the session consumed the cancellation");
        s.progress(Progress.NONE);
        Outcome next = s.run("<next>", "let after_it = 2\nprint after_it\n");
        assertEquals("2", next.results().get(0).text(), "the session runs the next entry");
        return trap;
    }

    @Test
    void aTableSweepStopsAtTheNextRowAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("t.csv");
        cancel(Options.defaults().withAllowedPaths(List.of(dir)), "",
                "table C = 1e18..1e26 log 200000: optimal N, D for epoch2024 at C -> \"" + out + "\"",
                "table", null);
        assertFalse(Files.exists(out));
        assertEmpty(dir);
    }

    @Test
    void aMinimizeWithManyStartsStops() {
        cancel(Options.defaults(), "", "minimize epoch2024(N, D) + (a - 3)^2 + (b - 1)^2 + log(c)^2 + (d - 2)^2 "
                + "subject to 6 * N * D = 1e23", "scoring", null);
    }

    @Test
    void intervalsOfAnOptimumFromABootstrappedFitStop() {
        cancel(Options.defaults(), """
                data d = simulate(pt, N = 1e6..1e9 log 30, noise = lognormal(0.02), seed = 4, target = L)
                fit k = p(N) ~ L in d { bootstrap = 400, seed = 1 }
                """, "let m = (minimize k(N) + 1e-12 * N over N in [1e3, 1e12])", "intervals", "m");
    }

    @Test
    void aGroupedFitStopsAtTheNextGroup() {
        cancel(Options.defaults(),
                "data d = simulate(t, N = 1e6..1e9 log 8, g = 1..400, noise = lognormal(0.02), seed = 3, target = L)\n",
                "fit per = f(N, g) ~ L in d by g", "fit per: groups", "per");
    }

    @Test
    void anIsoflopBootstrapStops() {
        Path json = SharedData.file("cs336/isoflops_curves.json");
        cancel(Options.defaults().withAllowedPaths(List.of(json.getParent())),
                "data runs = json(\"" + json + "\")\n",
                "isoflop cs = final_loss ~ parameters in runs by compute_budget { bootstrap = 100000, seed = 1 }",
                "isoflop: bootstrap", "cs");
    }

    @Test
    void aFrontierPlotStopsAndWritesNothing(@TempDir Path dir) throws Exception {
        cancel(Options.defaults().withAllowedPaths(List.of(dir)), "",
                "plot frontier(epoch2024, C = 1e18..1e26 log 5000) -> \"" + dir.resolve("f.png") + "\"",
                "plot", null);
        assertEmpty(dir);
    }

    @Test
    void anExportOfManyRowsStopsAndLeavesNoPartFile(@TempDir Path dir) throws Exception {
        cancel(Options.defaults().withAllowedPaths(List.of(dir)),
                "data big = simulate(t, N = 1e6..1e10 log 1000, g = 1..200, noise = none, target = L)\n",
                "export big -> \"" + dir.resolve("big.csv") + "\"", "export", null);
        assertEmpty(dir);
    }

    /** Cancellation by wall clock, as Ctrl-C does it: the statement ends long before it would have finished. */
    @Test
    void anInterruptedThreadEndsTheStatementPromptly() throws Exception {
        Session s = new Session(Options.defaults().withThreads(1));
        s.run("<setup>", "use chinchilla");
        AtomicReference<Outcome> out = new AtomicReference<>();
        AtomicLong stoppedAt = new AtomicLong();
        Thread worker = new Thread(() -> {
            out.set(s.run("<t>", "table C = 1e18..1e26 log 200000: optimal N, D for epoch2024 at C"));
            stoppedAt.set(System.nanoTime());
        });
        worker.start();
        Thread.sleep(500);
        long interruptedAt = System.nanoTime();
        worker.interrupt();
        worker.join(60_000);
        assertFalse(worker.isAlive(), "the sweep (about two hours of work) ignored the interrupt");
        assertTrue(out.get().diagnostics().stream().anyMatch(d -> d.code() == Code.CANCELLED));
        System.out.printf("table sweep stopped %.0f ms after the interrupt%n", (stoppedAt.get() - interruptedAt) / 1e6);
    }

    private static void assertEmpty(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing is left in " + dir);
        }
    }
}
