package law.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The trust region's claims of convergence. */
class TrustRegionTest {
    /**
     * {@code 2 + x/2 + y^2} on {@code [-10, 10]^2}, reporting a curvature in x a million million
     * times the true one (0): as Huber's exact Hessian does where the loss's quadratic zone is
     * narrower than any step. The model then predicts almost no decrease from the start and the
     * minimizer used to stop there "converged", with a gradient of 1/2 over a box 20 wide.
     */
    private static final class Overcurved implements SmoothFunction {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double evaluate(double[] x, Derivatives d) {
            if (d != null) {
                d.g[0] = 0.5;
                d.g[1] = 2 * x[1];
                d.h[0][0] = 1e12;
                d.h[0][1] = 0;
                d.h[1][0] = 0;
                d.h[1][1] = 2;
            }
            return 2 + 0.5 * x[0] + x[1] * x[1];
        }

        @Override
        public double gradient(double[] x, double[] g) {
            g[0] = 0.5;
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

    @Test
    void aModelFarMoreCurvedThanTheFunctionIsNoConvergence() {
        Result r = run(new Overcurved(), 3, 1);
        assertEquals(Status.STALLED, r.status(), "x = " + r.x()[0]);
        assertTrue(r.f() < 2 + 1.5, "the first-order step is kept: " + r.f());
    }

    @Test
    void aTrueMinimumStaysConverged() {
        // The same function with its true curvature in a quadratic: (x - 1)^2 / 2 + y^2.
        SmoothFunction bowl = new SmoothFunction() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double evaluate(double[] x, Derivatives d) {
                if (d != null) {
                    gradient(x, d.g);
                    d.h[0][0] = 1;
                    d.h[0][1] = 0;
                    d.h[1][0] = 0;
                    d.h[1][1] = 2;
                }
                return 2 + 0.5 * (x[0] - 1) * (x[0] - 1) + x[1] * x[1];
            }

            @Override
            public double gradient(double[] x, double[] g) {
                g[0] = x[0] - 1;
                g[1] = 2 * x[1];
                return 2 + 0.5 * (x[0] - 1) * (x[0] - 1) + x[1] * x[1];
            }
        };
        Result r = run(bowl, 3, 1);
        assertTrue(r.status().converged(), r.status().toString());
        assertEquals(1, r.x()[0], 1e-8);
        assertEquals(2, r.f(), 1e-15);
    }
}
