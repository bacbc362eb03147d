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
import law.diag.Diagnostic;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Failure;
import law.eval.Interpreter;
import law.eval.Scope;
import law.eval.Value;
import law.model.Law;
import law.model.Param;
import law.report.Fmt;

/** The {@code fit} statement: resolves the law, the data and the options, fits, and binds the result. */
public final class Fits {
    private static final String COL = FitRows.COL;

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
    record Setup(Stmt.Fit stmt, Law form, Expr.Call call, Table table, FitOptions opts, Scope scope,
                         Map<String, law.expr.Expr> subst, law.expr.Expr body, law.expr.Expr target,
                         law.expr.Expr weightExpr, List<Param> free, List<String> params, List<String> cols) {
    }

    /** One fitted group: its result, parameter values and which rows its {@code where} kept. */
    private record Outcome(FitResult result, Map<String, Double> values, boolean[] keep) {
    }

    private static void fit(Stmt.Fit stmt, Context ctx) {
        law.eval.Declarations.checkFree(stmt.name(), ctx);
        Setup setup = setup(stmt, ctx);
        Table table = setup.table();
        law.eval.Pending.stopIfChecking(ctx);
        Law form = setup.form();
        if (!stmt.groupBy().isEmpty()) {
            GroupFits.run(stmt, table, ctx, (group, label) -> {
                Outcome o = fitRows(setup, group, ctx, label);
                return new GroupFits.Fitted(o.values(), o.result(),
                        form.withValues(stmt.name().text(), o.values(), o.result(), stmt.doc()));
            }, setup.params(), setup.opts().likelihood() == null ? null : LikelihoodFit.scaleName(setup.params()));
            return;
        }
        Outcome o = fitRows(setup, table, ctx, "");
        o.result().refit(new Refit(setup));
        Law fitted = law(setup, table, o);
        ctx.env().define(new Entry(stmt.name().text(), Entry.Kind.FIT, new Value.LawRef(fitted), stmt.span(),
                stmt.doc()));
    }

    /** The fitted law of an ungrouped fit: the form with the fitted values, its variables named after the data. */
    private static Law law(Setup s, Table table, Outcome o) {
        Stmt.Fit stmt = s.stmt();
        return s.form().withValues(stmt.name().text(), o.values(), o.result(), stmt.doc())
                .withVariables(BoundNames.of(s.form(), s.call(), table));
    }

    /**
     * Refits a fit statement on {@code rows} (a subset of its data's rows) with its own options and
     * starts, without recording it in the ledger: the fitted law, its result attached.
     */
    static Law refit(Setup s, Table rows, Context ctx, String label) {
        return law(s, rows, solve(s, rows, ctx, label));
    }

    /**
     * Resolves what a fit statement needs before it sees any rows: the law, its options and the
     * arguments, target and weights compiled over the dataset's columns.
     */
    private static Setup setup(Stmt.Fit stmt, Context ctx) {
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
        return new Setup(stmt, form, call, table, opts, scope, subst, body, target, weightExpr, free, params,
                new ArrayList<>(used));
    }

    /**
     * Fits the rows of {@code table} (the whole dataset, or one group), records the fit in the
     * ledger and attaches how to refit it; {@code label} prefixes warnings
     * ({@code "group flops=1e19: "}), empty for an ungrouped fit.
     */
    private static Outcome fitRows(Setup s, Table table, Context ctx, String label) {
        Outcome o = solve(s, table, ctx, label);
        FitResult result = o.result();
        ctx.ledger().record(new law.eval.Ledger.Fit(s.stmt().name().text(), table.groupKey().isEmpty() ? ""
                : table.groupKey().render(), s.stmt().span(), result, s.opts().where() == null ? null
                : s.opts().where().span().text(), excluded(table, o.keep())));
        return o;
    }

    /**
     * The whole of one fit of {@code table}'s rows with the statement's own options and starts:
     * the rows, the multi-start run, the uncertainty and the result. Deterministic for a seed
     * whatever the number of threads; diagnostics are thrown ({@link Failure}) or reported with
     * {@code label} before them.
     */
    private static Outcome solve(Setup s, Table table, Context ctx, String label) {
        FitRows.Rows rows = FitRows.rows(s, table, ctx);
        Solved solved = run(s, rows, table, ctx);
        Spreads spreads = uncertainty(s, rows, solved, ctx, label);
        FitResult result = result(s, table, rows, solved, spreads);
        if (spreads.boot() != null) {
            BootReport.warn(spreads.boot(), result.spreads(), s.params(), s.stmt().span(), label, ctx);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int j = 0; j < s.params().size(); j++) {
            values.put(s.params().get(j), solved.best().p()[j]);
        }
        return new Outcome(result, values, rows.keep());
    }

    /** A fit's problem, its starts and method, every start's run and the best of them. */
    private record Solved(Problem pr, Method method, Transform[] transforms, List<double[]> starts, List<Run> runs,
                          Run best, double[] withSigma) {
        /** A likelihood fit's fitted scale, NaN for a loss fit. */
        double sigma() {
            return withSigma == null ? Double.NaN : withSigma[withSigma.length - 1];
        }
    }

    /** Runs the fit from every start (in parallel, the same result whatever the threads) and picks the best. */
    private static Solved run(Setup s, FitRows.Rows rows, Table table, Context ctx) {
        Stmt.Fit stmt = s.stmt();
        FitOptions opts = s.opts();
        Law form = s.form();
        int m = s.params().size();
        if (rows.n() < m) {
            throw Failure.at(Code.FIT_TOO_FEW_POINTS, stmt.span(), "'" + form.name() + "' has " + m
                    + " free parameters but the data have only " + rows.n() + " points",
                    "fix some parameters with 'law X = " + form.name() + " with { ... }', or use more data");
        }
        if (m == 0) {
            throw Failure.at(Code.FIT_TOO_FEW_POINTS, s.call().span(), "'" + form.name() + "' has no free parameters to fit");
        }
        Transform[] transforms = new Transform[m];
        for (int j = 0; j < m; j++) {
            transforms[j] = Transform.of(s.free().get(j).domain());
        }
        List<double[]> starts = opts.starts(s.params(), transforms, ctx.evaluator(), ctx.options().limits().maxStarts());
        Likelihood lik = opts.likelihood();
        Method method = lik == null ? opts.method().resolve(opts.loss())
                : opts.method() == Method.AUTO ? Method.TRUST_REGION : opts.method();
        if (method == Method.LM && opts.loss().kind() != Loss.Kind.SQUARED) {
            throw Failure.at(Code.BAD_OPTION, stmt.span(), "method lm minimises squared loss only",
                    "use method = newton (or auto) with " + opts.loss().describe());
        }
        Problem pr = new Problem(s.body(), s.cols(), rows.data(), s.params(), transforms, rows.y(), rows.w(), opts.log(),
                opts.loss());
        Settings st = new Settings(opts.tolerance(), opts.maxIterations(), opts.screening(ctx.evaluator()));
        List<Run> runs;
        try (law.eval.Progress.Task task = ctx.progress().start("fit " + stmt.name().text() + ": starts", starts.size())) {
            runs = lik == null ? Engine.multiStart(pr, method, starts, rows.w(), st, ctx.options().threads(), task)
                    : LikelihoodFit.multiStart(pr, lik, method, starts, rows.w(), st, ctx.options().threads(), task);
        }
        Run best = null;
        for (Run r : runs) {
            if (Double.isFinite(r.objective()) && (best == null || r.objective() < best.objective())) {
                best = r;
            }
        }
        if (best == null) {
            throw noFiniteStart(s, rows, table, starts, runs.get(0));
        }
        // a likelihood fit's runs end with sigma: the best keeps the law's parameters, withSigma both
        return lik == null ? new Solved(pr, method, transforms, starts, runs, best, null)
                : new Solved(pr, method, transforms, starts, runs, LikelihoodFit.lawPart(best, m), best.p());
    }

    /** Why no start reached a finite objective, at the first start's bad row when it has one. */
    private static Failure noFiniteStart(Setup s, FitRows.Rows rows, Table table, List<double[]> starts, Run first) {
        Stmt.Fit stmt = s.stmt();
        FitOptions opts = s.opts();
        int row = first.badRow() >= 0 ? rows.rowOf()[first.badRow()] : -1;
        String at = describe(s.params(), starts.get(0));
        if (opts.log() && row >= 0) {
            return Failure.at(Code.FIT_NON_POSITIVE, stmt.model().span(), "the prediction is not positive at "
                    + FitRows.where(table, row) + " from the start " + at + ", so its log residual is undefined",
                    "give a start where the law is positive, or use 'residual = linear'");
        }
        if (row < 0) { // every residual is finite: the objective overflows (values near 1e300)
            return Failure.at(Code.FIT_NOT_FINITE, stmt.model().span(), "the objective is not a finite number from "
                    + (starts.size() == 1 ? "the start " + at : "any of the " + starts.size() + " starts")
                    + ": the law is finite at every point, but the " + opts.loss().describe() + " loss of its "
                    + "residuals overflows (the target reaches " + law.report.Fmt.num(FitRows.maxAbs(rows.y())) + ")",
                    "rescale the target (e.g. fit y / 1e300 and scale the law), or use 'residual = log'");
        }
        return Failure.at(Code.FIT_NOT_FINITE, stmt.model().span(), "the law is not a finite number"
                + (row >= 0 ? " at " + FitRows.where(table, row) : "") + " from " + (starts.size() == 1 ? "the start " + at
                : "any of the " + starts.size() + " starts (the first is " + at + ")"),
                "check the start values and the parameter domains");
    }

    /** A fit's standard errors and, with {@code bootstrap = n}, its replicates. */
    private record Spreads(Uncertainty unc, Bootstrap.Replicates boot) {
    }

    /**
     * The uncertainty at the best point: standard errors (an ungrouped fit the data cannot
     * determine is an error), the warnings about how the best start stopped, and the bootstrap.
     */
    private static Spreads uncertainty(Setup s, FitRows.Rows rows, Solved solved, Context ctx, String label) {
        Stmt.Fit stmt = s.stmt();
        FitOptions opts = s.opts();
        Run best = solved.best();
        Uncertainty unc = solved.withSigma() == null ? Uncertainty.at(solved.pr(), best.p(), rows.w())
                : LikelihoodFit.uncertainty(solved.pr(), opts.likelihood(), solved.withSigma(), rows.w());
        // One group of a grouped fit keeps its best point: its predictions stand (compare ... by), and
        // the warning below says which parameters have no standard errors.
        if (!unc.unidentified().isEmpty() && label.isEmpty()) {
            String constant = FitRows.constantColumns(s.cols(), rows.data());
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
        String overflow = unc.overflow(s.params(), best.p());
        if (unc.reason() != null || overflow != null) {
            ctx.report(Diagnostic.warning(Code.FIT_NO_UNCERTAINTY, stmt.span(), label
                    + (unc.reason() != null ? "no standard errors: " + unc.reason() : overflow)));
        }
        Bootstrap.Replicates boot = null;
        if (opts.bootstrap() > 0) {
            List<double[]> restarts = opts.restarts() ? solved.starts() : null;
            long units = (long) opts.bootstrap() * (restarts == null ? 1 : restarts.size() + 1);
            Settings st = new Settings(opts.tolerance(), opts.maxIterations(), opts.screening(ctx.evaluator()));
            try (law.eval.Progress.Task task = ctx.progress().start("fit " + stmt.name().text() + ": bootstrap", units)) {
                boot = Bootstrap.run(solved.pr(), solved.withSigma() == null ? null : opts.likelihood(),
                        solved.method(), best.p(), rows.w(), st, opts.bootstrap(), opts.seed(), restarts,
                        ctx.options().threads(), task);
            }
        }
        return new Spreads(unc, boot);
    }

    /** The report of a fit: its values, statistics, the ranges of its variables and its options. */
    private static FitResult result(Setup s, Table table, FitRows.Rows rows, Solved solved, Spreads spreads) {
        Stmt.Fit stmt = s.stmt();
        FitOptions opts = s.opts();
        Law form = s.form();
        Run best = solved.best();
        List<Run> runs = solved.runs();
        Transform[] transforms = solved.transforms();
        int m = s.params().size();
        int n = rows.n();
        boolean[] atBound = new boolean[m];
        for (int j = 0; j < m; j++) {
            atBound[j] = transforms[j].atBound(best.p()[j]);
        }
        Likelihood lik = solved.withSigma() == null ? null : opts.likelihood();
        String scale = lik == null ? null : LikelihoodFit.scaleName(s.params());
        Map<String, Double> stats = lik == null ? stats(solved.pr(), best, rows.w(), n, m)
                : LikelihoodFit.stats(solved.pr(), best, scale, solved.sigma(), LikelihoodFit.seLogSigma(lik, rows.w()),
                rows.w(), n, m);
        stats.put("starts", (double) solved.starts().size());
        stats.put("total_evaluations", (double) runs.stream().mapToLong(Run::evaluations).sum());
        Optima optima = lik == null ? Optima.of(solved.pr(), solved.method(), solved.starts(), runs, rows.w())
                : Optima.ofLikelihood(runs, m, transforms);
        stats.put("distinct_starts", (double) optima.runs());
        Map<String, double[]> ranges = new LinkedHashMap<>();
        List<String> names = BoundNames.of(form, s.call(), table); // the fitted law's variables
        double[][] fitted = new double[form.vars().size()][];
        for (int i = 0; i < form.vars().size(); i++) {
            double[] v = FitRows.columnValues(s.subst().get(form.vars().get(i)), s.cols(), rows.data(), n);
            fitted[i] = v;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            ranges.put(names.get(i), new double[]{lo, hi});
        }
        String header = "fit " + stmt.name().text() + " = " + stmt.model().span().text() + " ~ "
                + stmt.target().span().text() + " in " + stmt.data().text()
                + (table.groupKey().isEmpty() ? "" : " [" + table.groupKey().render() + "]") + "   (" + n + " points, "
                + opts.residualWord() + " residuals, " + (lik == null ? opts.loss().describe() : lik.describe()
                + " likelihood") + ", " + solved.method().word() + ")";
        FitResult result = new FitResult(header, s.params(), best.p().clone(), atBound, spreads.unc(), spreads.boot(),
                ranges, stats, best, optima, options(stmt, opts, solved.method()),
                table.hash(), stmt.data().text(), table.source(), lowerOnly(transforms),
                lik == null ? ObservationNoise.of(solved.pr(), best.p(), rows.w())
                : LikelihoodFit.noise(solved.pr(), lik, solved.sigma()));
        result.training(law.model.Fitted.rowKeys(fitted, rows.y()));
        if (lik != null) {
            result.scale(scale, solved.sigma(), LikelihoodFit.seLogSigma(lik, rows.w()), lik);
        }
        return result;
    }

    /** The options a fit ran with, as its report and {@code --json} show them. */
    private static Map<String, Object> options(Stmt.Fit stmt, FitOptions opts, Method method) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("target", stmt.target().span().text());
        options.put("residual", opts.residualWord());
        if (opts.likelihood() == null) {
            options.put("loss", opts.loss().describe());
        } else {
            options.put("likelihood", opts.likelihood().describe());
        }
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
        return options;
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

    private static String describe(List<String> params, double[] p) {
        StringBuilder b = new StringBuilder("{");
        for (int j = 0; j < p.length; j++) {
            b.append(j == 0 ? "" : ", ").append(params.get(j)).append(" = ").append(Fmt.num(p[j], 6));
        }
        return b.append('}').toString();
    }

}
