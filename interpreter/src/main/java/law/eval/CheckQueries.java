package law.eval;

import law.ast.Binding;
import law.ast.Cond;
import law.ast.Query;

/**
 * Check mode's stand-in for the query forms ({@code minimize}, {@code optimal}, {@code solve},
 * {@code predict}): their names are resolved, as the real handlers would, and then the statement
 * stops ({@link Pending}) before any solving starts.
 */
final class CheckQueries {
    private CheckQueries() {
    }

    /** Resolves the names of a query form, then throws {@link Pending}. */
    static Value resolve(Query q, Scope scope, Context ctx) {
        Evaluator ev = ctx.evaluator();
        if (q instanceof Query.Optimal o) {
            Declarations.lawNamed(o.law(), ctx);
            for (Query.At at : o.at()) {
                if (at.value() != null) {
                    ev.eval(at.value(), scope);
                }
            }
            relations(o.subjectTo(), scope, ctx);
        } else if (q instanceof Query.Minimize m) {
            Scope s = scope.asSymbolic();
            ev.eval(m.objective(), s);
            relations(m.subjectTo(), s, ctx);
        } else if (q instanceof Query.Solve sv) {
            Scope s = scope.asSymbolic();
            ev.eval(sv.relation().left(), s);
            ev.eval(sv.relation().right(), s);
        } else if (q instanceof Query.Predict p) {
            if (p.law() != null) {
                Declarations.lawNamed(p.law(), ctx);
                for (Binding b : p.at()) {
                    ev.eval(b.value(), scope);
                }
            } else {
                ev.eval(p.expr(), scope.asSymbolic());
            }
        }
        throw new Pending();
    }

    private static void relations(java.util.List<Cond.Relation> rels, Scope scope, Context ctx) {
        Scope s = scope.asSymbolic();
        for (Cond.Relation r : rels) {
            ctx.evaluator().eval(r.left(), s);
            ctx.evaluator().eval(r.right(), s);
        }
    }
}
