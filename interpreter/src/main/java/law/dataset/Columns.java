package law.dataset;

import java.util.ArrayList;
import java.util.List;
import law.ast.Expr;
import law.data.Column;
import law.data.Table;
import law.diag.Code;
import law.diag.Suggest;
import law.eval.Context;
import law.eval.Failure;
import law.eval.Scope;

/**
 * Evaluates expressions over the columns of a table: the names of numeric columns are symbols,
 * other names resolve in the session (lets, laws). A name that is neither is reported as a
 * missing column with a did-you-mean over the table's real columns.
 */
public final class Columns {
    private Columns() {
    }

    /** The symbolic form of an expression over a table's numeric columns. */
    public static law.expr.Expr symbolic(Expr e, Table t, Context ctx) {
        Scope scope = Scope.strict();
        for (String name : t.columnNames()) {
            scope.symbol(name);
        }
        try {
            return ctx.evaluator().scalar(e, scope).expr();
        } catch (Failure f) {
            if (f.diagnostic().code() == Code.UNKNOWN_NAME) {
                String name = f.diagnostic().span().text();
                String help = Suggest.didYouMean(name, t.columnNames());
                throw Failure.at(Code.DATA_MISSING_COLUMN, f.diagnostic().span(), "no column '" + name + "' in "
                        + t.source(), help != null ? help : "its columns are " + String.join(", ", t.columnNames()));
            }
            throw f;
        }
    }

    /** The value of an expression at every row of a table. */
    public static double[] evaluate(Expr e, Table t, Context ctx) {
        return evaluate(symbolic(e, t, ctx), t);
    }

    /** The value of a symbolic expression (over column names) at every row of a table. */
    public static double[] evaluate(law.expr.Expr ir, Table t) {
        List<String> names = new ArrayList<>(ir.symbols());
        double[][] cols = new double[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            cols[k] = t.numeric(names.get(k));
        }
        int n = t.rowCount();
        double[] out = new double[n];
        if (names.isEmpty()) {
            java.util.Arrays.fill(out, ir.evaluate(java.util.Map.of()));
            return out;
        }
        law.expr.Program program = law.expr.Compiler.compile(List.of(ir), names, List.of());
        program.evaluate(cols, n, new double[0], new double[][] {out}, program.newWorkspace());
        return out;
    }

    /** True when a column is numeric. */
    static boolean isNumeric(Table t, String name) {
        return t.hasColumn(name) && t.column(name) instanceof law.data.NumericColumn;
    }

    /** The column named by an expression that is a bare name, or {@code null}. */
    static String columnName(Expr e, Table t) {
        return e instanceof Expr.Name n && t.hasColumn(n.text()) ? n.text() : null;
    }

    static Column column(Table t, String name) {
        return t.column(name);
    }
}
