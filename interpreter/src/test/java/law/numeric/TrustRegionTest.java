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

    /**
     * {@code 1 + (y - 2)^2 + exp(a - 5000)}: at {@code a = 0} the last term is 0 in double, so
     * the model has no gradient or curvature in a (as an underflowed {@code A / N^alpha} term's
     * coefficient), and beyond {@code a = 5709} the function overflows. Counts the trial points
     * where it is not finite.
     */
    private static final class Flat implements SmoothFunction {
        int notFinite;

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double evaluate(double[] x, Derivatives d) {
            double t = Math.exp(x[0] - 5000);
            double f = 1 + (x[1] - 2) * (x[1] - 2) + t;
            if (d != null) {
                gradient(x, d.g);
                d.h[0][0] = t;
                d.h[0][1] = 0;
                d.h[1][0] = 0;
                d.h[1][1] = 2;
            }
            notFinite += Double.isFinite(f) ? 0 : 1;
            return f;
        }

        @Override
        public double gradient(double[] x, double[] g) {
            g[0] = Math.exp(x[0] - 5000);
            g[1] = 2 * (x[1] - 2);
            return 1 + (x[1] - 2) * (x[1] - 2) + g[0];
        }
    }

    /**
     * The model is singular in a and the step is completed along that null direction (the
     * subproblem's hard case), which leaves the model unchanged; unbounded, the completion went to
     * the region's boundary, and a's floored scale made that a move of about 1e8, where the
     * function overflows. It moves a by at most max(1, |a|) now: no trial point overflows.
     */
    @Test
    void aDirectionTheModelCannotSeeIsNotExploredToOverflow() {
        Flat fn = new Flat();
        Result r = run(fn, 0, 30);
        assertTrue(r.status().converged(), r.status().toString());
        assertEquals(2, r.x()[1], 1e-8);
        assertEquals(0, fn.notFinite, "trial points where the function overflowed");
    }
}
