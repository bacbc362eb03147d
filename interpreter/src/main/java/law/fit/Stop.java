package law.fit;

import law.numeric.Status;

/** Why an optimizer stopped. */
public enum Stop {
    /** The gradient vanished to the tolerance, measured against the curvature. */
    GRADIENT("converged: the gradient is zero to the tolerance"),
    /** The objective is zero to rounding. */
    EXACT("converged: the data are fitted exactly, to rounding"),
    /** No step changes the objective beyond rounding, and the gradient is small at that precision. */
    ROUNDING("converged: no step changes the objective beyond rounding"),
    /** No step decreases the objective, but the gradient is not small: not a stationary point. */
    STALLED("not converged: no step decreases the objective, yet its gradient is not small"),
    /** The iteration limit was reached first. */
    ITERATION_LIMIT("stopped at the iteration limit"),
    /** The objective was not finite at the start. */
    NOT_FINITE("the objective is not finite at the start"),
    /** No search ran: screening ({@code screen = grid_minima}) found a neighbouring start with a lower objective. */
    SCREENED("screened: a neighbouring start of the grid ranks lower (a lower objective, or the same and earlier)");

    private final String text;

    Stop(String text) {
        this.text = text;
    }

    /** The stop of a minimizer's status. */
    static Stop of(Status s) {
        return switch (s) {
            case GRADIENT -> GRADIENT;
            case EXACT -> EXACT;
            case ROUNDING -> ROUNDING;
            case STALLED -> STALLED;
            case ITERATION_LIMIT -> ITERATION_LIMIT;
            case NOT_FINITE -> NOT_FINITE;
        };
    }

    /** A plain sentence for the report. */
    public String text() {
        return text;
    }

    /** Whether the optimizer reached a stationary point. */
    public boolean converged() {
        return this == GRADIENT || this == EXACT || this == ROUNDING;
    }
}
