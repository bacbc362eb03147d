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
 * is below 4e-18). Past fdlibm's thresholds it is +inf and 0, as {@link StrictMath#exp}; between
 * them and {@code [-708, 708]} (results near the largest double, and subnormal ones) it is the
 * same method, scaled in two steps. ElementaryTest checks the tables against exact arithmetic and
 * the results against a 50-digit exponential and against {@code StrictMath.exp}. The array form
 * ({@link #exps}, the law's powers and exponentials over a block of points) splits it in two
 * loops like the logarithm's below: the reduction and the polynomial, which the JIT vectorises,
 * then the table and the exponent; the same operations, so the same bits as {@link #exp}.
 *
 * <p>The logarithm likewise, for arrays ({@link #logs}, the fit's log residuals) and for one value
 * ({@link #log}, the same operations, so the same bits): with {@code x = 2^e m},
 * {@code m in [1, 2)} and {@code F = 1 + j/128} the nearest such value to {@code m},
 * {@code log x = e ln2 + log F + log1p(u)} with {@code u = (m - F)/F} and {@code |u| <= 2^-8};
 * {@code log F} and {@code ln2} are tabulated in two parts whose leading parts lie on a grid of
 * {@code 2^-43} (so {@code e ln2 + log F} is exact in its leading part), {@code u} is {@code m - F}
 * times the tabulated {@code 1/F} with the exact remainder of that product carried in the low
 * part, and {@code log1p(u)} is its
 * Taylor polynomial of degree 7 (the first omitted term is below {@code 2^-67}). The array form
 * runs in two loops, the second (the polynomial and the sum) free of calls, branches and table
 * reads, so the JIT vectorises it. Zero, negative, subnormal, infinite and NaN arguments take
 * {@link StrictMath#log}.
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
    /** fdlibm's thresholds, past which {@code StrictMath.exp} is +inf and 0. */
    private static final double OVERFLOW = 7.09782712893383973096e+02;
    private static final double UNDERFLOW = -7.45133219101941108420e+02;

    /** {@code log(1 + j/128)} on a grid of {@code 2^-43}, {@code j = 0 .. 128}. */
    static final double[] LH = {
        0x0.0p+0, 0x1.fe02a6b100000p-8, 0x1.fc0a8b0fc0000p-7, 0x1.7b91b07d58000p-6,
        0x1.f829b0e780000p-6, 0x1.39e87b9fec000p-5, 0x1.77458f632c000p-5, 0x1.b42dd71198000p-5,
        0x1.f0a30c0118000p-5, 0x1.16536eea38000p-4, 0x1.341d7961be000p-4, 0x1.51b073f062000p-4,
        0x1.6f0d28ae56000p-4, 0x1.8c345d631a000p-4, 0x1.a926d3a4ae000p-4, 0x1.c5e548f5bc000p-4,
        0x1.e27076e2b0000p-4, 0x1.fec9131dbe000p-4, 0x1.0d77e7cd09000p-3, 0x1.1b72ad52f6000p-3,
        0x1.29552f81ff000p-3, 0x1.371fc201e9000p-3, 0x1.44d2b6ccb8000p-3, 0x1.526e5e3a1b000p-3,
        0x1.5ff3070a79000p-3, 0x1.6d60fe719d000p-3, 0x1.7ab890210e000p-3, 0x1.87fa06520d000p-3,
        0x1.9525a9cf45000p-3, 0x1.a23bc1fe2b000p-3, 0x1.af3c94e80c000p-3, 0x1.bc286742d9000p-3,
        0x1.c8ff7c79aa000p-3, 0x1.d5c216b4fc000p-3, 0x1.e27076e2af000p-3, 0x1.ef0adcbdc6000p-3,
        0x1.fb9186d5e4000p-3, 0x1.0402594b4d000p-2, 0x1.0a324e2739000p-2, 0x1.1058bf9ae4800p-2,
        0x1.1675cababa800p-2, 0x1.1c898c1699800p-2, 0x1.22941fbcf7800p-2, 0x1.2895a13de8800p-2,
        0x1.2e8e2bae12000p-2, 0x1.347dd9a988000p-2, 0x1.3a64c55694800p-2, 0x1.404308686a800p-2,
        0x1.4618bc21c6000p-2, 0x1.4be5f95777800p-2, 0x1.51aad872df800p-2, 0x1.5767717455800p-2,
        0x1.5d1bdbf580800p-2, 0x1.62c82f2b9c800p-2, 0x1.686c81e9b1800p-2, 0x1.6e08eaa2ba000p-2,
        0x1.739d7f6bbd000p-2, 0x1.792a55fdd4800p-2, 0x1.7eaf83b82b000p-2, 0x1.842d1da1e8800p-2,
        0x1.89a3386c14000p-2, 0x1.8f11e87366000p-2, 0x1.947941c211800p-2, 0x1.99d958117e000p-2,
        0x1.9f323ecbf9800p-2, 0x1.a484090e5b800p-2, 0x1.a9cec9a9a0800p-2, 0x1.af12932477800p-2,
        0x1.b44f77bcc9000p-2, 0x1.b985896931000p-2, 0x1.beb4d9da71800p-2, 0x1.c3dd7a7cdb000p-2,
        0x1.c8ff7c79a9800p-2, 0x1.ce1af0b85f000p-2, 0x1.d32fe7e00e800p-2, 0x1.d83e7258a3000p-2,
        0x1.dd46a04c1c800p-2, 0x1.e24881a7c7000p-2, 0x1.e744261d68800p-2, 0x1.ec399d2469000p-2,
        0x1.f128f5faf0800p-2, 0x1.f6123fa702800p-2, 0x1.faf588f78f000p-2, 0x1.ffd2e0857f800p-2,
        0x1.02552a5a5d000p-1, 0x1.04bdf9da92800p-1, 0x1.0723e5c1ce000p-1, 0x1.0986f4f573400p-1,
        0x1.0be72e4252c00p-1, 0x1.0e44985d1cc00p-1, 0x1.109f39e2d4c00p-1, 0x1.12f719593f000p-1,
        0x1.154c3d2f4d400p-1, 0x1.179eabbd89800p-1, 0x1.19ee6b467c800p-1, 0x1.1c3b81f713c00p-1,
        0x1.1e85f5e704000p-1, 0x1.20cdcd192ac00p-1, 0x1.23130d7bec000p-1, 0x1.2555bce98f800p-1,
        0x1.2795e1289b000p-1, 0x1.29d37fec2b000p-1, 0x1.2c0e9ed449000p-1, 0x1.2e47436e40400p-1,
        0x1.307d7334f1000p-1, 0x1.32b1339121c00p-1, 0x1.34e289d9ce000p-1, 0x1.37117b5474800p-1,
        0x1.393e0d3562c00p-1, 0x1.3b68449fffc00p-1, 0x1.3d9026a715800p-1, 0x1.3fb5b84d17000p-1,
        0x1.41d8fe8467400p-1, 0x1.43f9fe2f9d000p-1, 0x1.4618bc21c6000p-1, 0x1.48353d1ea8800p-1,
        0x1.4a4f85db04000p-1, 0x1.4c679afccf000p-1, 0x1.4e7d811b75c00p-1, 0x1.50913cc016800p-1,
        0x1.52a2d265bc400p-1, 0x1.54b2467999400p-1, 0x1.56bf9d5b3f400p-1, 0x1.58cadb5cd7800p-1,
        0x1.5ad404c35a000p-1, 0x1.5cdb1dc6c1800p-1, 0x1.5ee02a9241800p-1, 0x1.60e32f4478800p-1,
        0x1.62e42fefa3800p-1
    };
    /** {@code log(1 + j/128) - LH[j]}, rounded. */
    static final double[] LL = {
        0x0.0p+0, 0x1.9e23f0dda40e4p-46, 0x1.f1e7cf6d3a69cp-50, 0x1.88d5493faa639p-45,
        0x1.980267c7e09e4p-45, -0x1.502b7f526feaap-48, 0x1.cfc4634f2a1eep-45, -0x1.c827ae5d6704cp-46,
        -0x1.d599e83368e91p-45, -0x1.47c5e768fa309p-46, -0x1.c5edaccf913dfp-45, -0x1.f025b61c65e57p-46,
        0x1.69737c93373dap-45, -0x1.37c294d2f5668p-46, -0x1.53935e85baac8p-45, 0x1.d0c57585fbe06p-46,
        -0x1.a342c2af0003cp-45, 0x1.575545ca333f2p-45, -0x1.a699688e85bf4p-47, 0x1.e80a41811a396p-45,
        0x1.48d301771c408p-45, -0x1.178864d27543ap-48, -0x1.70cc16135783cp-46, 0x1.0de8b90075b8fp-45,
        0x1.e9e439f105039p-46, 0x1.0e46aa3b2e266p-46, -0x1.bdb9072534a58p-45, -0x1.bbdbf7fdbfa09p-45,
        0x1.ad1d904c1d4e3p-45, 0x1.58c64dc46c1eap-45, -0x1.a4e633fcd9066p-52, -0x1.94eb0318bb78fp-46,
        -0x1.7794f689f8434p-45, -0x1.1ba91bbca681bp-45, 0x1.72f4f543fff10p-46, -0x1.b26b79c86af24p-45,
        -0x1.d572aab993c87p-47, 0x1.036b89ef42d7fp-48, 0x1.c6bee7ef4030ep-47, 0x1.6a8c4fd055a66p-45,
        -0x1.f1fc63382a8f0p-46, 0x1.fafbc68e75404p-46, 0x1.65a242853da76p-46, -0x1.5ca14b6cfb03fp-46,
        -0x1.67b1e99b72bd8p-45, -0x1.5594dd4c58092p-45, -0x1.0b1c686519460p-45, -0x1.c42f3ed820b3ap-50,
        -0x1.3d82f484c84ccp-46, 0x1.41b6993293ee0p-47, 0x1.684e49eb067d5p-49, 0x1.362a4d5b6506dp-45,
        0x1.ca508d8e0f720p-46, -0x1.ab42428375680p-48, -0x1.a89ddea0f7f59p-45, 0x1.e38c139318d71p-46,
        0x1.a7389314feb50p-52, -0x1.760fa896e0161p-48, -0x1.e4da62d0c25adp-49, 0x1.8ba49d8a32f09p-45,
        0x1.2d5ad38c40882p-45, 0x1.63bf0bb4eab4cp-45, -0x1.0545b322eb82fp-46, 0x1.1597525dd88f0p-47,
        0x1.2fcada35d9bd0p-48, 0x1.8515fe535b876p-45, 0x1.2635213fd4bc9p-48, 0x1.ac44ce1128577p-48,
        -0x1.3ae68224aa2cep-47, 0x1.f6b31f629f11ep-47, 0x1.bdfbc30e9bd5ep-45, -0x1.5946261f5a42bp-45,
        0x1.10d612ec0f798p-45, 0x1.f5bdbe95e5568p-45, 0x1.eab0ef6465f5fp-45, -0x1.835f5d48ba26dp-47,
        -0x1.afa08cecadb17p-45, -0x1.ecf1a1385d356p-45, -0x1.e0720972430d1p-48, -0x1.9ff45188d6065p-45,
        -0x1.134ca37c4eecep-46, 0x1.58c28ad8796dap-47, 0x1.8f6cd7d9f2754p-45, -0x1.b3d53417e4d9cp-45,
        0x1.fd8d38d2bafddp-46, -0x1.2d9a033eff74ep-45, -0x1.7f6350d38edddp-46, 0x1.20b91fda94ff4p-45,
        -0x1.7d49676844cc2p-45, 0x1.17edd5cbbd2d3p-46, 0x1.2dfbc7d93616fp-46, -0x1.0eb3fb7398e0cp-47,
        0x1.e9a98f33a3966p-45, 0x1.a0bfc60e6fa08p-45, 0x1.6ecc5cbdd7782p-45, 0x1.25e4a7c766fdep-48,
        0x1.a07bd8b34be7cp-46, -0x1.24d95f85e1148p-46, -0x1.7afa4392f1ba7p-46, -0x1.a61fde292977ep-48,
        0x1.1aeb783f3db97p-45, 0x1.1590b9ad974bap-46, -0x1.74468563ce45dp-45, -0x1.97bfabde796dep-45,
        0x1.7c3f6b2143eadp-46, 0x1.71320556b67b2p-45, 0x1.d316eb92d885dp-45, -0x1.28e88bf6deec9p-47,
        -0x1.e6563bbd9fc92p-45, 0x1.157c76f60c2cap-48, -0x1.055bfbd9c2f53p-45, -0x1.7b4962c55f46bp-46,
        -0x1.519b9b433d0bap-45, -0x1.98858d84649f1p-45, -0x1.3d82f484c84ccp-45, 0x1.bee7abd176604p-46,
        -0x1.44fdd840b8591p-45, -0x1.c64e971322ce8p-45, -0x1.3d8d3d9ea6e9fp-47, 0x1.ad2f2ce96c2d6p-47,
        0x1.aaee77c8af15bp-45, 0x1.2f522a851687bp-46, -0x1.9afb8e77a3270p-47, 0x1.893092f25d931p-45,
        -0x1.a609acaab41fcp-46, -0x1.36e612387451fp-46, -0x1.8a8f29f6a02dcp-45, 0x1.b194f912b416ap-46,
        0x1.ef35793c76730p-45
    };
    /** {@code 1 / (1 + j/128)}, rounded (Java's division rounds correctly, so the same bits everywhere), {@code j = 0 .. 128}. */
    static final double[] INV_F = new double[129];

    static {
        for (int j = 0; j <= 128; j++) {
            INV_F[j] = 1 / (1 + j * 0x1p-7);
        }
    }

    /** {@code ln 2} on a grid of {@code 2^-43}, and the rest; {@code LH[128] = LN2_HI}, {@code LL[128] = LN2_LO}. */
    static final double LN2_HI = 0x1.62e42fefa3800p-1;
    static final double LN2_LO = 0x1.ef35793c76730p-45;
    private static final long FRACTION = 0x000fffffffffffffL;
    private static final long ONE = 0x3ff0000000000000L;

    private Elementary() {
    }

    /** {@code e^x}, within one ulp, the same bits everywhere; see the class comment. */
    public static double exp(double x) {
        if (!(Math.abs(x) <= LIMIT)) {
            return edge(x);
        }
        int k = index(x);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(fraction(x, k)) + ((long) (k >> 5) << 52));
    }

    /** The reduction's integer {@code k = round(32 x / ln 2)}, for {@code |x|} within fdlibm's thresholds. */
    private static int index(double x) {
        return (int) Double.doubleToRawLongBits(x * INV_L + SHIFT);
    }

    /** {@code 2^((k & 31)/32) e^r}, in [1, 2) up to rounding: exp(x) without its power of two {@code 2^(k >> 5)}. */
    private static double fraction(double x, int k) {
        double kd = x * INV_L + SHIFT - SHIFT;
        double r = (x - kd * L1) - kd * L2;
        double p = r + r * r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720)))));
        int j = k & 31;
        return TH[j] + (TL[j] + TH[j] * p);
    }

    /**
     * {@link #exp} outside {@code [-708, 708]}: NaN for NaN, +inf and 0 past fdlibm's thresholds,
     * and between them the same reduction and polynomial, with the power of two applied in two
     * steps so that the intermediate stays normal: the one rounding into the subnormal range (below
     * {@code -708.4}) is the final multiplication, and near the overflow threshold the last factor 2
     * is exact. A wide start grid passes through this band on every point of a run whose exponent
     * drifts (alpha near 30 puts {@code N^-alpha} at exp(-720) for N near 3e10), so it must not be
     * a native call.
     */
    private static double edge(double x) {
        if (!(x <= OVERFLOW)) {
            return x > OVERFLOW ? Double.POSITIVE_INFINITY : x;
        }
        if (x < UNDERFLOW) {
            return 0;
        }
        int k = index(x);
        long v = Double.doubleToRawLongBits(fraction(x, k));
        int e = k >> 5;
        return e > 0 ? Double.longBitsToDouble(v + ((long) (e - 1) << 52)) * 2
                : Double.longBitsToDouble(v + ((long) (e + 1000) << 52)) * 0x1p-1000;
    }

    /**
     * {@code x[i] = exp(x[i])} for {@code i < n}, the values of {@link #exp}, in two loops: the
     * first (reduction and polynomial, plain arithmetic the JIT vectorises) leaves the polynomial
     * in {@code p}, a scratch array of at least {@code n} entries; the second recomputes the
     * reduction's integer by the same operations and applies the table and the exponent.
     */
    public static void exps(double[] x, int n, double[] p) {
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double kd = xi * INV_L + SHIFT - SHIFT;
            double r = (xi - kd * L1) - kd * L2;
            p[i] = r + r * r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720)))));
        }
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            if (!(Math.abs(xi) <= LIMIT)) {
                x[i] = edge(xi);
                continue;
            }
            int k = (int) Double.doubleToRawLongBits(xi * INV_L + SHIFT);
            int j = k & 31;
            double v = TH[j] + (TL[j] + TH[j] * p[i]);
            x[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(v) + ((long) (k >> 5) << 52));
        }
    }

    /** {@code log x}, within one ulp, the same bits everywhere and the same as {@link #logs}; see the class comment. */
    public static double log(double x) {
        if (!(x >= Double.MIN_NORMAL && x <= Double.MAX_VALUE)) {
            return StrictMath.log(x);
        }
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) (bits >>> 52) - 1023;
        int j = (int) (((bits & FRACTION) + (1L << 44)) >>> 45);
        double f = 1 + j * 0x1p-7;
        double d = Double.longBitsToDouble((bits & FRACTION) | ONE) - f;
        double u = d * INV_F[j];
        return sum(e * LN2_HI + LH[j], u, e * LN2_LO + LL[j] + remainder(d, u, f, INV_F[j]));
    }

    /**
     * {@code out[i] = log(x[i])} for {@code i < n}, the values of {@link #log}; {@code u} and
     * {@code lo} are scratch arrays of at least {@code n} entries. {@code out} may be {@code x}.
     */
    public static void logs(double[] x, int n, double[] out, double[] u, double[] lo) {
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            if (!(xi >= Double.MIN_NORMAL && xi <= Double.MAX_VALUE)) {
                out[i] = StrictMath.log(xi);
                u[i] = 0;
                lo[i] = 0;
                continue;
            }
            long bits = Double.doubleToRawLongBits(xi);
            int e = (int) (bits >>> 52) - 1023;
            int j = (int) (((bits & FRACTION) + (1L << 44)) >>> 45);
            double f = 1 + j * 0x1p-7;
            double d = Double.longBitsToDouble((bits & FRACTION) | ONE) - f;
            double ui = d * INV_F[j];
            u[i] = ui;
            out[i] = e * LN2_HI + LH[j];
            lo[i] = e * LN2_LO + LL[j] + remainder(d, ui, f, INV_F[j]);
        }
        for (int i = 0; i < n; i++) {
            out[i] = sum(out[i], u[i], lo[i]);
        }
    }

    /**
     * What {@code u}, the product {@code d * (1/f)} that stands for {@code d / f}, misses of it:
     * {@code (d - u f) / f}. {@code f = 1 + j/128} has 8 significant bits, so with {@code u} split
     * into 45 leading bits and the rest both products are exact, and {@code d - u f} is computed
     * without error; it is a few ulps of {@code u}, so the rounded reciprocal {@code inv} divides it
     * as well as a division would. Without it the error of {@code u} costs up to a quarter of an
     * ulp of the result near {@code 1 +- 2^-8}, enough to take the error past one ulp. (Multiplying
     * by the tabulated reciprocal instead of dividing twice makes the array form a quarter faster;
     * the worst error stays 0.75 ulp, and about 5 results in a million differ in the last bit from
     * the division form's.)
     */
    private static double remainder(double d, double u, double f, double inv) {
        double uh = Double.longBitsToDouble(Double.doubleToRawLongBits(u) & 0xffffffffffffff00L);
        return ((d - uh * f) - (u - uh) * f) * inv;
    }

    /** {@code hi + log1p(u) + lo}, the small parts first. */
    private static double sum(double hi, double u, double lo) {
        double p = u * u * (-0.5 + u * (1.0 / 3 + u * (-0.25 + u * (0.2 + u * (-1.0 / 6 + u * (1.0 / 7))))));
        return hi + (u + (p + lo));
    }
}
