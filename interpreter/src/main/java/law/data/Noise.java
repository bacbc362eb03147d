package law.data;

/**
 * The noise a {@link Simulation} adds to the law's mean: none, multiplicative log-normal
 * ({@code y = mean * exp(sigma * z)}) or additive normal ({@code y = mean + sigma * z}), with
 * {@code z} standard normal.
 *
 * @param kind  which noise
 * @param sigma its scale (0 for none)
 */
public record Noise(Kind kind, double sigma) {
    /** The kinds of noise. */
    public enum Kind {
        /** No noise: the mean itself. */
        NONE,
        /** Multiplicative: {@code mean * exp(sigma * z)}. */
        LOGNORMAL,
        /** Additive: {@code mean + sigma * z}. */
        NORMAL
    }

    /** Checks that sigma is finite and not negative. */
    public Noise {
        if (kind == null || !(sigma >= 0) || Double.isInfinite(sigma)) {
            throw DataException.of(DataError.INVALID_OPERATION, "simulated",
                    "noise needs a kind and a finite sigma >= 0, not " + sigma);
        }
    }

    /** No noise. */
    public static Noise none() {
        return new Noise(Kind.NONE, 0);
    }

    /** Multiplicative log-normal noise of scale {@code sigma}. */
    public static Noise lognormal(double sigma) {
        return new Noise(Kind.LOGNORMAL, sigma);
    }

    /** Additive normal noise of standard deviation {@code sigma}. */
    public static Noise normal(double sigma) {
        return new Noise(Kind.NORMAL, sigma);
    }

    /** {@code y} for a mean and a standard normal draw {@code z}. */
    double apply(double mean, double z) {
        switch (kind) {
            case LOGNORMAL: return mean * Math.exp(sigma * z);
            case NORMAL: return mean + sigma * z;
            default: return mean;
        }
    }
}
