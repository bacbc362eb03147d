package law.fit;

/** The optimizers a {@code fit} can use ({@code method = ...}). */
public enum Method {
    /** Levenberg-Marquardt for squared loss, trust-region Newton otherwise (the default). */
    AUTO("auto"),
    /** Hipparchus's Levenberg-Marquardt; squared loss only. */
    LM("lm"),
    /** Trust-region Newton on the exact Hessian; any loss. */
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
        return loss.kind() == Loss.Kind.SQUARED ? LM : NEWTON;
    }
}
