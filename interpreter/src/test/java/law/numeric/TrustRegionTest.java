package law.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The trust region's claims of convergence. */
class TrustRegionTest {
    /**
     * {@code 2 + a x + c (x - 1)^2 / 2 + y^2} on {@code [-10, 10]^2}, reporting {@code claimed} as
     * its curvature in x (the true one is c).
     */
    private record Bowl(double a, double c, double claimed) implements SmoothFunction {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double evaluate(double[] x, Derivatives d) {
            if (d != null) {
                gradient(x, d.g);
                d.h[0][0] = claimed;
                d.h[0][1] = 0;
                d.h[1][0] = 0;
                d.h[1][1] = 2;
            }
            return 2 + a * x[0] + 0.5 * c * (x[0] - 1) * (x[0] - 1) + x[1] * x[1];
        }

        @Override
        public double gradient(double[] x, double[] g) {
            g[0] = a + c * (x[0] - 1);
            g[1] = 2 * x[1];
            return evaluate(x, null);
        }

        @Override
        public double lower(int j) {
            return -10;
        }

        @Override
        public double upper(int j) {
            return 10;
        }
    }

    private static Result run(SmoothFunction fn, double... x0) {
        return TrustRegion.minimize(fn, x0, new TrustRegion.Settings(1e-10, 100, TrustRegion.Model.EXACT));
    }

    /**
     * A linear function in x reporting a curvature of 1e12, as Huber's exact Hessian does where the
     * loss's quadratic zone is narrower than any step: the model predicts almost no decrease from
     * the start, and the minimizer used to stop there "converged", with a gradient of 1/2 over a box
     * 20 wide.
     */
    @Test
    void aModelFarMoreCurvedThanTheFunctionIsNoConvergence() {
        Result r = run(new Bowl(0.5, 0, 1e12), 3, 1);
        assertEquals(Status.STALLED, r.status(), "x = " + r.x()[0]);
        assertTrue(r.f() < 2 + 1.5, "the first-order step is kept: " + r.f());
    }

    @Test
    void aTrueMinimumStaysConverged() {
        Result r = run(new Bowl(0, 1, 1), 3, 1);
        assertTrue(r.status().converged(), r.status().toString());
        assertEquals(1, r.x()[0], 1e-8);
        assertEquals(2, r.f(), 1e-15);
    }
}
