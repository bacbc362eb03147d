package law.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Elementary#exp} and {@link Elementary#log} against exact arithmetic and against {@link StrictMath}. */
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
        for (int i = 0; i < 1500; i++) {
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
            double x = i % 2 == 0 ? rnd.nextDouble(-800, 800) : rnd.nextDouble(-40, 40);
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
        for (double x : new double[] {-745.2, -800, -1e5, -Double.MAX_VALUE, 709.79, 800, 1e300,
            -7.45133219101941108420e+02, Math.nextUp(7.09782712893383973096e+02)}) {
            assertEquals(StrictMath.exp(x), Elementary.exp(x), 0, "exp(" + x + ")");
        }
        assertEquals(Double.MIN_VALUE, Elementary.exp(Math.nextUp(-7.45133219101941108420e+02)), 0);
        // fdlibm's threshold itself: StrictMath says the largest double, 108 ulps above e^x (1.79769313486227322e308)
        assertTrue(ulps(Elementary.exp(7.09782712893383973096e+02), exact(7.09782712893383973096e+02)) < 1);
        for (double x : new double[] {-745.1, -744.44, -730, -720.5, -708.4, -708.3, 708.5, 709, 709.5, 709.78}) {
            long d = Math.abs(Double.doubleToRawLongBits(Elementary.exp(x)) - Double.doubleToRawLongBits(StrictMath.exp(x)));
            assertTrue(d <= 1, "exp(" + x + ") = " + Elementary.exp(x) + ", StrictMath " + StrictMath.exp(x));
        }
        for (double x : new double[] {708, -708, Math.nextDown(708.0), Math.nextUp(-708.0), Math.log(2), 1, -1, 1e-300}) {
            assertTrue(ulps(Elementary.exp(x), exact(x)) < 1, "exp(" + x + ")");
        }
        assertTrue(Elementary.exp(-708) >= Double.MIN_NORMAL);
    }

    /** Between [-708, 708] and fdlibm's thresholds (subnormal results, and results near the largest double). */
    @Test
    void theEdgeBandsAgreeWithStrictMathToOneUlp() {
        SplittableRandom rnd = new SplittableRandom(23);
        int differ = 0;
        for (int i = 0; i < 400_000; i++) {
            double x = i % 2 == 0 ? rnd.nextDouble(-745.2, -708) : rnd.nextDouble(708, 709.79);
            long d = Math.abs(Double.doubleToRawLongBits(Elementary.exp(x)) - Double.doubleToRawLongBits(StrictMath.exp(x)));
            assertTrue(d <= 1, "exp(" + x + ") = " + Elementary.exp(x) + ", StrictMath " + StrictMath.exp(x));
            differ += d == 0 ? 0 : 1;
        }
        assertTrue(differ < 40_000, differ + " of 400,000 differ in the last bit");
    }

    /** The two-loop array form, vectorised by the JIT once hot, gives exp's bits at every length and value. */
    @Test
    void expsIsExpPointByPoint() {
        SplittableRandom rnd = new SplittableRandom(17);
        double[] special = {0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 708, -708, 709.79,
            -745.2, -710, 710, 1e300, -1e300, Double.MIN_VALUE, Math.nextUp(-7.45133219101941108420e+02)};
        double[] x = new double[1000];
        double[] in = new double[1000];
        double[] p = new double[1000];
        for (int rep = 0; rep < 400; rep++) {
            int n = 1 + rnd.nextInt(1000);
            for (int i = 0; i < n; i++) {
                int kind = rnd.nextInt(8);
                in[i] = kind == 0 ? special[rnd.nextInt(special.length)] : kind < 4 ? rnd.nextDouble(-800, 800) : rnd.nextDouble(-3, 3);
                x[i] = in[i];
            }
            Elementary.exps(x, n, p);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(Elementary.exp(in[i])), Double.doubleToRawLongBits(x[i]),
                        "exps and exp at " + in[i]);
            }
        }
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

    private static final BigDecimal TINY = new BigDecimal("1e-55");
    private static final BigDecimal LN2 = new BigDecimal(
            "0.693147180559945309417232121458176568075500134360255254120680009493393621969694715605863327");

    /** {@code log x} to about 50 digits: {@code e ln2 + 2 atanh((m - 1)/(m + 1))} for {@code x = 2^e m}. */
    private static BigDecimal exactLog(double x) {
        int e = Math.getExponent(x);
        BigDecimal m = new BigDecimal(Math.scalb(x, -e));
        BigDecimal s = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal s2 = s.multiply(s, MC);
        BigDecimal term = s;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < 70 && term.signum() != 0 && term.abs().compareTo(TINY) > 0; k++) {
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * k + 1), MC), MC);
            term = term.multiply(s2, MC);
        }
        return LN2.multiply(BigDecimal.valueOf(e), MC).add(sum.multiply(BigDecimal.valueOf(2), MC), MC);
    }

    @Test
    void logTablesAreLogOf1PlusJOver128InTwoParts() {
        for (int j = 0; j <= 128; j++) {
            BigDecimal v = exactLog(1 + j / 128.0);
            double hi = Elementary.LH[j];
            assertEquals(0, Math.scalb(hi, 43) % 1, 0, "LH[" + j + "] on the grid of 2^-43");
            assertTrue(new BigDecimal(hi).subtract(v, MC).abs().doubleValue() <= 0x1p-44, "LH[" + j + "] nearest");
            assertEquals(v.subtract(new BigDecimal(hi), MC).doubleValue(), Elementary.LL[j], 0, "LL[" + j + "]");
        }
        assertEquals(Elementary.LN2_HI, Elementary.LH[128], 0);
        assertEquals(Elementary.LN2_LO, Elementary.LL[128], 0);
    }

    @Test
    void logWithinOneUlpOfTheExactValue() {
        SplittableRandom rnd = new SplittableRandom(5);
        double worst = 0;
        double at = 0;
        for (int i = 0; i < 6000; i++) {
            double x = switch (i % 6) {
                case 0 -> Math.exp(rnd.nextDouble(-700, 700));
                case 1 -> rnd.nextDouble(0.97, 1.03); // where log x is small and the table's first rows serve
                case 2 -> rnd.nextDouble(0.5, 8);
                // the two bands where the rounding of u = (m - F)/F mattered most (up to 1.24 ulps
                // before its remainder was carried): just below 1 - 2^-9 and just above 1 + 2^-8
                case 3 -> rnd.nextDouble(0.998039, 0.998047);
                case 4 -> rnd.nextDouble(1.0039, 1.0043);
                default -> 1 + rnd.nextDouble(-1, 1) * 0x1p-20;
            };
            if (x == 1) {
                continue;
            }
            double err = ulps(Elementary.log(x), exactLog(x));
            if (err > worst) {
                worst = err;
                at = x;
            }
        }
        assertTrue(worst < 1, "worst error " + worst + " ulps at " + at);
    }

    @Test
    void logsIsLogPointByPointAndAgreesWithStrictMath() {
        SplittableRandom rnd = new SplittableRandom(13);
        int n = 1000;
        double[] x = new double[n];
        double[] out = new double[n];
        double[] u = new double[n];
        double[] lo = new double[n];
        for (int rep = 0; rep < 300; rep++) {
            for (int i = 0; i < n; i++) {
                x[i] = i % 2 == 0 ? Math.exp(rnd.nextDouble(-745, 709)) : rnd.nextDouble(0, 10);
            }
            Elementary.logs(x, n, out, u, lo);
            for (int i = 0; i < n; i++) {
                assertEquals(Elementary.log(x[i]), out[i], 0, "logs and log at " + x[i]);
                long d = Math.abs(Double.doubleToRawLongBits(out[i]) - Double.doubleToRawLongBits(StrictMath.log(x[i])));
                assertTrue(d <= 1, "log(" + x[i] + ") = " + out[i] + ", StrictMath " + StrictMath.log(x[i]));
            }
        }
    }

    @Test
    void logOfSpecialValues() {
        double[] x = {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1, 2, 0.5, Double.MAX_VALUE,
            Double.MIN_NORMAL, Math.nextDown(1.0), Math.nextUp(1.0)};
        double[] out = new double[x.length];
        Elementary.logs(x, x.length, out, new double[x.length], new double[x.length]);
        for (int i = 0; i < x.length; i++) {
            double want = StrictMath.log(x[i]);
            assertTrue(Math.abs(Double.doubleToRawLongBits(want) - Double.doubleToRawLongBits(out[i])) <= 1,
                    "log(" + x[i] + ") = " + out[i] + ", want " + want);
            assertEquals(out[i], Elementary.log(x[i]), 0);
        }
        assertEquals(0.0, Elementary.log(1), 0);
        assertEquals(Double.NEGATIVE_INFINITY, Elementary.log(0), 0);
        assertTrue(Double.isNaN(Elementary.log(-1)));
        assertTrue(ulps(Elementary.log(Math.nextUp(1.0)), exactLog(Math.nextUp(1.0))) < 1);
    }
}
