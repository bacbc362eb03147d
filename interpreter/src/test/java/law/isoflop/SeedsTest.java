package law.isoflop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The IsoFLOP bootstrap: seeds 1 and 2 give independent replicates; a seed gives the same ones on any thread count. */
class SeedsTest {
    /** Eight budgets of nine noisy parabolic profiles around N* = 0.1 C^0.5. */
    private static List<Analysis.Points> budgets() {
        SplittableRandom noise = new SplittableRandom(11);
        List<Analysis.Points> out = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double c = Math.pow(10, 18 + 0.5 * k);
            double centre = Math.log(0.1 * Math.sqrt(c));
            double[] lnN = new double[9];
            double[] loss = new double[9];
            for (int i = 0; i < 9; i++) {
                lnN[i] = centre + (i - 4) * 0.4;
                loss[i] = 3 + 0.1 * (lnN[i] - centre) * (lnN[i] - centre) + 0.01 * noise.nextGaussian();
            }
            out.add(new Analysis.Points(c, lnN, loss, null));
        }
        return out;
    }

    private static double[] exponents(long seed, int threads) {
        Analysis.Result r = Analysis.run(budgets(), Settings.parabola(false, false, 300, seed), threads);
        double[] a = new double[r.boot().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.boot()[i][0];
        }
        return a;
    }

    @Test
    void nearbySeedsAreIndependent() {
        double[] one = exponents(1, 2);
        double[] two = exponents(2, 2);
        double r = law.fit.SeedsTest.correlation(one, two);
        assertTrue(Math.abs(r) < 0.25, "correlation of the replicate exponents of seeds 1 and 2: " + r);
        double[] serial = exponents(1, 1);
        for (int i = 0; i < one.length; i++) {
            assertEquals(one[i], serial[i], 0.0, "replicate " + i + " on one thread");
        }
    }
}
