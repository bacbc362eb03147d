package law.ast;

import java.util.List;
import law.diag.Span;

/** A clause of a {@code data} block, applied in order. */
public sealed interface DataClause extends Node {

    /** {@code N = `Model Size`} (a binding) or {@code D = C / (6 * N)} (a derived column). */
    record Column(Ident name, Expr value, Span span) implements DataClause {
    }

    /** {@code where L < 3}: keep the rows where the condition holds. */
    record Where(Cond condition, Span span) implements DataClause {
    }

    /** {@code drop 5 largest L}. */
    record Drop(int count, boolean largest, Ident column, Span span) implements DataClause {
    }

    /** {@code dedup}: remove exact duplicate rows. */
    record Dedup(Span span) implements DataClause {
    }

    /** {@code group by C, dataset}. */
    record GroupBy(List<Ident> columns, Span span) implements DataClause {
        public GroupBy {
            columns = List.copyOf(columns);
        }
    }

    /** {@code nan = error | drop}. */
    record NanPolicy(Ident policy, Span span) implements DataClause {
    }
}
