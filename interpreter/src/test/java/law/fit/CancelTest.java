package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import law.diag.Code;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/** Interrupting the thread that runs a fit (Ctrl-C in the REPL) cancels it and changes nothing. */
class CancelTest {

    @Test
    void interruptCancelsAFitAndLeavesTheSessionAsItWas() throws Exception {
        String spec = """
                law power(N) = A / N^alpha + E { A > 0, alpha in (0, 2), E >= 0 }
                law truth = power with { A = 30, alpha = 0.3, E = 1.5 }
                data sim = simulate(truth, N = 1e6..1e10 log 4000, noise = lognormal(0.02), seed = 3, target = L)
                fit slow = power(N) ~ L in sim {
                  residual = log
                  loss = huber(1e-3)
                  start = grid(A = exp(0..20 by 0.5), alpha = 0..2 by 0.1, E = 0..3 by 0.25)
                }
                """;
        for (int threads : new int[] {1, 2}) {
            Session session = new Session(Options.defaults().withThreads(threads));
            AtomicReference<Outcome> out = new AtomicReference<>();
            Thread worker = new Thread(() -> out.set(session.run("<test>", spec)));
            worker.start();
            while (session.env().get("sim") == null && worker.isAlive()) {
                Thread.sleep(5);
            }
            Thread.sleep(300);
            worker.interrupt();
            worker.join(20_000);
            Outcome o = out.get();
            assertTrue(o != null, "the run finished after the interrupt");
            assertTrue(o.diagnostics().stream().anyMatch(d -> d.code() == Code.CANCELLED), o.diagnostics().toString());
            assertNull(session.env().get("slow"), "a cancelled fit defines nothing");
            assertEquals(0, o.exitCode());
        }
    }
}
