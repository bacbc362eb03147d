package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Variable projection's outer search, where its inner problem is degenerate at some starts. */
class ProjectionTest {
    /**
     * From alpha = beta = 0 the Chinchilla form's three basis functions are one and the inner
     * problem has a line of minima; an inner line search that stopped on the first bound it met
     * set A = B = 0 there, and 27 of these 243 starts (one run) ended at that degenerate point
     * (objective 0.0560, "converged, at bound"). Every start must reach the one optimum.
     */
    @Test
    void everyStartOfAGridThroughDegenerateInnerProblemsReachesTheOptimum() {
        FitResult r = FitFixtures.chinchillaFit(2, FitFixtures.CHINCHILLA + """
                fit lin = chinchilla(N, D) ~ L in runs {
                  loss  = huber(1e-3)
                  start = grid(A = exp(0..20 by 10), B = exp(0..20 by 10), E = exp(-1..1 by 1),
                               alpha = 0..1 by 0.5, beta = 0..1 by 0.5)
                }
                """, "lin");
        assertEquals(1, r.optima.optima().size(), r.report());
        assertEquals(243, r.optima.optima().get(0).starts());
        assertEquals(0.0028962432, r.optima.optima().get(0).objective(), 1e-10);
    }
}
