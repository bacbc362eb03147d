package law.fit;

/** The optimizers a {@code fit} can use ({@code method = ...}). */
public enum Method {
    /** The default: Levenberg-Marquardt for squared loss, the trust region for robust losses. */
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

    /** The method {@code auto} stands for under a loss. */
    public Method resolve(Loss loss) {
        if (this != AUTO) {
            return this;
        }
        return loss.kind() == Loss.Kind.SQUARED ? LM : TRUST_REGION;
    }
}
