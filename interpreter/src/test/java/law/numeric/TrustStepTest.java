package law.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The trust-region subproblem's hard case: followed to the boundary where the curvature is negative, bounded where it is zero. */
class TrustStepTest {
    private static TrustStep solved(double[][] b, double[] g, double radius, double[] reach) {
        return solved(b, g, radius, reach, Double.POSITIVE_INFINITY);
    }

    private static TrustStep solved(double[][] b, double[] g, double radius, double[] reach, double level) {
        TrustStep t = new TrustStep(g.length);
        assertTrue(t.factor(b, g));
        t.solve(radius, reach, level);
        return t;
    }

    /**
     * A null direction is followed only where the rest of the step gains at most the level: here
     * the Newton part gains 0.25, so a level of 0.1 keeps the step off x0 and a level of 1 lets it
     * explore; with no gradient at all (a stationary model) any level explores.
     */
    @Test
    void aNullDirectionWaitsUntilTheRestIsStationary() {
        double[][] b = {{0, 0}, {0, 2}};
        double[] reach = {0.1, 0.1};
        TrustStep busy = solved(b, new double[] {0, 1}, 10, reach, 0.1);
        assertEquals(0, busy.step[0], 0, "the rest gains 0.25 > 0.1: no completion");
        assertEquals(-0.5, busy.step[1], 1e-12);
        assertEquals(0.1, Math.abs(solved(b, new double[] {0, 1}, 10, reach, 1).step[0]), 1e-12, "0.25 <= 1: completed");
        assertEquals(0.1, Math.abs(solved(b, new double[] {0, 0}, 10, reach, 0).step[0]), 1e-12, "a stationary model explores");
        double[][] negative = {{-1, 0}, {0, 2}};
        assertEquals(10, solved(negative, new double[] {0, 1}, 10, reach, 0).length(), 1e-9, "negative curvature is followed at any level");
    }

    /** Negative curvature along x0 with no gradient there: the step goes to the boundary along it, whatever the reach. */
    @Test
    void negativeCurvatureIsFollowedToTheBoundary() {
        double[][] b = {{-1, 0}, {0, 2}};
        TrustStep t = solved(b, new double[] {0, 1}, 10, new double[] {0.1, 0.1});
        assertEquals(10, t.length(), 1e-9);
        assertEquals(-0.5 * 2 / (2 + 1), t.step[1], 1e-9, "the gradient's component, shifted by lambda = 1");
        assertTrue(t.predicted() > 10, "the model falls along the negative curvature: " + t.predicted());
    }

    /** A zero eigenvalue (to rounding) with no gradient along it: the completion leaves the model unchanged and stays within reach. */
    @Test
    void aNullDirectionIsExploredOnlyWithinReach() {
        for (double zero : new double[] {0, -1e-13}) {
            double[][] b = {{zero, 0}, {0, 2}};
            TrustStep t = solved(b, new double[] {0, 1}, 10, new double[] {0.1, 0.1});
            assertEquals(0.1, Math.abs(t.step[0]), 1e-12, "the completion along x0 at curvature " + zero);
            assertEquals(-0.5, t.step[1], 1e-12);
            assertEquals(0.25, t.predicted(), 1e-9, "the model's decrease is the Newton step's");
            TrustStep free = solved(b, new double[] {0, 1}, 10, null);
            assertEquals(10, free.length(), 1e-9, "without a reach it goes to the boundary");
        }
    }

    /** A positive curvature however small is no null direction: the Newton step, inside the region. */
    @Test
    void aTinyPositiveCurvatureTakesTheNewtonStep() {
        TrustStep t = solved(new double[][] {{1e-300, 0}, {0, 2}}, new double[] {0, 1}, 10, new double[] {0.1, 0.1});
        assertTrue(t.interior());
        assertEquals(0, t.step[0], 0);
        assertEquals(-0.5, t.step[1], 1e-15);
    }

    /** A null vector that couples two coordinates is bounded by the tighter coordinate's reach. */
    @Test
    void aCoupledNullVectorIsBoundedCoordinateByCoordinate() {
        double[][] b = {{1, 1}, {1, 1}};
        TrustStep t = solved(b, new double[] {1, 1}, 10, new double[] {0.1, 10});
        // the Newton part is -(1/2, 1/2); the completion is along (1, -1) / sqrt 2, at most 0.1 in each coordinate
        double c0 = t.step[0] + 0.5;
        double c1 = t.step[1] + 0.5;
        assertEquals(0, c0 + c1, 1e-12, "the completion is along the null vector");
        assertEquals(0.1, Math.abs(c0), 1e-12);
    }
}
