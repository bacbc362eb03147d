package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import law.diag.Code;
import law.diag.Diagnostic;
import law.session.Session;
import org.junit.jupiter.api.Test;

/** A point of weight 0 is no observation: a fit with 0/1 weights is the fit of the rows of weight 1. */
class ZeroWeightsTest {
    private static final String DATA = """
            law truth(N) = 1.7 + 5 / N^0.35
            data s = simulate(truth, N = 10..10000 log 12, noise = lognormal(0.02), seed = 3, target = L)
            law p(N) = E + A / N^alpha { E >= 0, A > 0, alpha > 0 }
            """;

    @Test
    void zeroWeightsCountInNeitherAicNorBic() {
        Session s = FitFixtures.clean(FitFixtures.session(1), DATA
                + "fit z = p(N) ~ L in s { weights = 0.5 * (sign(N - 200) + 1) }\nfit w = p(N) ~ L in s { where N > 200 }\n");
        FitResult z = FitFixtures.result(s, "z");
        FitResult w = FitFixtures.result(s, "w");
        for (String k : new String[] {"objective", "aic", "bic", "log_likelihood", "points"}) {
            assertEquals(w.stats().get(k), z.stats().get(k), 1e-9 * Math.abs(w.stats().get(k)), k);
        }
        assertEquals(7, z.stats().get("points"));
        assertTrue(z.header().contains("(12 points, 5 of weight 0, "), z.header());
    }

    @Test
    void allZeroWeightsAreRefused() {
        Diagnostic d = FitFixtures.firstError(FitFixtures.session(1), DATA + "fit z = p(N) ~ L in s { weights = 0 * N }\n");
        assertEquals(Code.FIT_BAD_WEIGHT, d.code());
        assertEquals("every weight is 0, so no point is fitted", d.message());
    }
}
