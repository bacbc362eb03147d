package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import law.diag.Code;
import law.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Huber's loss with a threshold far below the residuals is least absolute deviations scaled by
 * the threshold: down to the residuals' rounding the projected trust region reaches the same
 * optimum whatever the threshold; below it the loss is refused, where every start of a grid used
 * to say "converged" where it began.
 */
class LossScaleTest {
    private static final String SPEC = """
            law truth(N, D) = 1.7 + 5 / N^0.35 + 2 / D^0.3
            data s = simulate(truth, N = 10..10000 log 5, D = 1..1000 log 5, noise = lognormal(0.01), seed = 11, target = L)
            law chin(N, D) = E + A / N^alpha + B / D^beta { E in [0, 5], A >= 0, B >= 0, alpha in [0.01, 1], beta in [0.01, 1] }
            fit f = chin(N, D) ~ L in s { loss = huber(%s), start = grid(alpha = 0.01..1 log 4, beta = 0.01..1 log 4) }
            """;

    private static FitResult fit(String threshold) {
        return FitFixtures.result(FitFixtures.clean(FitFixtures.session(1), SPEC.formatted(threshold)), "f");
    }

    @Test
    void thresholdsDownToTheRoundingReachTheLeastAbsoluteDeviationsOptimum() {
        FitResult ref = fit("1e-8");
        double lad = ref.stats().get("objective") / 1e-8;
        for (String d : new String[] {"1e-10", "1e-11", "1e-12"}) {
            FitResult f = fit(d);
            assertEquals(Stop.GRADIENT, f.stop(), d);
            assertEquals(lad, f.stats().get("objective") / Double.parseDouble(d), 1e-6 * lad, d);
            assertEquals(ref.value(3), f.value(3), 1e-4, d);
        }
    }

    @Test
    void overestimateHasNoScaleToRefuse() {
        // k is a ratio of costs: a tiny one is a valid (if odd) fit, not a scale below rounding.
        FitResult f = FitFixtures.result(FitFixtures.clean(FitFixtures.session(1),
                SPEC.replace("huber(%s)", "overestimate(1e-16)")), "f");
        assertTrue(Double.isFinite(f.stats().get("objective")));
    }

    @Test
    void aThresholdBelowTheRoundingIsRefused() {
        for (String d : new String[] {"1e-13", "1e-20", "1e-300"}) {
            Diagnostic e = FitFixtures.firstError(FitFixtures.session(1), SPEC.formatted(d));
            assertEquals(Code.BAD_OPTION, e.code(), d);
            assertTrue(e.message().contains("below the rounding of these residuals (about 2.4e-13"), e.message());
        }
    }
}
