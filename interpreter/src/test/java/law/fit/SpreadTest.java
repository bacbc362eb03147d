package law.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The robust bootstrap summary: the scaled MAD against the SD, and which replicates are wild. */
class SpreadTest {

    private static double[] normal(int n, double mean, double sd, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller
            double u = 1 - rng.nextDouble();
            double v = rng.nextDouble();
            xs[i] = mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
        return xs;
    }

    @Test
    void normalReplicatesAgreeAndNoneIsWild() {
        for (long seed = 1; seed <= 5; seed++) {
            Spread s = Spread.of(normal(2000, 0.5, 0.02, seed));
            assertEquals(2000, s.used());
            assertEquals(0.02, s.sd(), 0.002, "sd, seed " + seed);
            // the scaled MAD estimates the same sd; its relative error at n = 2000 is about 2.7%
            assertEquals(0.02, s.robust(), 0.0025, "robust sd, seed " + seed);
            assertEquals(1, s.ratio(), 0.12, "ratio, seed " + seed);
            assertFalse(s.disagrees());
            assertEquals(0, s.wild().length, "wild, seed " + seed);
            assertEquals(0.5 - 1.96 * 0.02, s.low(), 0.004);
            assertEquals(0.5 + 1.96 * 0.02, s.high(), 0.004);
        }
    }

    @Test
    void aFewWildReplicatesDominateTheSdButNotTheRobustSpread() {
        double[] xs = normal(1000, 300, 60, 3);
        xs[17] = 172100;
        xs[400] = -53700;
        xs[873] = 5361;
        Spread s = Spread.of(xs);
        assertTrue(s.sd() > 5000, "sd " + s.sd());
        assertEquals(60, s.robust(), 6);
        assertTrue(s.disagrees());
        assertTrue(s.ratio() > 50, "ratio " + s.ratio());
        // wildest first, 0-based indices; numbers count from 1
        assertArrayEquals(new int[]{17, 400, 873}, s.wild());
        assertArrayEquals(new int[]{18, 401, 874}, s.wildNumbers());
        assertEquals("#18 = 1.721e5, #401 = -5.37e4, #874 = 5361", s.describeWild(xs));
        // the percentile interval barely moves
        assertEquals(300 - 1.96 * 60, s.low(), 15);
        assertEquals(300 + 1.96 * 60, s.high(), 15);
    }

    @Test
    void failedReplicatesAreSkippedAndKeepTheirNumbers() {
        double[] xs = normal(200, 1, 0.1, 9);
        xs[5] = Double.NaN;
        xs[6] = Double.NaN;
        xs[150] = 1e6;
        Spread s = Spread.of(xs);
        assertEquals(198, s.used());
        assertArrayEquals(new int[]{150}, s.wild());
        Spread none = Spread.of(new double[]{Double.NaN, 2.0});
        assertEquals(1, none.used());
        assertEquals(2.0, none.median());
        assertTrue(Double.isNaN(none.sd()));
        assertFalse(none.disagrees());
    }

    @Test
    void mostlyEqualReplicatesFallBackOnThePercentileRange() {
        // 60% of the replicates at one value (a parameter pinned at a bound): the MAD is 0
        double[] xs = new double[1000];
        Arrays.fill(xs, 0, 600, 1.0);
        double[] rest = normal(400, 1.5, 0.2, 4);
        System.arraycopy(rest, 0, xs, 600, 400);
        Spread s = Spread.of(xs);
        assertTrue(s.robust() > 0, "robust " + s.robust());
        assertEquals((s.high() - s.low()) / 3.919927969080108, s.robust(), 1e-12);
        assertFalse(s.disagrees());
        // every replicate equal: no spread, nothing disagrees and nothing is wild
        double[] same = new double[50];
        Arrays.fill(same, 3.0);
        Spread flat = Spread.of(same);
        assertEquals(0, flat.robust());
        assertEquals(0, flat.sd());
        assertFalse(flat.disagrees());
        assertEquals(0, flat.wild().length);
    }
}
