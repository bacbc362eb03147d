package law.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Arg;
import law.ast.Binding;
import law.ast.Cond;
import law.ast.Expr;
import law.ast.Query;
import law.diag.Span;
import law.eval.Cancelled;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Scope;
import law.eval.Value;
import law.model.Law;

/** Helpers over scopes and the syntax of queries: copies, name lookups, calls of fitted laws. */
final class Scopes {
    private Scopes() {
    }

    /** A strict scope with the same local names (a table's loop variable, ...). */
    static Scope strict(Scope scope) {
        Scope s = Scope.strict();
        for (String name : scope.localNames()) {
            s.bind(name, scope.local(name));
        }
        return s;
    }

    /** The expressions a query is written with. */
    static List<Expr> roots(Query q) {
        List<Expr> out = new ArrayList<>();
        if (q instanceof Query.Minimize m) {
            out.add(m.objective());
            relations(m.subjectTo(), out);
        } else if (q instanceof Query.Predict p && p.expr() != null) {
            out.add(p.expr());
        } else if (q instanceof Query.Value v) {
            out.add(v.expr());
        } else if (q instanceof Query.Solve s) {
            relations(List.of(s.relation()), out);
        }
        return out;
    }

    private static void relations(List<Cond.Relation> rels, List<Expr> out) {
        for (Cond.Relation r : rels) {
            out.add(r.left());
            out.add(r.right());
        }
    }

    /** Every sub-expression, depth first (not entering nested queries). */
    static List<Expr> walk(Expr e) {
        List<Expr> out = new ArrayList<>();
        walk(e, out);
        return out;
    }

    private static void walk(Expr e, List<Expr> out) {
        out.add(e);
        if (e instanceof Expr.Unary u) {
            walk(u.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            walk(b.left(), out);
            walk(b.right(), out);
        } else if (e instanceof Expr.Call c) {
            for (Arg a : c.args()) {
                walk(a.value(), out);
            }
        } else if (e instanceof Expr.Member m) {
            walk(m.target(), out);
        } else if (e instanceof Expr.Range r) {
            walk(r.from(), out);
            walk(r.to(), out);
            if (r.step() != null) {
                walk(r.step(), out);
            }
        } else if (e instanceof Expr.ListLit l) {
            l.items().forEach(x -> walk(x, out));
        } else if (e instanceof Expr.RecordLit r) {
            for (Binding b : r.fields()) {
                walk(b.value(), out);
            }
        }
    }

    /** The span of the first use of a name in a query, or the query's span. */
    static Span nameSpan(Query q, String name) {
        for (Expr root : roots(q)) {
            for (Expr e : walk(root)) {
                if (e instanceof Expr.Name n && n.text().equals(name)) {
                    return n.span();
                }
            }
        }
        return q.span();
    }

    /** The fitted laws called in a query, in order of first call. */
    static List<Law> fittedLaws(Query q, Scope scope, Context ctx) {
        List<Law> out = new ArrayList<>();
        for (Expr root : roots(q)) {
            for (Expr e : walk(root)) {
                Law law = calledLaw(e, scope, ctx);
                if (law != null && law.fitted() != null && out.stream().noneMatch(l -> l.name().equals(law.name()))) {
                    out.add(law);
                }
            }
        }
        return out;
    }

    private static Law calledLaw(Expr e, Scope scope, Context ctx) {
        if (!(e instanceof Expr.Call c)) {
            return null;
        }
        Value v = scope.local(c.callee().text());
        if (v == null) {
            Entry entry = ctx.env().get(c.callee().text());
            v = entry == null ? null : entry.value();
        }
        return v instanceof Value.LawRef l ? l.law() : null;
    }

    /**
     * The values of a law's variables in its first call in the query, with the query's
     * variables set to {@code point}; variables whose argument cannot be evaluated are left out.
     */
    static Map<String, Double> lawArguments(Query q, Law law, Scope scope, Map<String, Double> point, Context ctx) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Expr root : roots(q)) {
            for (Expr e : walk(root)) {
                Law called = calledLaw(e, scope, ctx);
                if (called == null || !called.name().equals(law.name())) {
                    continue;
                }
                List<Arg> args = ((Expr.Call) e).args();
                for (int i = 0; i < Math.min(args.size(), law.vars().size()); i++) {
                    try {
                        Value.Scalar s = ctx.evaluator().scalar(args.get(i).value(), scope.asSymbolic());
                        out.put(law.vars().get(i), s.expr().evaluate(point));
                    } catch (RuntimeException ignored) {
                        Cancelled.rethrow(ignored);
                        // an argument that is not a plain number here is not checked
                    }
                }
                return out;
            }
        }
        return out;
    }
}
