package law.ast;

/** Relational operators of constraints, filters and expectations. */
public enum RelOp {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    RelOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written ({@code ==} is written back as {@code =}). */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code a op b} holds. */
    public boolean test(double a, double b) {
        return switch (this) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
    }
}
