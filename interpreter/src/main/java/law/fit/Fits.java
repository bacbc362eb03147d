package law.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
    private Fits() {
    }

    /** Registers the handler of {@code fit}. */
    public static void install(Interpreter interp) {
        interp.on(Stmt.Fit.class, Fits::fit);
    }

    /** One fitted group: its result, parameter values and which rows its {@code where} kept. */
    private record Outcome(FitResult result, Map<String, Double> values, boolean[] keep) {
    }

    private static void fit(Stmt.Fit stmt, Context ctx) {
        law.eval.Declarations.checkFree(stmt.name(), ctx);
        Setup setup = Setup.of(stmt, ctx);
        Table table = setup.table();
        law.eval.Pending.stopIfChecking(ctx);
        Law form = setup.form();
        if (!stmt.groupBy().isEmpty()) {
            GroupFits.run(stmt, table, ctx, (group, label, warnings) -> {
                Outcome o = fitRows(setup, group, ctx, label, warnings);
                return new GroupFits.Fitted(o.values(), o.result(),
                        form.withValues(stmt.name().text(), o.values(), o.result(), stmt.doc()));
            }, setup.params(), setup.opts().likelihood() == null ? null : LikelihoodFit.scaleName(setup.params()));
            return;
        }
        Outcome o = fitRows(setup, table, ctx, "", ctx::report);
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
        return refit(s, rows, ctx, label, ctx::report);
    }

    static Law refit(Setup s, Table rows, Context ctx, String label, Consumer<Diagnostic> warn) {
        return law(s, rows, solve(s, rows, ctx, label, warn));
    }

    /**
     * Fits the rows of {@code table} (the whole dataset, or one group), records the fit in the
     * ledger and attaches how to refit it; {@code label} prefixes warnings
     * ({@code "group flops=1e19: "}), empty for an ungrouped fit, and they go to {@code warn}.
     */
    private static Outcome fitRows(Setup s, Table table, Context ctx, String label, Consumer<Diagnostic> warn) {
        Outcome o = solve(s, table, ctx, label, warn);
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
     * {@code label} before them to {@code warn}.
     */
    private static Outcome solve(Setup s, Table table, Context ctx, String label, Consumer<Diagnostic> warn) {
        FitRows.Rows rows = FitRows.rows(s, table, ctx);
        Solved solved = run(s, rows, table, ctx);
        Spreads spreads = uncertainty(s, rows, solved, ctx, label, warn);
        FitResult result = FitResults.of(s, table, rows, solved, spreads);
        if (spreads.boot() != null) {
            BootReport.warn(spreads.boot(), result.spreads(), s.params(), s.stmt().span(), label, warn);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int j = 0; j < s.params().size(); j++) {
            values.put(s.params().get(j), solved.best().p()[j]);
        }
        return new Outcome(result, values, rows.keep());
    }

    /** A fit's problem, its starts, method and optimizer settings, every start's run and the best of them. */
    record Solved(Problem pr, Method method, Settings settings, Transform[] transforms, List<double[]> starts,
                  List<Run> runs, Run best, double[] withSigma) {
        /** A likelihood fit's fitted scale, NaN for a loss fit. */
        double sigma() {
            return withSigma == null ? Double.NaN : withSigma[withSigma.length - 1];
        }
    }

    /**
     * A fit ready to search: its problem, starts, method and optimizer settings, the point weights,
     * and the likelihood it maximises (null: it minimises the problem's loss).
     */
    record Search(Problem pr, Method method, Settings settings, Transform[] transforms, List<double[]> starts,
                  double[] w, Likelihood lik) {
        /** Every start's run, in start order, on {@code threads} threads (the same result whatever their number). */
        List<Run> runs(int threads, law.eval.Progress.Task task) {
            return lik == null ? Engine.multiStart(pr, method, starts, w, settings, threads, task)
                    : LikelihoodFit.multiStart(pr, lik, method, starts, w, settings, threads, task);
        }
    }

    /** Runs the fit from every start (in parallel, the same result whatever the threads) and picks the best. */
    private static Solved run(Setup s, FitRows.Rows rows, Table table, Context ctx) {
        Search search = search(s, rows, ctx);
        List<Run> runs;
        try (law.eval.Progress.Task task = ctx.progress().start("fit " + s.stmt().name().text() + ": starts",
                search.starts().size())) {
            runs = search.runs(ctx.options().threads(), task);
        }
        Run best = null;
        for (Run r : runs) {
            if (Double.isFinite(r.objective()) && (best == null || r.objective() < best.objective())) {
                best = r;
            }
        }
        if (best == null) {
            throw noFiniteStart(s, rows, table, search.starts(), runs.get(0));
        }
        // a likelihood fit's runs end with sigma: the best keeps the law's parameters, withSigma both
        return search.lik() == null ? new Solved(search.pr(), search.method(), search.settings(), search.transforms(),
                search.starts(), runs, best, null)
                : new Solved(search.pr(), search.method(), search.settings(), search.transforms(), search.starts(), runs,
                LikelihoodFit.lawPart(best, s.params().size()), best.p());
    }

    /**
     * Compiles a fit of {@code rows} for its search: the problem, the starts, the method and the
     * settings (checking that the data can determine the law and the method suits the loss).
     */
    static Search search(Setup s, FitRows.Rows rows, Context ctx) {
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
        Method method = lik == null ? opts.method().resolve(opts.loss(), boxed(transforms))
                : opts.method() == Method.AUTO ? Method.TRUST_REGION : opts.method();
        checkIntervals(stmt, s.params(), transforms, method);
        if (method == Method.LM && opts.loss().kind() != Loss.Kind.SQUARED) {
            throw Failure.at(Code.BAD_OPTION, stmt.span(), "method lm minimises squared loss only",
                    "use method = newton (or auto) with " + opts.loss().describe());
        }
        LossScale.check(stmt, opts.loss(), opts.log(), rows.y(), rows.w());
        Problem pr = new Problem(s.body(), s.cols(), rows.data(), s.params(), transforms, rows.y(), rows.w(), opts.log(),
                opts.loss());
        Settings st = new Settings(opts.tolerance(), opts.maxIterations(), opts.screening(ctx.evaluator()));
        return new Search(pr, method, st, transforms, starts, rows.w(), lik);
    }

    /** Whether some parameter is in an interval (a box its coordinate is kept in by projection). */
    private static boolean boxed(Transform[] transforms) {
        for (Transform t : transforms) {
            if (t.interval()) {
                return true;
            }
        }
        return false;
    }

    /** An unbounded method (lm, lbfgs) asked for where a parameter is in an interval: L0214, never a fit outside it. */
    private static void checkIntervals(Stmt.Fit stmt, List<String> params, Transform[] transforms, Method method) {
        if (method.keepsIntervals()) {
            return;
        }
        for (int j = 0; j < transforms.length; j++) {
            if (transforms[j].interval()) {
                throw Failure.at(Code.BAD_OPTION, stmt.span(), "method " + method.word() + " cannot keep '" + params.get(j)
                        + "' in its interval: it runs without bounds and would report values outside them",
                        "use method = trust_region (the default for a fit with an interval) or newton");
            }
        }
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

    /**
     * L0604 where the law does not depend on the parameters at the end point at all ({@link
     * Unseen}): the start, not the data, is the cause, so the message gives the end point and
     * the help asks for other starts.
     */
    private static Failure unseen(Stmt.Fit stmt, List<String> names, double[] p, List<String> unseen) {
        StringBuilder at = new StringBuilder();
        for (String name : unseen) {
            at.append(at.length() == 0 ? "" : ", ").append(name).append(" = ")
                    .append(law.report.Fmt.num(p[names.indexOf(name)]));
        }
        boolean one = unseen.size() == 1;
        String them = one ? "it" : "them";
        return Failure.at(Code.FIT_NOT_IDENTIFIABLE, stmt.model().span(), "the fit cannot determine "
                + String.join(", ", unseen) + ": where the best start ended (" + at + ") the law does not depend on "
                + them + " at any point (changing " + (one ? "it" : "each") + " by its own size changes no prediction"
                + " beyond rounding), so the search stopped where the law no longer sees " + them,
                "the start, not the data, is the likely cause: try other starts (a grid, smaller exponents), "
                        + "or fix " + (one ? "it" : "one") + " with 'with { ... }'");
    }

    /** A fit's standard errors and, with {@code bootstrap = n}, its replicates. */
    record Spreads(Uncertainty unc, Bootstrap.Replicates boot) {
    }

    /**
     * The uncertainty at the best point: standard errors (an ungrouped fit the data cannot
     * determine is an error), the warnings about how the best start stopped, and the bootstrap.
     */
    private static Spreads uncertainty(Setup s, FitRows.Rows rows, Solved solved, Context ctx, String label,
                                       Consumer<Diagnostic> warn) {
        Stmt.Fit stmt = s.stmt();
        FitOptions opts = s.opts();
        Run best = solved.best();
        Uncertainty unc = solved.withSigma() == null ? Uncertainty.at(solved.pr(), best.p(), rows.w())
                : LikelihoodFit.uncertainty(solved.pr(), opts.likelihood(), solved.withSigma(), rows.w());
        // One group of a grouped fit keeps its best point: its predictions stand (compare ... by), and
        // the warning below says which parameters have no standard errors.
        if (!unc.unidentified().isEmpty() && label.isEmpty()) {
            List<String> unseen = Unseen.of(solved.pr(), best.p(), s.params(), unc.unidentified());
            if (unseen.size() == unc.unidentified().size()) {
                throw unseen(stmt, s.params(), best.p(), unseen);
            }
            String constant = FitRows.constantColumns(s.cols(), rows.data());
            throw Failure.at(Code.FIT_NOT_IDENTIFIABLE, stmt.model().span(), "the data cannot determine "
                    + String.join(", ", unc.unidentified()) + (unc.unidentified().size() == 1 ? ": changing it"
                    : ": changing them together") + " leaves the fit unchanged",
                    constant != null ? "the column " + constant + " is constant over the fitted rows"
                            : "fix one of them with 'with { ... }', or use data that varies more");
        }
        if (best.stop() == Stop.ITERATION_LIMIT) {
            warn.accept(Diagnostic.warning(Code.FIT_ITERATION_LIMIT, stmt.span(), label + "the best start stopped at the "
                    + "iteration limit (" + opts.maxIterations() + "); the result may not be an optimum")
                    .withHelp("raise max_iterations, or try other starts"));
        }
        if (best.stop() == Stop.STALLED) {
            warn.accept(Diagnostic.warning(Code.FIT_STALLED, stmt.span(), label + "the best start stopped where no "
                    + "step decreases the objective, yet its gradient is not small; the result may not be an optimum")
                    .withHelp("try other starts, method = lbfgs, or rescale the data"));
        }
        String overflow = unc.overflow(s.params(), best.p());
        if (unc.reason() != null || overflow != null) {
            warn.accept(Diagnostic.warning(Code.FIT_NO_UNCERTAINTY, stmt.span(), label
                    + (unc.reason() != null ? "no standard errors: " + unc.reason() : overflow)));
        }
        Bootstrap.Replicates boot = null;
        if (opts.bootstrap() > 0) {
            List<double[]> restarts = opts.restarts() ? solved.starts() : null;
            long units = (long) opts.bootstrap() * (restarts == null ? 1 : restarts.size() + 1);
            try (law.eval.Progress.Task task = ctx.progress().start("fit " + stmt.name().text() + ": bootstrap", units)) {
                boot = Bootstrap.run(solved.pr(), solved.withSigma() == null ? null : opts.likelihood(),
                        solved.method(), best.p(), rows.w(), solved.settings(), opts.bootstrap(), opts.seed(), restarts,
                        ctx.options().threads(), task);
            }
        }
        return new Spreads(unc, boot);
    }

    /** The source row numbers of the rows a fit's {@code where} left out (for {@code law report}). */
    private static int[] excluded(Table table, boolean[] keep) {
        return java.util.stream.IntStream.range(0, keep.length).filter(i -> !keep[i]).map(table::sourceRow).toArray();
    }

    private static String describe(List<String> params, double[] p) {
        StringBuilder b = new StringBuilder("{");
        for (int j = 0; j < p.length; j++) {
            b.append(j == 0 ? "" : ", ").append(params.get(j)).append(" = ").append(Fmt.num(p[j], 6));
        }
        return b.append('}').toString();
    }

}
