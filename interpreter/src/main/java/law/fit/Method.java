package law.fit;

/** The optimizers a {@code fit} can use ({@code method = ...}). */
public enum Method {
    /**
     * The default: Levenberg-Marquardt for squared loss, the trust region for robust losses and
     * for fits with a parameter in an interval.
     */
    AUTO("auto"),
    /**
     * The trust region on whichever of the exact Hessian and the Gauss-Newton matrix predicted
     * the last step better (NL2SOL's rule), the linear parameters projected out; any loss.
     */
    TRUST_REGION("trust_region"),
    /** Hipparchus's Levenberg-Marquardt; squared loss only. */
    LM("lm"),
    /** The trust region on the exact Hessian at every step; any loss. */
    NEWTON("newton"),
    /** Limited-memory BFGS with exact gradients; any loss. */
    LBFGS("lbfgs");

    private final String word;

    Method(String word) {
        this.word = word;
    }

    /** The name as written. */
    public String word() {
        return word;
    }

    /**
     * The method {@code auto} stands for under a loss, for a fit with a parameter in an interval
     * ({@code boxed}): there the trust region, which keeps the interval by projection
     * (Hipparchus's Levenberg-Marquardt has no bounds).
     */
    public Method resolve(Loss loss, boolean boxed) {
        if (this != AUTO) {
            return this;
        }
        return loss.kind() == Loss.Kind.SQUARED && !boxed ? LM : TRUST_REGION;
    }

    /** Whether the method keeps a parameter in its interval (lm and lbfgs run unbounded). */
    public boolean keepsIntervals() {
        return this != LM && this != LBFGS;
    }
}
