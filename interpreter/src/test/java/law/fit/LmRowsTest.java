package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Levenberg-Marquardt above {@link Lm#ROWS} points, where Hipparchus sees the rows' QR factor
 * ({@code RowQr}) instead of the rows: the same optimum as the trust region on the same data, to
 * the digits the tolerance leaves, and the same standard errors (they come from the point).
 */
class LmRowsTest {
    private static FitResult fit(int points, String method) {
        String spec = "law gen(x) = 2 + 3 / x^0.4\n"
                + "law form(x) = e + a / x^b { e > 0, a > 0, b > 0 }\n"
                + "data d = simulate(gen, x = 1..1e4 log " + points + ", noise = lognormal(0.02), seed = 5, target = y)\n"
                + "fit f = form(x) ~ y in d { method = " + method + ", start = {e = 1, a = 1, b = 1} }\n";
        return FitFixtures.result(FitFixtures.clean(FitFixtures.session(1), spec), "f");
    }

    @Test
    void theRowsFactorReachesTheTrustRegionsOptimum() {
        int points = 2 * Lm.ROWS;
        FitResult lm = fit(points, "lm");
        FitResult tr = fit(points, "trust_region");
        assertTrue(lm.stop().converged(), lm.report());
        for (int j = 0; j < 3; j++) {
            assertEquals(tr.value(j), lm.value(j), 1e-7 * Math.abs(tr.value(j)), "parameter " + j + "\n" + lm.report());
            assertEquals(tr.se(j), lm.se(j), 1e-5 * tr.se(j), "se " + j);
        }
        assertEquals(1, lm.value(0) / 2, 0.05, "e near the simulated 2");
    }
}
