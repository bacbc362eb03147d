package law.numeric;

/** Why a minimizer stopped. */
public enum Status {
    /** The gradient is zero to the tolerance, measured against the curvature. */
    GRADIENT(true),
    /** The objective is zero to rounding: the data are fitted exactly. */
    EXACT(true),
    /** No step changes the objective beyond rounding, and the gradient is small at that precision. */
    ROUNDING(true),
    /** No step decreases the objective, yet the gradient is not small: not a stationary point. */
    STALLED(false),
    /** The iteration limit came first. */
    ITERATION_LIMIT(false),
    /** The objective is not finite at the start. */
    NOT_FINITE(false);

    private final boolean converged;

    Status(boolean converged) {
        this.converged = converged;
    }

    /** Whether the point reached is a stationary point. */
    public boolean converged() {
        return converged;
    }
}
