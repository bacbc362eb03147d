package law.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import law.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same spec and seed give byte-identical {@code --json} output, whatever the thread count. */
class ReproducibilityTest {
    @TempDir
    Path dir;

    private static final String SPEC = """
            law chinchilla(N, D) = E + A / N^alpha + B / D^beta {
              A > 0
              B > 0
              E > 0
              alpha in (0, 1)
              beta in (0, 1)
            }
            law truth = chinchilla with {A = 400, B = 1000, E = 1.7, alpha = 0.34, beta = 0.28}
            data runs = simulate(truth, N = [1e7, 3e7, 1e8, 3e8, 1e9], D = [1e9, 1e10, 1e11],
                                 noise = lognormal(0.01), seed = 7, target = loss)
            fit f = chinchilla(N, D) ~ loss in runs { start = random(12), bootstrap = 24, seed = 3 }
            f
            f(1e9, 2e10)
            table N = 1e8..1e10 log 3: f(N, 2e10)
            """;

    private String json(int threads) throws IOException {
        Path spec = dir.resolve("repro.law");
        Files.writeString(spec, SPEC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.run(new String[] {"run", "--json", "-q", "--threads", Integer.toString(threads), spec.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sameBytesAcrossRunsAndThreadCounts() throws IOException {
        String one = json(1);
        assertTrue(one.contains("\"law_version\""), "the JSON records law's version: " + one);
        assertTrue(!one.contains("\"severity\" : \"error\""), one);
        assertEquals(one, json(1), "a second run with one thread");
        assertEquals(one, json(2), "two threads");
        assertEquals(one, json(8), "eight threads");
    }
}
