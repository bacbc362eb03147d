package law.isoflop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import law.ast.Expr;
import law.ast.Ident;
import law.ast.Option;
import law.ast.Stmt;
import law.data.Table;
import law.dataset.Dataset;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Suggest;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Failure;
import law.eval.Interpreter;
import law.eval.Scope;
import law.eval.Value;
import law.expr.Compiler;
import law.expr.Program;
import law.report.Fmt;

/**
 * The {@code isoflop} statement: {@code isoflop NAME = LOSS ~ SIZE in DATA by [CONFIG, ...,] COMPUTE
 * { OPTIONS }}. The last {@code by} column is the compute budget; columns before it split the data
 * into configurations, each analysed on its own. The options ({@link Options}) choose the profile
 * ({@code parabola} or {@code akima}), the tokens, the stage-two weights, the edge rule and the
 * bootstrap (points or seed noise).
 */
public final class Isoflops {
    private static final String COL = "data:";
    /** How far a + b may stray from 1 before warning L0654. */
    static final double SUM_TOLERANCE = 0.05;

    private Isoflops() {
    }

    /** Registers the handler of {@code isoflop}. */
    public static void install(Interpreter interp) {
        interp.on(Stmt.Isoflop.class, Isoflops::isoflop);
    }

    private static void isoflop(Stmt.Isoflop stmt, Context ctx) {
        law.eval.Declarations.checkFree(stmt.name(), ctx);
        Entry e = ctx.env().get(stmt.data().text());
        Dataset ds = e == null ? null : Dataset.of(e.value());
        if (ds == null) {
            throw Failure.at(e == null ? Code.UNKNOWN_DATA : Code.WRONG_KIND, stmt.data().span(),
                    "'" + stmt.data().text() + "' is not a dataset");
        }
        Table table = ds.table();
        Options opts = Options.parse(stmt.options(), ctx);
        List<String> by = new ArrayList<>();
        for (Ident id : stmt.by()) {
            if (!table.hasColumn(id.text())) {
                throw Failure.at(Code.DATA_MISSING_COLUMN, id.span(), "no column '" + id.text() + "' in '"
                        + stmt.data().text() + "'", Suggest.didYouMean(id.text(), table.columnNames()));
            }
            by.add(id.text());
        }
        String compute = by.get(by.size() - 1);
        if (!table.column(compute).isNumeric()) {
            throw Failure.at(Code.TYPE, stmt.by().get(by.size() - 1).span(), "the compute column '" + compute
                    + "' is not numeric", "the last 'by' column is the budget; configuration columns come before it");
        }
        List<String> config = by.subList(0, by.size() - 1);
        if (ctx.options().check()) {
            values(stmt.loss(), table, ctx);
            values(stmt.size(), table, ctx);
            law.eval.Pending.stopIfChecking(ctx);
        }
        Settings settings = opts.settings();
        List<IsoflopResult.Config> configs = new ArrayList<>();
        for (Table cfg : config.isEmpty() ? List.of(table) : table.groupBy(config)) {
            law.eval.Cancelled.check();
            List<Analysis.Points> budgets = budgets(stmt, opts, cfg, compute, ctx);
            String label = cfg.groupKey().isEmpty() ? "" : cfg.groupKey().render() + ": ";
            Analysis.Result r = Analysis.run(budgets, settings, ctx.options().threads(), ctx.progress());
            warn(stmt, ctx, label, r, settings, opts.tokens() != null, config.isEmpty());
            configs.add(new IsoflopResult.Config(cfg.groupKey(), r));
        }
        warnWild(stmt, configs, ctx);
        String name = stmt.name().text();
        String heading = "isoflop " + name + " = " + stmt.loss().span().text() + " ~ " + stmt.size().span().text()
                + " in " + stmt.data().text() + " by " + String.join(", ", by) + "   (" + describe(stmt, opts) + ")";
        IsoflopResult result = new IsoflopResult(name, heading, config, compute, configs, settings);
        ctx.env().define(new Entry(name, Entry.Kind.FIT, result, stmt.span(), stmt.doc()));
    }

    /** The points of each budget of one configuration, in order of C. */
    private static List<Analysis.Points> budgets(Stmt.Isoflop stmt, Options opts, Table cfg, String compute,
                                                 Context ctx) {
        double[] loss = values(stmt.loss(), cfg, ctx);
        double[] size = values(stmt.size(), cfg, ctx);
        double[] toks = opts.tokens() == null ? null : values(opts.tokens(), cfg, ctx);
        double[] sigma = opts.sigma() == null ? null : values(opts.sigma(), cfg, ctx);
        double[] c = cfg.numeric(compute);
        List<Analysis.Points> budgets = new ArrayList<>();
        for (Table g : cfg.groupBy(List.of(compute))) {
            int[] idx = rowsOf(c, (Double) g.groupKey().values().get(0));
            double[] lnN = new double[idx.length];
            double[] l = new double[idx.length];
            double[] lnD = toks == null ? null : new double[idx.length];
            double[] sd = sigma == null ? null : new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                lnN[i] = Math.log(size[idx[i]]);
                l[i] = loss[idx[i]];
                if (lnD != null) {
                    lnD[i] = Math.log(toks[idx[i]]);
                }
                if (!Double.isFinite(lnN[i]) || !Double.isFinite(l[i]) || lnD != null && !Double.isFinite(lnD[i])) {
                    throw Failure.at(Code.FIT_BAD_DATA, stmt.span(), "a size, loss or token count is not a positive "
                            + "finite number at " + where(cfg, idx[i]));
                }
                if (sd != null) {
                    sd[i] = sigma[idx[i]];
                    if (!(sd[i] >= 0 && sd[i] < Double.POSITIVE_INFINITY)) {
                        throw Failure.at(Code.BAD_OPTION, opts.sigma().span(), "the seed noise is "
                                + Fmt.num(sd[i]) + " at " + where(cfg, idx[i]) + "; it must be a finite sd >= 0");
                    }
                }
            }
            budgets.add(new Analysis.Points(c[idx[0]], lnN, l, lnD, sd));
        }
        budgets.sort(java.util.Comparator.comparingDouble(Analysis.Points::c));
        return budgets;
    }

    private static String where(Table cfg, int row) {
        return cfg.source() + " " + cfg.numbering().word() + " " + cfg.sourceRow(row);
    }

    /** The method in words, for the heading. */
    private static String describe(Stmt.Isoflop stmt, Options opts) {
        Settings s = opts.settings();
        String size = stmt.size().span().text();
        String weights = switch (s.weights()) {
            case NONE -> "unweighted";
            case SE -> "weighted by 1/se^2";
            case BOOTSTRAP -> "weighted by 1/sd^2 over the replicates";
        };
        return (s.profile() == Settings.Profile.AKIMA ? "Akima spline of ln loss in ln " + size + ", minimum on "
                + "25 points per interval" : "parabola in ln " + size) + "; stage two " + weights
                + (s.keepEdges() ? "; edge minima kept" : "; edge minima dropped")
                + (opts.tokens() == null ? "; D* = C/(6N*)" : "; D* from " + opts.tokens().span().text())
                + (s.bootstrap() > 0 ? "; bootstrap " + s.bootstrap() + (s.noise() ? " with seed noise "
                + opts.sigma().span().text() + " (minima: medians)" : "") + ", seed " + s.seed() : "");
    }

    private static void warn(Stmt.Isoflop stmt, Context ctx, String label, Analysis.Result r, Settings s,
                             boolean tokens, boolean single) {
        List<String> edge = new ArrayList<>();
        List<String> few = new ArrayList<>();
        List<String> none = new ArrayList<>();
        List<String> unstable = new ArrayList<>();
        int used = 0;
        for (Budget b : r.budgets()) {
            String c = Fmt.num(b.c(), 4);
            switch (b.status()) {
                case EDGE -> edge.add(c);
                case FEW -> few.add(c + " (" + b.points() + " points)");
                case NO_MINIMUM -> none.add(c);
                case UNSTABLE -> unstable.add(c);
                default -> {
                }
            }
            used += b.used(s.keepEdges()) ? 1 : 0;
        }
        if (!edge.isEmpty()) {
            ctx.report(Diagnostic.warning(Code.ISOFLOP_EDGE, stmt.span(), label + "the minimum lies at the edge of the "
                    + "sampled sizes at C = " + String.join(", ", edge) + (s.keepEdges() ? " (kept)" : "; "
                    + (edge.size() == 1 ? "that budget is" : "those budgets are") + " left out of stage two"))
                    .withHelp(s.keepEdges() ? "an off-centre profile biases N*; sample sizes on both sides of it"
                            : "write edges = keep to use them anyway"));
        }
        if (!unstable.isEmpty()) {
            ctx.report(Diagnostic.warning(Code.ISOFLOP_EDGE, stmt.span(), label + "the minimum lies at an end of the "
                    + "sampled sizes in more than half of the noise replicates at C = " + String.join(", ", unstable)
                    + (s.keepEdges() ? " (kept)" : "; " + (unstable.size() == 1 ? "that budget is" : "those budgets are")
                    + " left out of stage two")));
        }
        if (!few.isEmpty()) {
            ctx.report(Diagnostic.warning(Code.ISOFLOP_TOO_FEW, stmt.span(), label + "a profile needs at least 3 "
                    + "distinct sizes; left out: C = " + String.join(", ", few)));
        }
        if (!none.isEmpty()) {
            ctx.report(Diagnostic.warning(Code.ISOFLOP_NO_MINIMUM, stmt.span(), label + "the parabola opens downwards "
                    + "(no minimum) at C = " + String.join(", ", none) + "; left out"));
        }
        if (used < 2) {
            String msg = label + "only " + used + " budget" + (used == 1 ? "" : "s") + " with a usable minimum; stage "
                    + "two needs at least 2";
            if (single) {
                throw Failure.at(Code.ISOFLOP_TOO_FEW_BUDGETS, stmt.span(), msg);
            }
            ctx.report(Diagnostic.warning(Code.ISOFLOP_TOO_FEW_BUDGETS, stmt.span(), msg + "; its exponents are nan"));
        } else if (tokens && Math.abs(r.n().e() + r.d().e() - 1) > SUM_TOLERANCE) {
            ctx.report(Diagnostic.warning(Code.ISOFLOP_EXPONENT_SUM, stmt.span(), label + "a + b = "
                    + Fmt.num(r.n().e() + r.d().e(), 4) + " (a = " + Fmt.num(r.n().e(), 4) + ", b = "
                    + Fmt.num(r.d().e(), 4) + "), but C = 6ND makes them sum to 1")
                    .withHelp("check that the tokens and the compute column agree (C = 6 N D)"));
        }
    }

    /**
     * Warning L0660 when the bootstrap sd of an exponent is dominated by wild replicates: once for
     * the statement, with a note per configuration when several have them.
     */
    private static void warnWild(Stmt.Isoflop stmt, List<IsoflopResult.Config> configs, Context ctx) {
        List<Diagnostic> found = new ArrayList<>();
        for (IsoflopResult.Config c : configs) {
            double[][] boot = c.result().boot();
            if (boot == null) {
                continue;
            }
            law.fit.Spread[] spreads = new law.fit.Spread[3];
            for (int j = 0; j < 3; j++) {
                spreads[j] = law.fit.Spread.of(IsoflopResult.column(boot, j));
            }
            String label = c.key().isEmpty() ? "" : c.key().render() + ": ";
            Diagnostic d = law.fit.BootReport.wildWarning(List.of("a", "b", "c"), spreads,
                    j -> IsoflopResult.column(boot, j), boot.length, stmt.span(), label);
            if (d != null) {
                found.add(d);
            }
        }
        if (found.size() == 1) {
            ctx.report(found.get(0));
        } else if (found.size() > 1) {
            Diagnostic d = Diagnostic.warning(Code.BOOTSTRAP_WILD, stmt.span(), "bootstrap sd dominated by wild "
                    + "replicates in " + found.size() + " of " + configs.size() + " configurations")
                    .withHelp(law.fit.BootReport.HELP);
            for (Diagnostic f : found) {
                d = d.withNote(f.message());
            }
            ctx.report(d);
        }
    }

    private static int[] rowsOf(double[] c, double value) {
        return java.util.stream.IntStream.range(0, c.length).filter(i -> c[i] == value).toArray();
    }

    /** An expression over the table's numeric columns, evaluated at every row. */
    private static double[] values(Expr e, Table t, Context ctx) {
        Scope scope = Scope.strict();
        for (String c : t.columnNames()) {
            if (t.column(c).isNumeric()) {
                scope.bind(c, new Value.Scalar(law.expr.Expr.sym(COL + c)));
            }
        }
        law.expr.Expr x = ctx.evaluator().scalar(e, scope).expr();
        int rows = t.rowCount();
        double[] out = new double[rows];
        if (x.symbols().isEmpty()) {
            java.util.Arrays.fill(out, x.evaluate(Map.of()));
            return out;
        }
        List<String> cols = new ArrayList<>(x.symbols());
        double[][] data = new double[cols.size()][];
        for (int k = 0; k < cols.size(); k++) {
            data[k] = t.numeric(cols.get(k).substring(COL.length()));
        }
        Program prog = Compiler.compile(List.of(x), cols, List.of());
        prog.evaluate(data, rows, new double[0], new double[][]{out}, prog.newWorkspace());
        return out;
    }
}
