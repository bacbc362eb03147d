package law.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.ast.Expr;
import law.ast.Stmt;
import law.data.Table;
import law.dataset.Dataset;
import law.diag.Code;
import law.eval.Context;
import law.eval.Failure;
import law.eval.Scope;
import law.eval.Value;
import law.model.Law;
import law.model.Param;

/**
 * What a fit resolves before it sees any rows: the law, its options and the compiled
 * expressions of the arguments, target and weights over the dataset's columns.
 *
 * @param stmt       the fit statement
 * @param form       the law fitted
 * @param call       the law applied to the data's columns, as written
 * @param table      the dataset, before the fit's {@code where}
 * @param opts       the fit's options
 * @param scope      the data's columns as symbols
 * @param subst      each law variable's expression over the columns
 * @param body       the law's body over the columns
 * @param target     the target's expression over the columns
 * @param weightExpr the weights' expression, or null
 * @param free       the parameters fitted
 * @param params     their names
 * @param cols       the symbols (columns) the expressions use
 */
record Setup(Stmt.Fit stmt, Law form, Expr.Call call, Table table, FitOptions opts, Scope scope,
             Map<String, law.expr.Expr> subst, law.expr.Expr body, law.expr.Expr target,
             law.expr.Expr weightExpr, List<Param> free, List<String> params, List<String> cols) {

    /**
     * Resolves what a fit statement needs before it sees any rows: the law, its options and the
     * arguments, target and weights compiled over the dataset's columns.
     */
    static Setup of(Stmt.Fit stmt, Context ctx) {
        if (!(stmt.model() instanceof Expr.Call call)) {
            throw Failure.at(Code.WRONG_KIND, stmt.model().span(), "expected a law applied to columns: LAW(N, D)");
        }
        Law form = law.eval.Declarations.lawNamed(call.callee(), ctx);
        if (call.args().size() != form.vars().size()) {
            throw Failure.at(Code.ARITY, call.span(), "'" + form.name() + "' takes " + form.vars().size() + " arguments ("
                    + String.join(", ", form.vars()) + "), not " + call.args().size());
        }
        Table table = Dataset.named(stmt.data(), ctx).table();
        FitOptions opts = FitOptions.parse(stmt.options(), ctx.evaluator(), ctx.options().limits());
        Scope scope = Scope.strict();
        for (String c : table.columnNames()) {
            // text columns too: reading one as numbers reports its first non-numeric cell (L0408)
            scope.bind(c, new Value.Scalar(law.expr.Expr.sym(FitRows.COL + c)));
        }
        Map<String, law.expr.Expr> subst = new LinkedHashMap<>();
        for (int i = 0; i < form.vars().size(); i++) {
            subst.put(form.vars().get(i), ctx.evaluator().scalar(call.args().get(i).value(), scope).expr());
        }
        law.expr.Expr body = form.closedBody().substitute(subst);
        law.expr.Expr target = ctx.evaluator().scalar(stmt.target(), scope).expr();
        law.expr.Expr weightExpr = opts.weights() == null ? null : ctx.evaluator().scalar(opts.weights(), scope).expr();
        List<Param> free = form.freeParams();
        List<String> params = free.stream().map(Param::name).toList();
        Set<String> used = new LinkedHashSet<>();
        List<law.expr.Expr> exprs = new ArrayList<>(subst.values()); // the arguments too: their ranges are kept
        exprs.addAll(weightExpr == null ? List.of(body, target) : List.of(body, target, weightExpr));
        for (law.expr.Expr e : exprs) {
            for (String sym : e.symbols()) {
                if (!params.contains(sym)) {
                    used.add(sym);
                }
            }
        }
        return new Setup(stmt, form, call, table, opts, scope, subst, body, target, weightExpr, free, params,
                new ArrayList<>(used));
    }
}
