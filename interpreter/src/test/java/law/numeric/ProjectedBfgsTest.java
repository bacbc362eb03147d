package law.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ProjectedBfgsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** An evaluation of the test objectives, with the point it was made at. */
    record Eval(double[] t, double value, double[] gradient) implements ProjectedBfgs.Evaluation {
    }

    /** Rosenbrock's function (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1). */
    static Eval rosenbrock(double[] t) {
        double x = t[0];
        double y = t[1];
        double f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        return new Eval(t, f, new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)});
    }

    private static Eval rosenbrock(double[] lo, double[] hi, boolean[] logScale, double x, double y) {
        return new ProjectedBfgs<>(lo, hi, logScale, ProjectedBfgsTest::rosenbrock).minimise(new double[] {x, y});
    }

    @Test
    void rosenbrockWithoutBoundsReachesOneOne() {
        Eval e = rosenbrock(new double[] {-INF, -INF}, new double[] {INF, INF}, new boolean[2], -1.2, 1);
        assertEquals(1, e.t()[0], 1e-7);
        assertEquals(1, e.t()[1], 1e-7);
        assertEquals(0, e.value(), 1e-14);
    }

    /** With x <= 0.5 the optimum is on the bound: x = 0.5, y = x^2 = 0.25, f = 0.25. */
    @Test
    void rosenbrockWithAnUpperBoundStopsOnIt() {
        Eval e = rosenbrock(new double[] {-2, -2}, new double[] {0.5, 2}, new boolean[2], -1.2, 1);
        assertEquals(0.5, e.t()[0], 0);
        assertEquals(0.25, e.t()[1], 1e-9);
        assertEquals(0.25, e.value(), 1e-12);
    }

    /**
     * With y >= 1.5 the optimum is on that bound, where d/dx [(1-x)^2 + 100 (1.5 - x^2)^2] = 0:
     * 200 x^3 - 299 x - 1 = 0, whose root near 1.2 is 1.2243708 (numpy.roots).
     */
    @Test
    void rosenbrockWithALowerBoundOnTheOtherCoordinate() {
        Eval e = rosenbrock(new double[] {-2, 1.5}, new double[] {2, 3}, new boolean[2], 0, 2);
        assertEquals(1.5, e.t()[1], 0);
        assertEquals(1.2243708, e.t()[0], 1e-6);
    }

    /** Log-scale coordinates: the step cap is absolute, the answer the same. */
    @Test
    void logScaleCoordinatesConvergeToo() {
        Eval e = rosenbrock(new double[] {-10, -10}, new double[] {10, 10}, new boolean[] {true, true}, 5, -5);
        assertEquals(1, e.t()[0], 1e-7);
        assertEquals(1, e.t()[1], 1e-7);
    }

    @Test
    void anUndefinedStartGivesNullAndUndefinedRegionsAreAvoided() {
        ProjectedBfgs<Eval> m = new ProjectedBfgs<>(new double[] {-INF}, new double[] {INF}, new boolean[1],
                t -> t[0] < 0 ? null : new Eval(t, (t[0] - 2) * (t[0] - 2), new double[] {2 * (t[0] - 2)}));
        assertNull(m.minimise(new double[] {-1}));
        // From 10 the first full step would land at -6, undefined: the search backs off from it.
        Eval e = m.minimise(new double[] {10});
        assertEquals(2, e.t()[0], 1e-10);
    }

    @Test
    void aStartOutsideTheBoxIsProjectedIntoIt() {
        Eval e = rosenbrock(new double[] {-2, -2}, new double[] {0.5, 2}, new boolean[2], 7, -9);
        assertEquals(0.5, e.t()[0], 0);
        assertEquals(0.25, e.t()[1], 1e-9);
    }
}
