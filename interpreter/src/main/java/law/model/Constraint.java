package law.model;

import law.expr.Expr;

/**
 * A declared relation among variables, {@code constraint compute: C = 6 * N * D}, kept as
 * {@code left - right = 0}.
 *
 * @param name     the constraint's name, or {@code null}
 * @param left     left-hand side
 * @param right    right-hand side
 * @param text     the relation as written
 */
public record Constraint(String name, Expr left, Expr right, String text) {
    /** The variables the relation mentions. */
    public java.util.Set<String> symbols() {
        java.util.Set<String> s = new java.util.LinkedHashSet<>(left.symbols());
        s.addAll(right.symbols());
        return s;
    }
}
