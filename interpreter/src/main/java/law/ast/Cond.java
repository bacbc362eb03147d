package law.ast;

import law.diag.Span;

/** Boolean conditions: {@code where} filters, constraints and {@code subject to} relations. */
public sealed interface Cond extends Node {

    /** {@code left op right}. */
    record Relation(Expr left, RelOp op, Expr right, Span span) implements Cond {
    }

    /** {@code not c}. */
    record Not(Cond operand, Span span) implements Cond {
    }

    /** {@code a and b}. */
    record And(Cond left, Cond right, Span span) implements Cond {
    }

    /** {@code a or b}. */
    record Or(Cond left, Cond right, Span span) implements Cond {
    }
}
