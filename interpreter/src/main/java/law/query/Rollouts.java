package law.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import law.ast.Option;
import law.ast.Query;
import law.ast.Stmt;
import law.data.Table;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Suggest;
import law.eval.Context;
import law.eval.Declarations;
import law.eval.Failure;
import law.eval.Result;
import law.eval.Scope;
import law.eval.Value;
import law.fit.FitResult;
import law.fit.GroupWarnings;
import law.fit.Refit;
import law.model.Law;
import law.report.Fmt;

/**
 * {@code rollout FIT by COL { ahead = 1, min_rungs = 3, level = 0.95 }}: a backtest of a fit on a
 * ladder of runs. The rungs are the distinct values of COL over the rows the fit used, ascending.
 * For every prefix of at least {@code min_rungs} rungs the fit statement is refitted on the rows
 * of that prefix (its own law, options, starts and seed: {@link Refit}) and predicts each
 * observation of the next {@code ahead} rungs, with a prediction interval
 * ({@link PredictionIntervals}) at {@code level}. The result is a {@link Rollout}.
 */
final class Rollouts {
    private static final java.util.Set<String> OPTIONS = java.util.Set.of("ahead", "min_rungs", "level");

    private Rollouts() {
    }

    /** The options: how many rungs each refit predicts, the smallest prefix, the interval's level. */
    record Settings(int ahead, int minRungs, double level) {
    }

    static void rollout(Stmt.Rollout s, Context ctx) {
        Rollout r = evaluate(s, ctx);
        ctx.emit(new Result(s.span(), "rollout", r.render(), (ObjectNode) r.json()));
    }

    /** The query form, {@code (rollout ...)}: the rollout as a value. */
    static Value query(Query.Rollout q, Scope scope, Context ctx) {
        return evaluate(q.rollout(), ctx);
    }

    private static Rollout evaluate(Stmt.Rollout s, Context ctx) {
        Law fitLaw = Declarations.lawNamed(s.fit(), ctx);
        Refit refit = refitOf(fitLaw, s);
        Settings o = settings(s, ctx);
        Table t = refit.table();
        String by = s.by().text();
        double[] col = column(t, s, refit);
        boolean[] keep = refit.kept(ctx);
        double[] rungs = rungs(col, keep);
        if (rungs.length < o.minRungs() + 1) {
            throw Failure.at(Code.ROLLOUT_TOO_FEW_RUNGS, s.by().span(), "the rows '" + refit.name() + "' fits have "
                    + rungs.length + " distinct value" + (rungs.length == 1 ? "" : "s") + " of " + by + ", but a rollout"
                    + " from " + o.minRungs() + " rung" + (o.minRungs() == 1 ? "" : "s") + " needs at least "
                    + (o.minRungs() + 1), "lower min_rungs, or order the rungs by another column");
        }
        law.eval.Pending.stopIfChecking(ctx); // refits take time
        List<Rollout.Prediction> out = new ArrayList<>();
        boolean[] warned = new boolean[1];
        List<String> failed = new ArrayList<>();
        List<String> undetermined = new ArrayList<>();
        GroupWarnings warnings = new GroupWarnings("rollout refit");
        for (int k = o.minRungs(); k < rungs.length; k++) {
            double top = rungs[k - 1];
            Table train = t.where("rollout: " + by + " <= " + Fmt.num(top), x -> below(col, top));
            Law fitted = refit(refit, train, k, by, top, failed, warnings, ctx);
            if (!unidentified(fitted).isEmpty()) {
                undetermined.add(prefix(k, by, top) + " cannot determine " + String.join(", ", unidentified(fitted))
                        + "; it predicts " + (o.ahead() == 1 || k + 1 == rungs.length ? "rung " + (k + 1) : "rungs "
                        + (k + 1) + " to " + Math.min(rungs.length, k + o.ahead())));
            }
            for (int a = 0; a < o.ahead() && k + a < rungs.length; a++) {
                int rung = k + a;
                Table test = t.where("rollout: " + by + " = " + Fmt.num(rungs[rung]), x -> at(col, keep, rungs[rung]));
                int trainRows = fitted == null ? count(below(col, top), keep) : points(fitted);
                out.addAll(predict(refit, fitted, test, new Slot(rung + 1, rungs[rung], a + 1, k, trainRows), o, s,
                        warned, ctx));
            }
        }
        warnings.flush(rungs.length - o.minRungs(), ctx::report);
        warnFailed(refit, failed, s, ctx);
        warnUndetermined(refit, undetermined, s, ctx);
        return new Rollout(refit.name(), by, refit.targetText(), fitLaw.vars(), o.ahead(), o.minRungs(), o.level(), rungs,
                out);
    }

    private static Refit refitOf(Law law, Stmt.Rollout s) {
        if (law.fitted() instanceof FitResult fr && fr.refit() != null) {
            return fr.refit();
        }
        throw Failure.at(Code.ROLLOUT_NOT_A_FIT, s.fit().span(), "'" + law.name() + "' is "
                + (law.fitted() == null ? "a law that was not fitted" : "not the law of an ungrouped fit statement "
                + "(a saved fit, or a group of a grouped fit)") + ", so it cannot be refitted on the smaller rungs",
                "roll out a fit made in this session: fit NAME = LAW(...) ~ TARGET in DATA");
    }

    private static Settings settings(Stmt.Rollout s, Context ctx) {
        int ahead = 1;
        int minRungs = 3;
        double level = Uncertainty.LEVEL;
        for (Option o : s.options()) {
            if (!(o instanceof Option.Value v) || !OPTIONS.contains(o.key())) {
                String dym = Suggest.didYouMean(o.key(), OPTIONS);
                throw Failure.at(Code.BAD_OPTION, o.span(), "rollout has no option '" + o.key() + "'",
                        dym != null ? dym : "the options are " + String.join(", ", new TreeSet<>(OPTIONS)));
            }
            double x = ctx.evaluator().number(v.value(), Scope.strict());
            if (o.key().equals("level")) {
                if (!(x > 0 && x < 1)) {
                    throw Failure.at(Code.BAD_OPTION, v.value().span(), "a level lies strictly between 0 and 1");
                }
                level = x;
            } else if (!(x >= 1 && x <= 1e6 && x == Math.rint(x))) {
                throw Failure.at(Code.BAD_OPTION, v.value().span(), "'" + o.key() + "' is a whole number of rungs, at "
                        + "least 1, not " + Fmt.num(x));
            } else if (o.key().equals("ahead")) {
                ahead = (int) x;
            } else {
                minRungs = (int) x;
            }
        }
        return new Settings(ahead, minRungs, level);
    }

    /** The ordering column: a numeric column of the fit's data. */
    private static double[] column(Table t, Stmt.Rollout s, Refit refit) {
        String by = s.by().text();
        if (!t.hasColumn(by) || !(t.column(by) instanceof law.data.NumericColumn)) {
            String dym = Suggest.didYouMean(by, t.columnNames());
            throw Failure.at(Code.DATA_MISSING_COLUMN, s.by().span(), (t.hasColumn(by) ? "the column '" + by
                    + "' is text, so it does not order rungs" : "no column '" + by + "'") + " in the data '"
                    + refit.name() + "' was fitted on", dym != null ? dym : "order the rungs by a numeric column, "
                    + "such as the model size or the compute");
        }
        return t.numeric(by);
    }

    /** The distinct finite values of the column over the kept rows, ascending. */
    private static double[] rungs(double[] col, boolean[] keep) {
        TreeSet<Double> set = new TreeSet<>();
        for (int i = 0; i < col.length; i++) {
            if (keep[i] && Double.isFinite(col[i])) {
                set.add(col[i]);
            }
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean[] below(double[] col, double top) {
        boolean[] m = new boolean[col.length];
        for (int i = 0; i < col.length; i++) {
            m[i] = col[i] <= top;
        }
        return m;
    }

    private static boolean[] at(double[] col, boolean[] keep, double value) {
        boolean[] m = new boolean[col.length];
        for (int i = 0; i < col.length; i++) {
            m[i] = keep[i] && col[i] == value;
        }
        return m;
    }

    private static int count(boolean[] m, boolean[] keep) {
        int n = 0;
        for (int i = 0; i < m.length; i++) {
            n += m[i] && keep[i] ? 1 : 0;
        }
        return n;
    }

    private static int points(Law fitted) {
        return (int) Math.round(((FitResult) fitted.fitted()).stats().get("points"));
    }

    /** {@code the first 3 rungs (N <= 1e8)}. */
    private static String prefix(int k, String by, double top) {
        return "the first " + (k == 1 ? "rung" : k + " rungs") + " (" + by + " <= " + Fmt.num(top, 6) + ")";
    }

    /** The parameters a refit's prefix cannot determine (empty for a failed refit). */
    private static List<String> unidentified(Law fitted) {
        return fitted == null ? List.of() : ((FitResult) fitted.fitted()).uncertainty().unidentified();
    }

    /**
     * The refit on the first {@code k} rungs, or {@code null} (recorded in {@code failed}) when it
     * fails; its warnings go to {@code warnings}, which names every refit a warning concerns.
     */
    private static Law refit(Refit refit, Table train, int k, String by, double top, List<String> failed,
                             GroupWarnings warnings, Context ctx) {
        String prefix = prefix(k, by, top);
        String label = "rollout on " + prefix + ": ";
        warnings.group("on " + prefix, label);
        try {
            return refit.on(train, ctx, label, warnings);
        } catch (Failure f) {
            Diagnostic d = f.diagnostic();
            failed.add(prefix + ": " + d.code().id() + " " + d.message());
            return null;
        }
    }

    /** Warning L0722, once per rollout: which refits failed and why. */
    private static void warnFailed(Refit refit, List<String> failed, Stmt.Rollout s, Context ctx) {
        if (failed.isEmpty()) {
            return;
        }
        Diagnostic d = Diagnostic.warning(Code.ROLLOUT_REFIT_FAILED, s.span(), (failed.size() == 1 ? "the refit"
                : failed.size() + " refits") + " of '" + refit.name() + "' failed, so the rungs above "
                + (failed.size() == 1 ? "it are" : "them are") + " not predicted from " + (failed.size() == 1 ? "it"
                : "them") + " (nan)").withHelp("raise min_rungs, or give the fit starts that suit the smaller rungs");
        for (String f : failed) {
            d = d.withNote("on " + f);
        }
        ctx.report(d);
    }

    /**
     * Warning L0723, once per rollout: the refits whose prefix cannot determine some parameters.
     * Any of the equally good fits along the undetermined direction could have been the refit, so
     * its predictions of the next rungs are arbitrary and its intervals (none from the covariance,
     * too narrow from a bootstrap refitted from the optimum) are not trusted: the rows are marked
     * {@code undetermined}, have no interval and are left out of the error and coverage figures.
     */
    private static void warnUndetermined(Refit refit, List<String> undetermined, Stmt.Rollout s, Context ctx) {
        if (undetermined.isEmpty()) {
            return;
        }
        Diagnostic d = Diagnostic.warning(Code.ROLLOUT_UNDETERMINED, s.span(), (undetermined.size() == 1 ? "a refit"
                : undetermined.size() + " refits") + " of '" + refit.name() + "' cannot determine every parameter from "
                + "its prefix, so " + (undetermined.size() == 1 ? "its predictions are" : "their predictions are")
                + " one of many equally good fits: marked undetermined, without intervals, and left out of the "
                + "error and coverage figures").withHelp("raise min_rungs, or fix the undetermined parameters with "
                + "'with { ... }' in the fit");
        for (String u : undetermined) {
            d = d.withNote("the refit on " + u);
        }
        ctx.report(d);
    }

    /**
     * Where one rung's predictions come from: the predicted rung (numbered from 1) and its value,
     * how many rungs beyond the refit's it is, and the rungs and rows the refit used.
     */
    private record Slot(int rung, double value, int ahead, int trainRungs, int trainRows) {
    }

    /** The predictions of one rung's observations by one refit ({@code null}: the refit failed). */
    private static List<Rollout.Prediction> predict(Refit refit, Law fitted, Table test, Slot slot, Settings o,
                                                    Stmt.Rollout s, boolean[] warned, Context ctx) {
        double[][] args = refit.arguments(test);
        double[] y = refit.target(test);
        PointIntervals intervals = fitted == null ? null : PointIntervals.of(fitted, o.level(), true);
        List<String> undetermined = unidentified(fitted);
        List<Rollout.Prediction> out = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            double[] vars = new double[args.length];
            Map<String, Double> at = new LinkedHashMap<>();
            for (int j = 0; j < args.length; j++) {
                vars[j] = args[j][i];
                at.put(fitted == null ? "" + j : fitted.vars().get(j), vars[j]);
            }
            double value = intervals == null ? Double.NaN : intervals.value(at);
            PointIntervals.Band pi = Double.isFinite(value) && undetermined.isEmpty() ? intervals.at(at) : null;
            if (pi != null && pi.why() != null && !warned[0]) {
                warned[0] = true;
                ctx.report(Diagnostic.warning(Code.NO_INTERVAL, s.span(), "no prediction interval at some rungs: "
                        + pi.why()));
            }
            boolean has = pi != null && pi.why() == null;
            out.add(new Rollout.Prediction(slot.rung(), slot.value(), slot.ahead(), slot.trainRungs(), slot.trainRows(),
                    vars, y[i], value, has ? pi.low() : Double.NaN, has ? pi.high() : Double.NaN,
                    has ? pi.method() : null, undetermined));
        }
        out.sort((p, q) -> java.util.Arrays.compare(p.variables(), q.variables()));
        return out;
    }
}
