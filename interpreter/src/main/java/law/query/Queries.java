package law.query;

import law.ast.Query;
import law.ast.Stmt;
import law.eval.Interpreter;

/** Registers the query stage: {@code minimize}, {@code optimal}, {@code solve}, {@code predict} and {@code table}. */
public final class Queries {
    private Queries() {
    }

    /** Registers the handlers. */
    public static void install(Interpreter interp) {
        interp.onQuery(Query.Minimize.class, Optimize::minimize);
        interp.onQuery(Query.Optimal.class, Optimize::optimal);
        interp.onQuery(Query.Solve.class, Roots::solve);
        interp.onQuery(Query.Predict.class, Predictions::predict);
        interp.on(Stmt.Table.class, Tables::table);
        interp.on(Stmt.Compare.class, Compare::compare);
    }
}
