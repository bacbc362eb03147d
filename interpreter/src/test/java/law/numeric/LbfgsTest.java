package law.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Lbfgs}'s scaling by powers of two: renewing the scale during a run changes no iterate,
 * and a run whose objective falls by far more than 1e150 keeps its curvature pairs representable.
 */
class LbfgsTest {
    /** A function of two variables by its value and gradient, for {@link Lbfgs} (which asks for nothing else). */
    private interface Gradient extends SmoothFunction {
        @Override
        default int dimension() {
            return 2;
        }

        @Override
        default double evaluate(double[] x, Derivatives d) {
            throw new UnsupportedOperationException();
        }
    }

    /** {@code c} times Rosenbrock's function plus {@code c * level}. */
    private static Gradient rosenbrock(double c, double level) {
        return (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = c * (-2 * a - 400 * x[0] * b);
            g[1] = c * 200 * b;
            return c * (a * a + 100 * b * b + level);
        };
    }

    @Test
    void renewingTheScaleLeavesEveryIterateAsItWas() {
        // With drift 1 the scale is renewed after nearly every step (the value falls from 24 to 1e-20
        // and below); with 1100 never. Powers of two are exact: the same bits, step by step.
        Gradient f = rosenbrock(1, 0);
        double[] x0 = {-1.2, 1};
        Result never = Lbfgs.minimize(f, x0, 1e-15, 500, 1100);
        Result often = Lbfgs.minimize(f, x0, 1e-15, 500, 1);
        Result usual = Lbfgs.minimize(f, x0, 1e-15, 500);
        for (Result r : new Result[] {often, usual}) {
            assertArrayEquals(never.x(), r.x());
            assertEquals(never.f(), r.f());
            assertEquals(never.iterations(), r.iterations());
            assertEquals(never.evaluations(), r.evaluations());
            assertEquals(never.status(), r.status());
        }
        assertTrue(never.f() < 1e-20 && Math.abs(never.x()[0] - 1) < 1e-9, never.f() + " at " + never.x()[0]);
    }

    /** {@code (e^u - v)^2 + (v - 1)^2 + level}: from u = 260 the value is about 1e226 and its gradient in u about twice it. */
    private static Gradient exponential(double level) {
        return (x, g) -> {
            double eu = Math.exp(x[0]);
            double a = eu - x[1];
            g[0] = 2 * a * eu;
            g[1] = -2 * a + 2 * (x[1] - 1);
            return a * a + (x[1] - 1) * (x[1] - 1) + level;
        };
    }

    @Test
    void anObjectiveFallingFrom1e226ToOrderOneKeepsDescending() {
        // The gradient falls with the value: once the value is 1e-163 of the start's, the scaled
        // gradient differences are about 1e-163 and y'y (1e-326) underflows to 0. With the scale of
        // the start alone the pairs were dropped, and the run crawled on steepest-descent steps of
        // unit length and stopped far above the minimum (the reviewer's fit: 5e227 to 1.4e64).
        Gradient f = exponential(1);
        double[] x0 = {260, 0.5};
        Result fixedScale = Lbfgs.minimize(f, x0, 1e-12, 2000, 1100);
        Result renewed = Lbfgs.minimize(f, x0, 1e-12, 2000);
        assertTrue(fixedScale.f() > 1e10, fixedScale.status() + " at " + fixedScale.f());
        assertEquals(1, renewed.f(), 1e-12);
        assertEquals(0, renewed.x()[0], 1e-5);
        assertEquals(1, renewed.x()[1], 1e-5);
    }
}
