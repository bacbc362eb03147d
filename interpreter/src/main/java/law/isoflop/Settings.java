package law.isoflop;

/**
 * What an {@code isoflop} statement asked for.
 *
 * @param profile    how each budget's minimum is found
 * @param weights    how stage two weighs the budgets' minima
 * @param keepEdges  whether budgets whose minimum is at an edge of the sampled sizes are used
 * @param bootstrap  the number of replicates (0: none)
 * @param seed       the seed of the replicates
 * @param noise      whether replicates perturb the losses with seed noise (else they resample the points)
 */
record Settings(Profile profile, Weights weights, boolean keepEdges, int bootstrap, long seed, boolean noise) {

    /** The profile of one budget. */
    enum Profile {
        /** A least-squares parabola of L in ln N (Hoffmann et al.). */
        PARABOLA("parabola"),
        /** The interpolating Akima spline of ln L in ln N, minimised on a grid (Porian et al.). */
        AKIMA("akima");

        final String word;

        Profile(String word) {
            this.word = word;
        }
    }

    /** The weights of the budgets' minima in stage two. */
    enum Weights {
        /** Unweighted (Hoffmann et al.). */
        NONE("none"),
        /** 1/se^2 from each parabola's covariance. */
        SE("se"),
        /** 1/sd^2 over the bootstrap replicates of each budget (Porian et al.). */
        BOOTSTRAP("bootstrap");

        final String word;

        Weights(String word) {
            this.word = word;
        }
    }

    /** The parabola, unweighted or se-weighted, resampling points: what the statement did before Akima. */
    static Settings parabola(boolean weighted, boolean keepEdges, int bootstrap, long seed) {
        return new Settings(Profile.PARABOLA, weighted ? Weights.SE : Weights.NONE, keepEdges, bootstrap, seed, false);
    }
}
