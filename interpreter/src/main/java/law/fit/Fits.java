package law.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.ast.Cond;
import law.ast.Expr;
import law.ast.Stmt;
import law.data.Table;
import law.dataset.Dataset;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Failure;
import law.eval.Interpreter;
import law.eval.Scope;
import law.eval.Value;
import law.expr.Compiler;
import law.expr.Program;
import law.model.Law;
import law.model.Param;
import law.report.Fmt;

/** The {@code fit} statement: resolves the law, the data and the options, fits, and binds the result. */
public final class Fits {
    private static final String COL = "data:";

    private Fits() {
    }

    /** Registers the handler of {@code fit}. */
    public static void install(Interpreter interp) {
        interp.on(Stmt.Fit.class, Fits::fit);
    }

    /**
     * What a fit resolves before it sees any rows: the law, its options and the compiled
     * expressions of the arguments, target and weights over the dataset's columns.
     */
    private record Setup(Stmt.Fit stmt, Law form, Expr.Call call, FitOptions opts, Scope scope,
                         Map<String, law.expr.Expr> subst, law.expr.Expr body, law.expr.Expr target,
                         law.expr.Expr weightExpr, List<Param> free, List<String> params, List<String> cols) {
    }

    /** One fitted group: its result and parameter values. */
    private record Outcome(FitResult result, Map<String, Double> values) {
    }

    private static void fit(Stmt.Fit stmt, Context ctx) {
        law.eval.Declarations.checkFree(stmt.name(), ctx);
        if (!(stmt.model() instanceof Expr.Call call)) {
            throw Failure.at(Code.WRONG_KIND, stmt.model().span(), "expected a law applied to columns: LAW(N, D)");
        }
        Law form = law.eval.Declarations.lawNamed(call.callee(), ctx);
        if (call.args().size() != form.vars().size()) {
            throw Failure.at(Code.ARITY, call.span(), "'" + form.name() + "' takes " + form.vars().size() + " arguments ("
                    + String.join(", ", form.vars()) + "), not " + call.args().size());
        }
        Dataset ds = Dataset.named(stmt.data(), ctx);
        Table table = ds.table();
        FitOptions opts = FitOptions.parse(stmt.options(), ctx.evaluator(), ctx.options().limits());

        Scope scope = Scope.strict();
        for (String c : table.columnNames()) {
            // text columns too: reading one as numbers reports its first non-numeric cell (L0408)
            scope.bind(c, new Value.Scalar(law.expr.Expr.sym(COL + c)));
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
        Setup setup = new Setup(stmt, form, call, opts, scope, subst, body, target, weightExpr, free, params,
                new ArrayList<>(used));
        law.eval.Pending.stopIfChecking(ctx);
        if (!stmt.groupBy().isEmpty()) {
            GroupFits.run(stmt, table, ctx, (group, label) -> {
                Outcome o = fitRows(setup, group, ctx, label);
                return new GroupFits.Fitted(o.values(), o.result(),
                        form.withValues(stmt.name().text(), o.values(), o.result(), stmt.doc()));
            }, params);
            return;
        }
        Outcome o = fitRows(setup, table, ctx, "");
        Law fitted = form.withValues(stmt.name().text(), o.values(), o.result(), stmt.doc())
                .withVariables(BoundNames.of(form, call, table));
        ctx.env().define(new Entry(stmt.name().text(), Entry.Kind.FIT, new Value.LawRef(fitted), stmt.span(),
                stmt.doc()));
    }

    /**
     * Fits the rows of {@code table} (the whole dataset, or one group); {@code label} prefixes
     * warnings ({@code "group flops=1e19: "}), empty for an ungrouped fit.
     */
    private static Outcome fitRows(Setup s, Table table, Context ctx, String label) {
        Stmt.Fit stmt = s.stmt();
        Law form = s.form();
        Expr.Call call = s.call();
        FitOptions opts = s.opts();
        Scope scope = s.scope();
        Map<String, law.expr.Expr> subst = s.subst();
        law.expr.Expr body = s.body();
        law.expr.Expr target = s.target();
        law.expr.Expr weightExpr = s.weightExpr();
        List<Param> free = s.free();
        List<String> params = s.params();
        List<String> cols = s.cols();
        int rows = table.rowCount();
        double[][] data = new double[cols.size()][];
        for (int k = 0; k < cols.size(); k++) {
            data[k] = table.numeric(cols.get(k).substring(COL.length()));
        }
        double[] y = columnValues(target, cols, data, rows);
        double[] w = weightExpr == null ? null : columnValues(weightExpr, cols, data, rows);
        boolean[] keep = new boolean[rows];
        java.util.Arrays.fill(keep, true);
        if (opts.where() != null) {
            keep = law.dataset.Clauses.mask(opts.where(), table, ctx);
        }
        int n = 0;
        for (boolean b : keep) {
            n += b ? 1 : 0;
        }
        int[] rowOf = new int[n];
        double[][] fdata = new double[cols.size()][n];
        double[] fy = new double[n];
        double[] fw = new double[n];
        int q = 0;
        for (int i = 0; i < rows; i++) {
            if (!keep[i]) {
                continue;
            }
            rowOf[q] = i;
            for (int k = 0; k < cols.size(); k++) {
                fdata[k][q] = data[k][i];
                if (!Double.isFinite(data[k][i])) {
                    throw Failure.at(Code.FIT_BAD_DATA, stmt.span(), "column '" + cols.get(k).substring(COL.length())
                            + "' is " + Fmt.num(data[k][i]) + " at " + where(table, i), "filter the row out with 'where'");
                }
            }
            fy[q] = y[i];
            fw[q] = w == null ? 1 : w[i];
            if (!Double.isFinite(fy[q])) {
                throw Failure.at(Code.FIT_BAD_DATA, stmt.target().span(), "the target is " + Fmt.num(fy[q]) + " at "
                        + where(table, i));
            }
            if (opts.log() && !(fy[q] > 0)) {
                throw Failure.at(Code.FIT_NON_POSITIVE, stmt.target().span(), "the target is " + Fmt.num(fy[q]) + " at "
                        + where(table, i) + ", but log residuals need positive targets",
                        "use 'residual = linear', or filter the row out with 'where'");
            }
            if (!(fw[q] >= 0) || !Double.isFinite(fw[q])) {
                throw Failure.at(Code.FIT_BAD_WEIGHT, opts.weights().span(), "the weight is " + Fmt.num(fw[q]) + " at "
                        + where(table, i) + "; weights must be finite and not negative");
            }
            q++;
        }
        int m = params.size();
        if (n < m) {
            throw Failure.at(Code.FIT_TOO_FEW_POINTS, stmt.span(), "'" + form.name() + "' has " + m
                    + " free parameters but the data have only " + n + " points",
                    "fix some parameters with 'law X = " + form.name() + " with { ... }', or use more data");
        }
        if (m == 0) {
            throw Failure.at(Code.FIT_TOO_FEW_POINTS, call.span(), "'" + form.name() + "' has no free parameters to fit");
        }
        Transform[] transforms = new Transform[m];
        for (int j = 0; j < m; j++) {
            transforms[j] = Transform.of(free.get(j).domain());
        }
        List<double[]> starts = opts.starts(params, transforms, ctx.evaluator(), ctx.options().limits().maxStarts());
        Method method = opts.method().resolve(opts.loss());
        if (method == Method.LM && opts.loss().kind() != Loss.Kind.SQUARED) {
            throw Failure.at(Code.BAD_OPTION, stmt.span(), "method lm minimises squared loss only",
                    "use method = newton (or auto) with " + opts.loss().describe());
        }
        Problem pr = new Problem(body, cols, fdata, params, transforms, fy, fw, opts.log(), opts.loss());
        Settings st = new Settings(opts.tolerance(), opts.maxIterations());
        int threads = ctx.options().threads();
        String name = stmt.name().text();
        List<Run> runs;
        try (law.eval.Progress.Task task = ctx.progress().start("fit " + name + ": starts", starts.size())) {
            runs = Engine.multiStart(pr, method, starts, fw, st, threads, task);
        }
        Run best = null;
        for (Run r : runs) {
            if (Double.isFinite(r.objective()) && (best == null || r.objective() < best.objective())) {
                best = r;
            }
        }
        if (best == null) {
            Run first = runs.get(0);
            int row = first.badRow() >= 0 ? rowOf[first.badRow()] : -1;
            double[] p0 = starts.get(0);
            String at = describe(params, p0);
            if (opts.log() && row >= 0) {
                throw Failure.at(Code.FIT_NON_POSITIVE, stmt.model().span(), "the prediction is not positive at "
                        + where(table, row) + " from the start " + at + ", so its log residual is undefined",
                        "give a start where the law is positive, or use 'residual = linear'");
            }
            if (row < 0) { // every residual is finite: the objective overflows (values near 1e300)
                throw Failure.at(Code.FIT_NOT_FINITE, stmt.model().span(), "the objective is not a finite number from "
                        + (starts.size() == 1 ? "the start " + at : "any of the " + starts.size() + " starts")
                        + ": the law is finite at every point, but the " + opts.loss().describe() + " loss of its "
                        + "residuals overflows (the target reaches " + law.report.Fmt.num(maxAbs(fy)) + ")",
                        "rescale the target (e.g. fit y / 1e300 and scale the law), or use 'residual = log'");
            }
            throw Failure.at(Code.FIT_NOT_FINITE, stmt.model().span(), "the law is not a finite number"
                    + (row >= 0 ? " at " + where(table, row) : "") + " from " + (starts.size() == 1 ? "the start " + at
                    : "any of the " + starts.size() + " starts (the first is " + at + ")"),
                    "check the start values and the parameter domains");
        }
        Uncertainty unc = Uncertainty.at(pr, best.p(), fw);
        // One group of a grouped fit keeps its best point: its predictions stand (compare ... by), and
        // the warning below says which parameters have no standard errors.
        if (!unc.unidentified().isEmpty() && label.isEmpty()) {
            String constant = constantColumns(cols, fdata);
            throw Failure.at(Code.FIT_NOT_IDENTIFIABLE, stmt.model().span(), "the data cannot determine "
                    + String.join(", ", unc.unidentified()) + (unc.unidentified().size() == 1 ? ": changing it"
                    : ": changing them together") + " leaves the fit unchanged",
                    constant != null ? "the column " + constant + " is constant over the fitted rows"
                            : "fix one of them with 'with { ... }', or use data that varies more");
        }
        if (best.stop() == Stop.ITERATION_LIMIT) {
            ctx.report(Diagnostic.warning(Code.FIT_ITERATION_LIMIT, stmt.span(), label + "the best start stopped at the "
                    + "iteration limit (" + opts.maxIterations() + "); the result may not be an optimum")
                    .withHelp("raise max_iterations, or try other starts"));
        }
        if (best.stop() == Stop.STALLED) {
            ctx.report(Diagnostic.warning(Code.FIT_STALLED, stmt.span(), label + "the best start stopped where no "
                    + "step decreases the objective, yet its gradient is not small; the result may not be an optimum")
                    .withHelp("try other starts, method = lbfgs, or rescale the data"));
        }
        if (unc.covariance() == null && unc.reason() != null) {
            ctx.report(Diagnostic.warning(Code.FIT_NO_UNCERTAINTY, stmt.span(), label + "no standard errors: " + unc.reason()));
        }
        Bootstrap.Replicates boot = null;
        if (opts.bootstrap() > 0) {
            List<double[]> restarts = opts.restarts() ? starts : null;
            long units = (long) opts.bootstrap() * (restarts == null ? 1 : restarts.size() + 1);
            try (law.eval.Progress.Task task = ctx.progress().start("fit " + name + ": bootstrap", units)) {
                boot = Bootstrap.run(pr, method, best.p(), fw, st, opts.bootstrap(), opts.seed(), restarts, threads,
                        task);
            }
        }

        Map<String, Double> values = new LinkedHashMap<>();
        boolean[] atBound = new boolean[m];
        for (int j = 0; j < m; j++) {
            values.put(params.get(j), best.p()[j]);
            atBound[j] = transforms[j].atBound(best.p()[j]);
        }
        Map<String, Double> stats = stats(pr, best, fw, n, m);
        stats.put("starts", (double) starts.size());
        stats.put("total_evaluations", (double) runs.stream().mapToLong(Run::evaluations).sum());
        int reached = 0;
        double tol = 1e-8 * Math.max(Math.abs(best.objective()), 1e-300);
        List<Double> others = new ArrayList<>();
        for (Run r : runs) {
            if (Math.abs(r.objective() - best.objective()) <= tol) {
                reached++;
            } else if (Double.isFinite(r.objective())) {
                others.add(r.objective() - best.objective());
            }
        }
        List<double[]> nextBest = nextBest(others, best.objective());
        Map<String, double[]> ranges = new LinkedHashMap<>();
        List<String> names = BoundNames.of(form, call, table); // the fitted law's variables
        double[][] fitted = new double[form.vars().size()][];
        for (int i = 0; i < form.vars().size(); i++) {
            law.expr.Expr arg = subst.get(form.vars().get(i));
            double[] v = columnValues(arg, cols, fdata, n);
            fitted[i] = v;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            ranges.put(names.get(i), new double[]{lo, hi});
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("target", stmt.target().span().text());
        options.put("residual", opts.residualWord());
        options.put("loss", opts.loss().describe());
        options.put("method", opts.method().word() + (opts.method() == Method.AUTO ? " (" + method.word() + ")" : ""));
        options.put("tolerance", opts.tolerance());
        options.put("max_iterations", opts.maxIterations());
        options.put("weights", opts.weights() == null ? "none" : opts.weights().span().text());
        options.put("where", opts.where() == null ? "none" : opts.where().span().text());
        options.put("start", opts.start() == null ? "random(" + FitOptions.DEFAULT_RANDOM_STARTS + ")"
                : opts.start().span().text());
        options.put("bootstrap", opts.bootstrap());
        options.put("bootstrap_starts", opts.restarts() ? "all" : "estimate");
        options.put("seed", opts.seed());
        String header = "fit " + stmt.name().text() + " = " + stmt.model().span().text() + " ~ "
                + stmt.target().span().text() + " in " + stmt.data().text()
                + (table.groupKey().isEmpty() ? "" : " [" + table.groupKey().render() + "]") + "   (" + n + " points, "
                + opts.residualWord() + " residuals, " + opts.loss().describe() + ", " + method.word() + ")";
        FitResult result = new FitResult(header, params, best.p().clone(), atBound, unc, boot, ranges, stats, best,
                starts.size(), reached, nextBest, options, table.hash(), stmt.data().text(), table.source(),
                lowerOnly(transforms), ObservationNoise.of(pr, best.p(), fw));
        result.training(law.model.Fitted.rowKeys(fitted, fy));
        if (boot != null) {
            BootReport.warn(boot, result.spreads(), params, stmt.span(), label, ctx);
        }
        ctx.ledger().record(new law.eval.Ledger.Fit(name, table.groupKey().isEmpty() ? "" : table.groupKey().render(),
                stmt.span(), result, opts.where() == null ? null : opts.where().span().text(), excluded(table, keep)));
        return new Outcome(result, values);
    }

    /** The source row numbers of the rows a fit's {@code where} left out (for {@code law report}). */
    private static int[] excluded(Table table, boolean[] keep) {
        return java.util.stream.IntStream.range(0, keep.length).filter(i -> !keep[i]).map(table::sourceRow).toArray();
    }

    /** The lower ends of the domains bounded below only (NaN for the others), for log-scale intervals. */
    private static double[] lowerOnly(Transform[] t) {
        double[] out = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            boolean below = Double.isFinite(t[j].lo()) && t[j].hi() == Double.POSITIVE_INFINITY;
            out[j] = below ? t[j].lo() : Double.NaN;
        }
        return out;
    }

    private static double[] inverse(Transform[] t, double[] p) {
        double[] u = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            u[j] = t[j].inverse(p[j]);
        }
        return u;
    }

    private static List<double[]> nextBest(List<Double> gaps, double best) {
        gaps.sort(Double::compare);
        List<double[]> out = new ArrayList<>();
        for (double g : gaps) {
            if (!out.isEmpty() && Math.abs(g - out.get(out.size() - 1)[0]) <= 1e-8 * Math.max(Math.abs(best) + g, 1e-300)) {
                out.get(out.size() - 1)[1]++;
                continue;
            }
            if (out.size() == 3) {
                break;
            }
            out.add(new double[]{g, 1});
        }
        return out;
    }

    static Map<String, Double> stats(Problem pr, Run best, double[] w, int n, int m) {
        Problem.Scratch s = pr.scratch();
        pr.values(best.p(), s);
        double sw = 0;
        double swr2 = 0;
        double swz = 0;
        for (int i = 0; i < pr.n; i++) {
            double r = pr.residual(i, s.f[i]);
            sw += w[i];
            swr2 += w[i] * r * r;
            swz += w[i] * pr.z[i];
        }
        double mean = swz / sw;
        double tss = 0;
        for (int i = 0; i < pr.n; i++) {
            tss += w[i] * (pr.z[i] - mean) * (pr.z[i] - mean);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("objective", best.objective());
        out.put("rmse", Math.sqrt(swr2 / sw));
        out.put("r2", 1 - swr2 / tss);
        // Gaussian log-likelihood of the residuals with its variance at the maximum-likelihood value;
        // AIC and BIC count that variance as a parameter (the same definitions as compare)
        double logL = -0.5 * n * (Math.log(2 * Math.PI * swr2 / sw) + 1);
        out.put("log_likelihood", logL);
        out.put("aic", 2 * (m + 1) - 2 * logL);
        out.put("bic", (m + 1) * Math.log(n) - 2 * logL);
        out.put("points", (double) n);
        out.put("iterations", (double) best.iterations());
        out.put("evaluations", (double) best.evaluations());
        return out;
    }

    private static double maxAbs(double[] xs) {
        double m = 0;
        for (double x : xs) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static String describe(List<String> params, double[] p) {
        StringBuilder b = new StringBuilder("{");
        for (int j = 0; j < p.length; j++) {
            b.append(j == 0 ? "" : ", ").append(params.get(j)).append(" = ").append(Fmt.num(p[j], 6));
        }
        return b.append('}').toString();
    }

    private static String where(Table t, int row) {
        return t.source() + " " + t.numbering().word() + " " + t.sourceRow(row);
    }

    private static String constantColumns(List<String> cols, double[][] data) {
        for (int k = 0; k < cols.size(); k++) {
            double[] c = data[k];
            boolean constant = c.length > 0;
            for (double x : c) {
                constant &= x == c[0];
            }
            if (constant) {
                return "'" + cols.get(k).substring(COL.length()) + "'";
            }
        }
        return null;
    }

    private static double[] columnValues(law.expr.Expr e, List<String> cols, double[][] data, int rows) {
        double[] out = new double[rows];
        if (e.symbols().isEmpty()) {
            java.util.Arrays.fill(out, e.evaluate(Map.of()));
            return out;
        }
        Program prog = Compiler.compile(List.of(e), cols, List.of());
        prog.evaluate(data, rows, new double[0], new double[][]{out}, prog.newWorkspace());
        return out;
    }
}
