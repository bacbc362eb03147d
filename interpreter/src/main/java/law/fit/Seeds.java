package law.fit;

import java.util.SplittableRandom;

/**
 * Independent random streams for numbered replicates of one seeded computation (bootstrap
 * replicates, noise replicates): stream {@code (seed, b)} is seeded by a strong 64-bit hash of
 * both, so nearby seeds and nearby replicate numbers give unrelated streams, and replicate b
 * depends on nothing else (the thread that runs it included).
 *
 * <p>{@code SplittableRandom(x)} produces {@code mix(x + k * GAMMA)}; a seed formed as
 * {@code seed * GAMMA + b} therefore made seed s + 1 replay seed s one draw later. Hashing
 * {@code seed} and {@code b} separately before combining them removes that structure.
 */
public final class Seeds {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The generator of replicate {@code b} of the computation seeded with {@code seed}. */
    public static SplittableRandom replicate(long seed, long b) {
        return new SplittableRandom(mix(mix(seed) + mix(b + GAMMA)));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: a bijection that mixes every bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
