package law.ast;

import java.util.List;
import law.diag.Span;

/** Anything that yields a value: a plain expression or a query form. */
public sealed interface Query extends Node {

    /** A plain expression. */
    record Value(Expr expr, Span span) implements Query {
    }

    /** {@code minimize|maximize EXPR [over VARS] [subject to REL, ...]}. */
    record Minimize(boolean maximize, Expr objective, List<VarSpec> over, List<Cond.Relation> subjectTo,
                    Span span) implements Query {
        public Minimize {
            over = List.copyOf(over);
            subjectTo = List.copyOf(subjectTo);
        }
    }

    /** {@code optimal N, D for LAW at C = 1e24 [subject to ...]}. */
    record Optimal(List<Ident> vars, Ident law, List<At> at, List<Cond.Relation> subjectTo, Span span)
            implements Query {
        public Optimal {
            vars = List.copyOf(vars);
            at = List.copyOf(at);
            subjectTo = List.copyOf(subjectTo);
        }
    }

    /** {@code solve REL for VAR [in INTERVAL]}. */
    record Solve(Cond.Relation relation, Ident var, Interval in, Span span) implements Query {
    }

    /** {@code predict LAW at (N = .., D = ..)} ({@code expr == null}) or {@code predict EXPR}. */
    record Predict(Ident law, List<Binding> at, Expr expr, List<Option> options, Span span) implements Query {
        public Predict {
            at = List.copyOf(at);
            options = List.copyOf(options);
        }
    }

    /** {@code compare ...} where a value is wanted: {@code let c = (compare f, g on d by curve)}. */
    record Compare(Stmt.Compare compare, Span span) implements Query {
    }

    /** {@code rollout ...} where a value is wanted: {@code let r = (rollout f by N)}. */
    record Rollout(Stmt.Rollout rollout, Span span) implements Query {
    }

    /** A variable of a {@code minimize}, optionally bounded: {@code N in [1e6, 1e13]}. */
    record VarSpec(Ident name, Interval in, Span span) implements Node {
    }

    /** {@code C = 1e24} in an {@code optimal ... at}; {@code value == null} takes C from a table. */
    record At(Ident name, Expr value, Span span) implements Node {
    }
}
