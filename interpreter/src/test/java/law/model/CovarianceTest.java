package law.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The standard deviation of {@code g' theta}: {@code sqrt(g' Sigma g)} where that is a double, and
 * the same from the standard errors and correlations, scaled, where it is not.
 */
class CovarianceTest {
    private static final double[][] SIGMA = {{4, -0.6}, {-0.6, 0.25}};

    @Test
    void theMatrixAndTheStandardErrorsGiveOneAnswer() {
        Covariance c = Covariance.of(SIGMA);
        double[] g = {0.5, 3};
        double want = Math.sqrt(0.25 * 4 - 2 * 0.5 * 3 * 0.6 + 9 * 0.25);
        assertEquals(want, c.sd(g), 1e-15);
        Covariance noMatrix = new Covariance(null, c.se(), c.correlation());
        assertEquals(want, noMatrix.sd(g), 1e-15);
        assertEquals(want * want / 4, noMatrix.variance(g, 2), 1e-15);
        assertEquals(2, noMatrix.sd(0));
    }

    @Test
    void aVarianceWithNoDoubleStillHasItsStandardDeviation() {
        // Sigma scaled by 1e295^2 has no double; g' Sigma g scaled back by 1e295 is the answer above
        double[] se = {2e295, 0.5e295};
        double[][] rho = Covariance.of(SIGMA).correlation();
        double[] g = {0.5, 3};
        double want = 1e295 * Math.sqrt(0.25 * 4 - 2 * 0.5 * 3 * 0.6 + 9 * 0.25);
        assertEquals(want, new Covariance(null, se, rho).sd(g), 1e-15 * want);
        // a matrix whose g' Sigma g overflows (g near 1e297) falls back to the same computation
        double[] big = {0.5e297, 3e297};
        double want2 = 1e297 * Math.sqrt(0.25 * 4 - 2 * 0.5 * 3 * 0.6 + 9 * 0.25);
        assertEquals(want2, Covariance.of(SIGMA).sd(big), 1e-15 * want2);
        assertEquals(0.0, Covariance.of(SIGMA).sd(new double[2]));
    }
}
