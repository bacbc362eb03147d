package law.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Elementary#exp} against exact arithmetic and against {@link StrictMath#exp}. */
class ElementaryTest {
    private static final MathContext MC = new MathContext(60);

    /** {@code e^x} to about 50 digits: the Taylor series of {@code e^(x/1024)}, squared ten times. */
    private static BigDecimal exact(double x) {
        BigDecimal y = new BigDecimal(x).divide(BigDecimal.valueOf(1024), MC);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 60; k++) {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < 10; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    /** The error of {@code v} in ulps of the exact value {@code e}. */
    private static double ulps(double v, BigDecimal e) {
        double ulp = Math.ulp(e.doubleValue());
        return new BigDecimal(v).subtract(e, MC).abs().doubleValue() / ulp;
    }

    @Test
    void tablesAreTwoToTheJOver32InTwoParts() {
        for (int j = 0; j < 32; j++) {
            double hi = Elementary.TH[j];
            BigDecimal pow2 = BigDecimal.valueOf(2).pow(j).sqrt(MC); // 2^(j/2) ...
            for (int h = 0; h < 4; h++) {
                pow2 = pow2.sqrt(MC); // ... then four square roots: 2^(j/32)
            }
            assertEquals(pow2.doubleValue(), hi, 0, "TH[" + j + "] is 2^(j/32) rounded");
            assertEquals(pow2.subtract(new BigDecimal(hi), MC).doubleValue(), Elementary.TL[j], 0, "TL[" + j + "]");
        }
    }

    @Test
    void withinOneUlpOfTheExactValue() {
        SplittableRandom rnd = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 6000; i++) {
            double x = i % 3 == 0 ? rnd.nextDouble(-708, 708) : i % 3 == 1 ? rnd.nextDouble(-2, 2) : rnd.nextDouble(-1e-6, 1e-6);
            worst = Math.max(worst, ulps(Elementary.exp(x), exact(x)));
        }
        assertTrue(worst < 1, "worst error " + worst + " ulps");
    }

    @Test
    void agreesWithStrictMathToOneUlpOverTheWholeRange() {
        SplittableRandom rnd = new SplittableRandom(11);
        int differ = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = i % 2 == 0 ? rnd.nextDouble(-745, 710) : rnd.nextDouble(-40, 40);
            double a = Elementary.exp(x);
            double b = StrictMath.exp(x);
            long d = Math.abs(Double.doubleToRawLongBits(a) - Double.doubleToRawLongBits(b));
            assertTrue(d <= 1, "exp(" + x + ") = " + a + ", StrictMath " + b);
            differ += d == 0 ? 0 : 1;
        }
        assertTrue(differ < 200_000, differ + " of 2,000,000 differ in the last bit");
    }

    @Test
    void specialValuesAndTheEdgesOfTheRange() {
        assertEquals(1.0, Elementary.exp(0.0), 0);
        assertEquals(1.0, Elementary.exp(-0.0), 0);
        assertTrue(Double.isNaN(Elementary.exp(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, Elementary.exp(Double.POSITIVE_INFINITY), 0);
        assertEquals(0.0, Elementary.exp(Double.NEGATIVE_INFINITY), 0);
        assertEquals(Double.POSITIVE_INFINITY, Elementary.exp(710), 0);
        assertEquals(StrictMath.exp(-745.1), Elementary.exp(-745.1), 0);
        for (double x : new double[] {708, -708, Math.nextDown(708.0), Math.nextUp(-708.0), Math.log(2), 1, -1, 1e-300}) {
            assertTrue(ulps(Elementary.exp(x), exact(x)) < 1, "exp(" + x + ")");
        }
        assertTrue(Elementary.exp(-708) >= Double.MIN_NORMAL);
    }

    @Test
    void monotoneOverConsecutiveDoubles() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            double x = rnd.nextDouble(-700, 700);
            double prev = Elementary.exp(x);
            for (int k = 0; k < 40; k++) {
                x = Math.nextUp(x);
                double v = Elementary.exp(x);
                assertTrue(v >= prev, "exp decreases at " + x);
                prev = v;
            }
        }
    }
}
