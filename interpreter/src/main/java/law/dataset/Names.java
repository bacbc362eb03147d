package law.dataset;

import java.util.Set;
import law.ast.Arg;
import law.ast.Binding;
import law.ast.Cond;
import law.ast.DataClause;
import law.ast.Expr;

/** The names an AST fragment mentions (to find the columns a data block reads). */
final class Names {
    private Names() {
    }

    static void collect(DataClause c, Set<String> out) {
        if (c instanceof DataClause.Column col) {
            collect(col.value(), out);
        } else if (c instanceof DataClause.Where w) {
            collect(w.condition(), out);
        } else if (c instanceof DataClause.Drop d) {
            out.add(d.column().text());
        } else if (c instanceof DataClause.GroupBy g) {
            g.columns().forEach(i -> out.add(i.text()));
        }
    }

    static void collect(Cond c, Set<String> out) {
        if (c instanceof Cond.Relation r) {
            collect(r.left(), out);
            collect(r.right(), out);
        } else if (c instanceof Cond.Not n) {
            collect(n.operand(), out);
        } else if (c instanceof Cond.And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (c instanceof Cond.Or o) {
            collect(o.left(), out);
            collect(o.right(), out);
        }
    }

    static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.Name n) {
            out.add(n.text());
        } else if (e instanceof Expr.Unary u) {
            collect(u.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Expr.Call c) {
            for (Arg a : c.args()) {
                collect(a.value(), out);
            }
        } else if (e instanceof Expr.Member m) {
            collect(m.target(), out);
        } else if (e instanceof Expr.ListLit l) {
            l.items().forEach(x -> collect(x, out));
        } else if (e instanceof Expr.RecordLit r) {
            for (Binding b : r.fields()) {
                collect(b.value(), out);
            }
        }
    }
}
