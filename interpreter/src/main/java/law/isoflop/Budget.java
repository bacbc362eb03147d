package law.isoflop;

/**
 * One budget's minimum.
 *
 * @param c        the budget
 * @param points   the points (with multiplicity) behind it
 * @param nStar    N*
 * @param lnNse    the standard error of ln N* (the parabola's delta method, or the replicates' sd)
 * @param dStar    D*
 * @param lnDse    the standard error of ln D*
 * @param lStar    L*
 * @param lStarSe  the standard error of L*
 * @param edge     whether the minimum is at an edge of the sampled sizes
 * @param status   whether and why not the budget is used
 */
record Budget(double c, int points, double nStar, double lnNse, double dStar, double lnDse, double lStar,
              double lStarSe, boolean edge, Status status) {

    /** Why a budget is not used in stage two, or {@code ok}. */
    enum Status {
        OK("ok"), EDGE("edge"), FEW("too few"), NO_MINIMUM("no minimum"), UNSTABLE("edge in most replicates");

        final String word;

        Status(String word) {
            this.word = word;
        }
    }

    /** A budget without a minimum. */
    static Budget none(double c, int points, Status status) {
        return new Budget(c, points, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false,
                status);
    }

    boolean used(boolean keepEdges) {
        return status == Status.OK || (status == Status.EDGE || status == Status.UNSTABLE) && keepEdges;
    }

    /** The same minimum with other observations and standard errors (from the replicates). */
    Budget with(double lnN, double lnNse, double lnD, double lnDse, double lnL, double lnLse, Status s) {
        double l = Math.exp(lnL);
        return new Budget(c, points, Math.exp(lnN), lnNse, Math.exp(lnD), lnDse, l, l * lnLse, edge, s);
    }
}
