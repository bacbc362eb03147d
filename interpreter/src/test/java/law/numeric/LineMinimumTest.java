package law.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The exact line search on convex functions whose minimum along the line is known. */
class LineMinimumTest {
    /** A derivative that counts its evaluations. */
    private static final class Counted implements LineMinimum.Slope {
        final LineMinimum.Slope inner;
        int calls;

        Counted(LineMinimum.Slope inner) {
            this.inner = inner;
        }

        @Override
        public double at(double t, double[] curvature) {
            calls++;
            return inner.at(t, curvature);
        }
    }

    /**
     * Huber's loss (threshold delta) of residuals {@code r_i + t v_i}: the derivative is piecewise
     * linear with a kink wherever a point enters or leaves the quadratic zone.
     */
    private static LineMinimum.Slope huber(double[] r, double[] v, double delta) {
        return (t, c) -> HuberLine.slope(r, v, delta, t, c);
    }

    @Test
    void aQuadraticEndsInOneNewtonStep() {
        // phi = (t - 3)^2: phi' = 2 (t - 3), phi'' = 2; Newton from t = 1 lands on 3
        Counted d = new Counted((t, c) -> {
            c[0] = 2;
            return 2 * (t - 3);
        });
        assertEquals(3, LineMinimum.of(d, -6, Double.POSITIVE_INFINITY), 1e-15);
        assertEquals(2, d.calls, "t = 1, then the minimum where phi' is 0");
    }

    @Test
    void theFirstBoundStopsTheSearch() {
        LineMinimum.Slope d = (t, c) -> {
            c[0] = 2;
            return 2 * (t - 3);
        };
        assertEquals(0.5, LineMinimum.of(d, -6, 0.5), 0);
        assertEquals(2.5, LineMinimum.of(d, -6, 2.5), 0);
    }

    @Test
    void huberAlongALineFindsTheMinimumAcrossManyKinks() {
        java.util.Random rnd = new java.util.Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 40;
            double delta = Math.pow(10, -1 - 4 * rnd.nextDouble());
            double[] r = new double[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextGaussian();
                r[i] = rnd.nextGaussian() - 2 * v[i] * rnd.nextDouble() * 3;
            }
            Counted d = new Counted(huber(r, v, delta));
            double s0 = d.at(0, new double[1]);
            if (!(s0 < 0)) {
                continue;
            }
            d.calls = 0;
            double t = LineMinimum.of(d, s0, Double.POSITIVE_INFINITY);
            // the minimum of a convex function: phi' changes sign there (to rounding)
            double[] c = new double[1];
            double scale = Math.abs(s0);
            assertTrue(d.inner.at(t * (1 - 1e-9), c) <= 1e-12 * scale, "phi' <= 0 just before t at trial " + trial);
            assertTrue(d.inner.at(t * (1 + 1e-9) + 1e-300, c) >= -1e-12 * scale, "phi' >= 0 just after t at trial " + trial);
            assertTrue(d.calls <= 40, trial + ": " + d.calls + " evaluations");
        }
    }

    @Test
    void aDerivativeWithoutCurvatureIsBracketedAndSolvedBySecants() {
        // least absolute deviations along a line (delta tiny): phi' is a step function; no Newton step exists
        double[] r = {-3, -1, 2, 5, -4};
        double[] v = {1, 1, -1, -2, 1};
        Counted d = new Counted(huber(r, v, 1e-12));
        double s0 = d.at(0, new double[1]);
        d.calls = 0;
        double t = LineMinimum.of(d, s0, Double.POSITIVE_INFINITY);
        // phi(t) = sum |r + t v|: the weighted median of -r/v, here t = 2.5 (the point 5 - 2t = 0)
        assertEquals(2.5, t, 1e-9);
        assertTrue(d.calls <= 60);
    }

    @Test
    void whereTheDerivativeIsNotFiniteTheSearchBisectsBack() {
        // phi = (t - 2)^2 defined below t = 3 only (phi' NaN beyond): the minimum 2 is found from t = 1, via growth to 4
        LineMinimum.Slope d = (t, c) -> {
            c[0] = 0; // no curvature offered: growth, then the bracket
            return t < 3 ? 2 * (t - 2) : Double.NaN;
        };
        assertEquals(2, LineMinimum.of(d, -4, Double.POSITIVE_INFINITY), 1e-9);
    }
}
