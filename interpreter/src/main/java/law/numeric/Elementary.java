package law.numeric;

/**
 * The exponential in plain Java arithmetic, for the fit's per-point loops: within one ulp of the
 * exact value (as {@link Math#exp} promises), the same bits on every JVM and processor (Java's
 * floating point is strict; {@code Math.exp} is an intrinsic whose last bit may differ between
 * machines), and cheaper there: the JIT inlines it into the loop, where {@code Math.exp} is a
 * call to a stub.
 *
 * <p>Tang's table method. With {@code k = round(32 x / ln 2)}, {@code x = k ln2/32 + r} and
 * {@code |r| <= ln2/64}, so {@code exp(x) = 2^(k >> 5) * 2^((k & 31)/32) * e^r}: the 32 values
 * {@code 2^(j/32)} are tabulated each as the nearest double and the rest ({@code TH + TL} carries
 * about 106 bits), {@code ln2/32} is split so that {@code k ln2/32} is exact in its leading part,
 * and {@code e^r - 1} is its Taylor polynomial of degree 6 (the first omitted term, {@code r^7/7!},
 * is below 4e-18). Outside {@code [-708, 708]}, at the edges of the normal range, and for
 * NaN it is {@link StrictMath#exp}. ElementaryTest checks the tables against exact arithmetic and
 * the results against a 50-digit exponential and against {@code StrictMath.exp}.
 */
public final class Elementary {
    /** {@code 2^(j/32)} rounded to the nearest double, {@code j = 0 .. 31}. */
    static final double[] TH = {
        0x1.0000000000000p+0, 0x1.059b0d3158574p+0,
        0x1.0b5586cf9890fp+0, 0x1.11301d0125b51p+0,
        0x1.172b83c7d517bp+0, 0x1.1d4873168b9aap+0,
        0x1.2387a6e756238p+0, 0x1.29e9df51fdee1p+0,
        0x1.306fe0a31b715p+0, 0x1.371a7373aa9cbp+0,
        0x1.3dea64c123422p+0, 0x1.44e086061892dp+0,
        0x1.4bfdad5362a27p+0, 0x1.5342b569d4f82p+0,
        0x1.5ab07dd485429p+0, 0x1.6247eb03a5585p+0,
        0x1.6a09e667f3bcdp+0, 0x1.71f75e8ec5f74p+0,
        0x1.7a11473eb0187p+0, 0x1.82589994cce13p+0,
        0x1.8ace5422aa0dbp+0, 0x1.93737b0cdc5e5p+0,
        0x1.9c49182a3f090p+0, 0x1.a5503b23e255dp+0,
        0x1.ae89f995ad3adp+0, 0x1.b7f76f2fb5e47p+0,
        0x1.c199bdd85529cp+0, 0x1.cb720dcef9069p+0,
        0x1.d5818dcfba487p+0, 0x1.dfc97337b9b5fp+0,
        0x1.ea4afa2a490dap+0, 0x1.f50765b6e4540p+0
    };
    /** {@code 2^(j/32) - TH[j]}, rounded. */
    static final double[] TL = {
        0x0.0p+0, 0x1.d73e2a475b465p-55,
        0x1.8a62e4adc610bp-54, -0x1.6c51039449b3ap-54,
        -0x1.19041b9d78a76p-55, 0x1.e016e00a2643cp-54,
        0x1.9b07eb6c70573p-54, 0x1.612e8afad1255p-55,
        0x1.6f46ad23182e4p-55, -0x1.63aeabf42eae2p-54,
        0x1.ada0911f09ebcp-55, 0x1.89b7a04ef80d0p-59,
        0x1.d4397afec42e2p-56, -0x1.07abe1db13cadp-55,
        0x1.6324c054647adp-54, -0x1.383c17e40b497p-54,
        -0x1.bdd3413b26456p-54, -0x1.16e4786887a99p-55,
        -0x1.41577ee04992fp-55, -0x1.d4c1dd41532d8p-54,
        0x1.6e9f156864b27p-54, -0x1.75fc781b57ebcp-57,
        0x1.c7c46b071f2bep-56, -0x1.d2f6edb8d41e1p-54,
        0x1.7a1cd345dcc81p-54, -0x1.5584f7e54ac3bp-56,
        0x1.11065895048ddp-55, 0x1.503cbd1e949dbp-56,
        0x1.2ed02d75b3707p-55, -0x1.1a5cd4f184b5cp-54,
        -0x1.e9c23179c2893p-54, 0x1.9d3e12dd8a18bp-54
    };
    private static final double INV_L = 0x1.71547652b82fep+5; // 32 / ln 2
    /** {@code ln2/32} in two parts; the first has 20 trailing zero bits, so {@code k * L1} is exact for {@code |k| < 2^20}. */
    private static final double L1 = 0x1.62e42fef00000p-6;
    private static final double L2 = 0x1.473de6af278edp-39;
    /** Adding it rounds a double of magnitude below 2^51 to an integer held in the low bits. */
    private static final double SHIFT = 0x1.8p52;
    private static final double LIMIT = 708;

    private Elementary() {
    }

    /** {@code e^x}, within one ulp, the same bits everywhere; see the class comment. */
    public static double exp(double x) {
        if (!(Math.abs(x) <= LIMIT)) {
            return StrictMath.exp(x);
        }
        double kd = x * INV_L + SHIFT;
        int k = (int) Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = (x - kd * L1) - kd * L2;
        double p = r + r * r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720)))));
        int j = k & 31;
        double v = TH[j] + (TL[j] + TH[j] * p);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) + ((long) (k >> 5) << 52));
    }
}
