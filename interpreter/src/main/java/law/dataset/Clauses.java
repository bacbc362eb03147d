package law.dataset;

import java.util.List;
import law.ast.Cond;
import law.ast.DataClause;
import law.ast.Expr;
import law.ast.Ident;
import law.ast.RelOp;
import law.data.Extreme;
import law.data.Table;
import law.diag.Code;
import law.eval.Context;
import law.eval.Failure;

/** Applies one clause of a {@code data} block to a table. */
public final class Clauses {
    private Clauses() {
    }

    static Table apply(DataClause c, Table t, Context ctx, List<String> groups) {
        if (c instanceof DataClause.Column col) {
            String name = col.name().text();
            String source = Columns.columnName(col.value(), t);
            if (source != null) {
                return t.bind(name, source);
            }
            law.expr.Expr ir = Columns.symbolic(col.value(), t, ctx);
            return t.derive(name, List.copyOf(ir.symbols()), table -> Columns.evaluate(ir, table));
        } else if (c instanceof DataClause.Where w) {
            Table kept = t.where("where " + w.condition().span().text(), table -> mask(w.condition(), table, ctx));
            if (kept.rowCount() == 0 && t.rowCount() > 0) {
                ctx.report(law.diag.Diagnostic.warning(Code.DATA_EMPTY, w.span(), "this filter keeps none of the "
                        + t.rowCount() + " rows").withHelp("check the condition against the data: print the dataset "
                        + "without it"));
            }
            return kept;
        } else if (c instanceof DataClause.Drop d) {
            requireColumn(d.column(), t);
            return t.drop(d.count(), d.largest() ? Extreme.LARGEST : Extreme.SMALLEST, d.column().text());
        } else if (c instanceof DataClause.Dedup) {
            return t.dedup();
        } else if (c instanceof DataClause.GroupBy g) {
            for (Ident col : g.columns()) {
                requireColumn(col, t);
                groups.add(col.text());
            }
            return t;
        }
        return t;
    }

    private static void requireColumn(Ident col, Table t) {
        if (!t.hasColumn(col.text())) {
            String help = law.diag.Suggest.didYouMean(col.text(), t.columnNames());
            throw Failure.at(Code.DATA_MISSING_COLUMN, col.span(), "no column '" + col.text() + "' in " + t.source(),
                    help != null ? help : "its columns are " + String.join(", ", t.columnNames()));
        }
    }

    /** Which rows satisfy a condition; text columns compare with strings by {@code =} and {@code !=}. */
    public static boolean[] mask(Cond c, Table t, Context ctx) {
        int n = t.rowCount();
        boolean[] out = new boolean[n];
        if (c instanceof Cond.Not not) {
            boolean[] m = mask(not.operand(), t, ctx);
            for (int i = 0; i < n; i++) {
                out[i] = !m[i];
            }
        } else if (c instanceof Cond.And a) {
            boolean[] l = mask(a.left(), t, ctx);
            boolean[] r = mask(a.right(), t, ctx);
            for (int i = 0; i < n; i++) {
                out[i] = l[i] && r[i];
            }
        } else if (c instanceof Cond.Or o) {
            boolean[] l = mask(o.left(), t, ctx);
            boolean[] r = mask(o.right(), t, ctx);
            for (int i = 0; i < n; i++) {
                out[i] = l[i] || r[i];
            }
        } else {
            Cond.Relation r = (Cond.Relation) c;
            String[] lt = text(r.left(), t);
            String[] rt = text(r.right(), t);
            if ((lt == null) != (rt == null)) {
                Expr textSide = lt != null ? r.left() : r.right();
                String col = Columns.columnName(textSide, t);
                if (col != null) {
                    t.numeric(col);
                }
            }
            if (lt != null || rt != null) {
                if (lt == null || rt == null || (r.op() != RelOp.EQ && r.op() != RelOp.NE)) {
                    throw Failure.at(Code.TYPE, r.span(), "text can only be compared with text, by = or !=");
                }
                for (int i = 0; i < n; i++) {
                    boolean eq = lt[i].equals(rt[i]);
                    out[i] = r.op() == RelOp.EQ ? eq : !eq;
                }
                return out;
            }
            double[] l = Columns.evaluate(r.left(), t, ctx);
            double[] rv = Columns.evaluate(r.right(), t, ctx);
            for (int i = 0; i < n; i++) {
                out[i] = r.op().test(l[i], rv[i]);
            }
        }
        return out;
    }

    /** The text values of a string literal or a text column, or {@code null} for numeric operands. */
    private static String[] text(Expr e, Table t) {
        if (e instanceof Expr.Str s) {
            String[] out = new String[t.rowCount()];
            java.util.Arrays.fill(out, s.value());
            return out;
        }
        String col = Columns.columnName(e, t);
        if (col != null && !Columns.isNumeric(t, col)) {
            return t.text(col);
        }
        return null;
    }
}
