package law.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/**
 * {@code bootstrap_starts = all}: every replicate refitted from the fit's whole start set and the
 * estimate, and the count of replicates whose best optimum is in another basin than the one a
 * refit from the estimate reaches. Data with two bumps of nearly equal height: the point estimate
 * sits on one, and a resample tips the balance towards the other often enough.
 */
class BootstrapStartsTest {

    private static final String SPEC = """
            law two(x) = exp(-(x + 3)^2) + 1.03 * exp(-(x - 3)^2)
            law bump(x) = a * exp(-(x - m)^2) {
              a > 0
              m > -inf
            }
            data d = simulate(two, x = -6..6 by 0.25, noise = normal(0.05), seed = 3, target = y)
            fit f = bump(x) ~ y in d { start = grid(a = 1, m = -5..5 by 1), bootstrap = 40, bootstrap_starts = all, seed = 1 }
            fit g = bump(x) ~ y in d { start = grid(a = 1, m = -5..5 by 1), bootstrap = 40, seed = 1 }
            """;

    private static Session run(int threads) {
        Session s = FitFixtures.session(threads);
        Outcome o = FitFixtures.run(s, SPEC);
        assertTrue(o.diagnostics().stream().noneMatch(d -> d.isError()), o.diagnostics().toString());
        return s;
    }

    @Test
    void restartsFindTheOtherBasinAndCountIt() {
        Session s = run(2);
        FitResult all = FitFixtures.result(s, "f");
        FitResult est = FitFixtures.result(s, "g");
        assertEquals(-3.0, all.values[1], 0.05);
        // from the estimate, every replicate stays on the bump at -3
        for (double[] r : est.bootstrap) {
            assertEquals(-3.0, r[1], 0.1);
        }
        // from every start, a replicate lands on the bump at +3 exactly when its best optimum is not
        // the one the refit from the estimate reaches
        List<Integer> other = Bootstrap.Replicates.numbers(all.replicates.otherBasin());
        assertTrue(other.size() >= 4 && other.size() <= 20, "other basins " + other);
        for (int b = 0; b < 40; b++) {
            double m = all.bootstrap[b][1];
            assertEquals(other.contains(b + 1) ? 3.0 : -3.0, m, 0.1, "replicate " + (b + 1));
        }
        assertEquals(11, all.replicates.starts());
        assertTrue(all.report().contains("bootstrap: 40 replicates refitted from all 11 starts and the estimate (seed 1)"
                + "; 0 failed, 0 hit a bound, 0 stopped at the iteration limit; in " + other.size() + " of 40 the best "
                + "optimum is not the one reached from the estimate (#"), all.report());
        // the bimodal replicates: the SD is dominated by the far bump, the robust spread is not
        Spread m = all.spreads()[1];
        assertTrue(m.disagrees(), "ratio " + m.ratio());
        assertArrayEquals(other.stream().mapToInt(Integer::intValue).sorted().toArray(),
                java.util.Arrays.stream(m.wildNumbers()).sorted().toArray());
        JsonNode j = all.json();
        assertEquals("all", j.get("bootstrap").get("starts").asText());
        assertEquals(12, j.get("bootstrap").get("starts_per_replicate").asInt());
        assertEquals(other.size(), j.get("bootstrap").get("other_basin").asInt());
        assertEquals("all", j.get("options").get("bootstrap_starts").asText());
        assertEquals(0, est.replicates.starts());
        assertTrue(!est.json().get("bootstrap").has("other_basin"));
    }

    @Test
    void restartsAreBitIdenticalForAnyNumberOfThreads() {
        FitResult one = FitFixtures.result(run(1), "f");
        FitResult many = FitFixtures.result(run(4), "f");
        for (int b = 0; b < 40; b++) {
            assertArrayEquals(one.bootstrap[b], many.bootstrap[b], "replicate " + (b + 1));
        }
        assertArrayEquals(one.replicates.otherBasin(), many.replicates.otherBasin());
    }
}
