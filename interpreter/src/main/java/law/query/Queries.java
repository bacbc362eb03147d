package law.query;

import law.ast.Query;
import law.ast.Stmt;
import law.eval.Interpreter;

/** Registers the query stage: {@code minimize}, {@code optimal}, {@code solve}, {@code predict}, {@code table}, {@code compare} and {@code rollout}. */
public final class Queries {
    private Queries() {
    }

    /** Registers the handlers. */
    public static void install(Interpreter interp) {
        interp.onQuery(Query.Minimize.class, Optimize::minimize);
        interp.onQuery(Query.Optimal.class, Optimal::optimal);
        interp.onQuery(Query.Solve.class, Roots::solve);
        interp.onQuery(Query.Predict.class, Predictions::predict);
        interp.onQuery(Query.Compare.class, Compare::query);
        interp.onQuery(Query.Rollout.class, Rollouts::query);
        interp.on(Stmt.Table.class, Tables::table);
        interp.on(Stmt.Compare.class, Compare::compare);
        interp.on(Stmt.Rollout.class, Rollouts::rollout);
    }
}
