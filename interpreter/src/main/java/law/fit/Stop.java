package law.fit;

/** Why an optimizer stopped. */
public enum Stop {
    /** The gradient vanished to the tolerance. */
    GRADIENT("converged: the gradient is zero to the tolerance"),
    /** The objective stopped decreasing by more than the tolerance. */
    OBJECTIVE("converged: the objective changes by less than the tolerance"),
    /** No step, however short, decreased the objective. */
    STEP("converged: no shorter step decreases the objective"),
    /** The iteration limit was reached first. */
    ITERATION_LIMIT("stopped at the iteration limit"),
    /** The objective was not finite at the start. */
    NOT_FINITE("the objective is not finite at the start");

    private final String text;

    Stop(String text) {
        this.text = text;
    }

    /** A plain sentence for the report. */
    public String text() {
        return text;
    }

    /** Whether the optimizer reached a stationary point. */
    public boolean converged() {
        return this == GRADIENT || this == OBJECTIVE || this == STEP;
    }
}
