package law.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Expr;
import law.ast.Query;
import law.ast.Stmt;
import law.data.Table;
import law.dataset.Clauses;
import law.dataset.Columns;
import law.dataset.Dataset;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Failure;
import law.eval.Result;
import law.eval.Value;
import law.model.Fitted;
import law.model.Law;
import law.report.Fmt;

/**
 * {@code compare LAW, LAW ... [~ TARGET] on DATA [where COND] [holdout COND]}: how well each law
 * describes the same rows. {@code where} keeps the rows where COND holds, as everywhere else;
 * {@code holdout} sets the rows where its COND holds aside: the statistics use the other kept
 * rows, and the held-out error is reported in its own columns, with the extrapolation figures of
 * {@link HeldOut} (with warning {@code L0712} when a
 * compared fit was fitted on held-out rows). Residuals are taken in log space unless a compared
 * fit used linear residuals. Per law: points, estimated parameters k, the sum of squared
 * residuals, RMSE, R², the Gaussian log-likelihood with its variance at the maximum-likelihood
 * value, and AIC/BIC counting that variance as a parameter. Nested pairs ({@link Nesting}) get a
 * likelihood-ratio test ({@link LikelihoodRatios}); for the others the output says why they are not
 * nested.
 */
final class Compare {
    private Compare() {
    }

    /** One law's statistics on the rows used and on the held-out rows. */
    record Row(Nesting.Item item, int k, Stats in, Stats out, HeldOut extra) {
    }

    /** Fit statistics on a set of rows. */
    record Stats(int n, double ssr, double rmse, double r2, double logL, double aic, double bic) {
        /**
         * The statistics of residuals {@code r}; the log-likelihood is the fit's own density's
         * when {@code fit} is a likelihood fit, else the Gaussian one at {@code sigma^2 = SSR / n}.
         */
        static Stats of(double[] r, double[] y, boolean[] use, int k, law.model.Fitted fit) {
            int n = 0;
            double ssr = 0;
            double mean = 0;
            double density = 0;
            boolean own = fit != null && fit.likelihood() != null;
            for (int i = 0; i < r.length; i++) {
                if (use[i]) {
                    n++;
                    ssr += r[i] * r[i];
                    mean += y[i];
                    density += own ? fit.logDensity(r[i]) : 0;
                }
            }
            if (n == 0) {
                return null;
            }
            mean /= n;
            double tss = 0;
            for (int i = 0; i < r.length; i++) {
                if (use[i]) {
                    tss += (y[i] - mean) * (y[i] - mean);
                }
            }
            double s2 = ssr / n;
            double logL = own ? density : -0.5 * n * (Math.log(2 * Math.PI * s2) + 1);
            return new Stats(n, ssr, Math.sqrt(s2), 1 - ssr / tss, logL, 2 * (k + 1) - 2 * logL,
                    (k + 1) * Math.log(n) - 2 * logL);
        }
    }

    /** Which rows the comparison uses and which it holds out. */
    record Rows(boolean[] used, boolean[] held, int kept) {
    }

    /** The statement: prints the comparison. */
    static void compare(Stmt.Compare s, Context ctx) {
        Comparison c = evaluate(s, ctx);
        ctx.emit(new Result(s.span(), "compare", c.render(), c.json()));
    }

    /** The query form, {@code (compare ...)}: the comparison as a value. */
    static Value query(Query.Compare q, law.eval.Scope scope, Context ctx) {
        return evaluate(q.compare(), ctx);
    }

    private static Comparison evaluate(Stmt.Compare s, Context ctx) {
        if (!s.groupBy().isEmpty()) {
            return GroupCompare.compare(s, ctx);
        }
        if (!s.options().isEmpty()) {
            throw Failure.at(Code.BAD_OPTION, s.options().get(0).span(), "only a compare by groups takes options",
                    "compare ... on DATA by COLUMN ... { digits = 3 }");
        }
        Table t = Dataset.named(s.data(), ctx).table();
        boolean log = true;
        List<Law> laws = new ArrayList<>();
        for (Expr x : s.laws()) {
            Law law = lawOf(x, ctx);
            laws.add(law);
            if (law != null && law.fitted() != null && "linear".equals(law.fitted().residual())) {
                log = false;
            }
        }
        Rows rows = rows(s, t, ctx);
        boolean[] either = or(rows.used(), rows.held());
        double[] y = target(s, laws, t, ctx);
        double[] ty = log ? logs(y, either, s.target() != null ? s.target() : s.laws().get(0), t, "the target") : y;
        List<Row> out = new ArrayList<>();
        Map<String, Integer> seenBy = new LinkedHashMap<>();
        for (int j = 0; j < s.laws().size(); j++) {
            Expr x = call(s.laws().get(j), laws.get(j), t);
            double[] p = Columns.evaluate(x, t, ctx);
            double[] tp = log ? logs(p, either, s.laws().get(j), t, "the prediction of " + s.laws().get(j).span().text()) : p;
            double[] r = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                r[i] = either[i] ? tp[i] - ty[i] : 0;
            }
            Law law = laws.get(j);
            int k = law != null && law.fitted() != null ? law.fitted().parameterNames().size() : 0;
            Nesting.Item item = item(s.laws().get(j), x, law, t, ctx);
            if (s.holdout() != null && law != null) {
                int seen = seen(item, y, rows.held());
                if (seen > 0) {
                    seenBy.put(item.name(), seen);
                }
            }
            law.model.Fitted fitted = law == null ? null : law.fitted();
            out.add(new Row(item, k, Stats.of(r, ty, rows.used(), k, fitted),
                    s.holdout() == null ? null : Stats.of(r, ty, rows.held(), k, fitted),
                    s.holdout() == null ? null : HeldOut.of(item, y, p, rows.held())));
        }
        warnSeen(seenBy, count(rows.held()), s, ctx);
        List<LikelihoodRatios.Pair> pairs = LikelihoodRatios.pairs(out, rows.used(), y);
        return new Comparison(CompareOutput.text(s, t, rows, out, pairs, log), CompareOutput.json(s, rows, out, pairs, log),
                fields(out), null);
    }

    /** A record per law named alone: {@code c.f.rmse}, {@code c.f.held_out_rmse}. */
    private static Map<String, Value> fields(List<Row> rows) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.item().name().matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
                continue;
            }
            Map<String, Value> f = new LinkedHashMap<>();
            f.put("n", Value.Scalar.of(r.in().n()));
            f.put("k", Value.Scalar.of(r.k()));
            f.put("ssr", Value.Scalar.of(r.in().ssr()));
            f.put("rmse", Value.Scalar.of(r.in().rmse()));
            f.put("r2", Value.Scalar.of(r.in().r2()));
            f.put("logL", Value.Scalar.of(r.in().logL()));
            f.put("aic", Value.Scalar.of(r.in().aic()));
            f.put("bic", Value.Scalar.of(r.in().bic()));
            if (r.out() != null) {
                f.put("held_out_n", Value.Scalar.of(r.out().n()));
                f.put("held_out_rmse", Value.Scalar.of(r.out().rmse()));
            }
            out.put(r.item().name(), new Value.Rec("compare", f, "rmse"));
        }
        return out;
    }

    /** The rows kept by {@code where}, and of those the ones {@code holdout} sets aside. */
    private static Rows rows(Stmt.Compare s, Table t, Context ctx) {
        int n = t.rowCount();
        boolean[] kept = s.where() == null ? all(n) : Clauses.mask(s.where(), t, ctx);
        int nKept = count(kept);
        if (nKept == 0) {
            throw Failure.at(Code.DATA_EMPTY, s.where().span(), "no row of '" + s.data().text()
                    + "' satisfies this condition: nothing is left to compare on");
        }
        boolean[] held = new boolean[n];
        if (s.holdout() != null) {
            boolean[] h = Clauses.mask(s.holdout(), t, ctx);
            for (int i = 0; i < n; i++) {
                held[i] = kept[i] && h[i];
            }
            if (count(held) == 0) {
                throw Failure.at(Code.DATA_EMPTY, s.holdout().span(), "no " + (s.where() == null ? "" : "kept ")
                        + "row satisfies this condition: nothing is held out");
            }
        }
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            used[i] = kept[i] && !held[i];
        }
        if (count(used) == 0) {
            throw Failure.at(Code.DATA_EMPTY, s.holdout().span(), "every " + (s.where() == null ? "" : "kept ")
                    + "row is held out: nothing is left to compare on");
        }
        return new Rows(used, held, nKept);
    }

    /** The law an item names or calls, or {@code null} for another expression. */
    static Law lawOf(Expr x, Context ctx) {
        String name = x instanceof Expr.Name n ? n.text() : x instanceof Expr.Call c ? c.callee().text() : null;
        Entry e = name == null ? null : ctx.env().get(name);
        return e != null && e.value() instanceof Value.LawRef l ? l.law() : null;
    }

    /** A law named alone is called with the columns named like its variables. */
    static Expr call(Expr x, Law law, Table t) {
        if (!(x instanceof Expr.Name n) || law == null) {
            return x;
        }
        List<law.ast.Arg> args = new ArrayList<>();
        for (String v : law.vars()) {
            if (!t.hasColumn(v)) {
                throw Failure.at(Code.DATA_MISSING_COLUMN, x.span(), "'" + law.name() + "' needs a column '" + v
                        + "', which " + t.source() + " does not have", "call it with columns: " + law.name() + "("
                        + String.join(", ", law.vars()) + ")");
            }
            args.add(new law.ast.Arg(null, new Expr.Name(new law.ast.Ident(v, x.span()), x.span()), x.span()));
        }
        return new Expr.Call(n.name(), args, x.span());
    }

    /** The item for nesting: the law, its arguments' text and values on the rows. */
    private static Nesting.Item item(Expr written, Expr called, Law law, Table t, Context ctx) {
        if (law == null || !(called instanceof Expr.Call c) || c.args().size() != law.vars().size()) {
            return new Nesting.Item(written.span().text(), law == null ? null : law, List.of(), new double[0][]);
        }
        List<String> texts = new ArrayList<>();
        double[][] values = new double[c.args().size()][];
        for (int k = 0; k < values.length; k++) {
            Expr a = c.args().get(k).value();
            texts.add(a instanceof Expr.Name n ? n.text() : a.span().text());
            values[k] = Columns.evaluate(a, t, ctx);
        }
        return new Nesting.Item(written.span().text(), law, texts, values);
    }

    /** How many of the held-out rows were part of the data the item's fit was fitted on (0 when unknown). */
    private static int seen(Nesting.Item item, double[] y, boolean[] held) {
        long[] trained = item.law().fitted() == null ? null : item.law().fitted().trainingRows();
        if (trained == null || item.argValues().length == 0) {
            return 0;
        }
        int seen = 0;
        double[] row = new double[item.argValues().length];
        for (int i = 0; i < held.length; i++) {
            if (!held[i]) {
                continue;
            }
            for (int k = 0; k < row.length; k++) {
                row[k] = item.argValues()[k][i];
            }
            if (Arrays.binarySearch(trained, Fitted.rowKey(row, y[i])) >= 0) {
                seen++;
            }
        }
        return seen;
    }

    /**
     * Warning L0712 when held-out rows were part of the data compared fits were fitted on: one
     * warning naming every such fit (warnings at one place are reported once a statement).
     */
    private static void warnSeen(Map<String, Integer> seenBy, int total, Stmt.Compare s, Context ctx) {
        if (seenBy.isEmpty()) {
            return;
        }
        String message;
        if (seenBy.size() == 1) {
            Map.Entry<String, Integer> e = seenBy.entrySet().iterator().next();
            message = e.getValue() + " of the " + total + " held-out rows were part of the data '" + e.getKey()
                    + "' was fitted on, so its held-out error is not an out-of-sample error";
        } else {
            List<String> each = new ArrayList<>();
            seenBy.forEach((name, n) -> each.add("'" + name + "' (" + n + " of the " + total + ")"));
            message = "held-out rows were part of the data " + String.join(", ", each.subList(0, each.size() - 1))
                    + " and " + each.get(each.size() - 1) + " were fitted on, so their held-out errors are not "
                    + "out-of-sample errors";
        }
        ctx.report(Diagnostic.warning(Code.HOLDOUT_SEEN, s.holdout().span(), message).withHelp(
                (seenBy.size() == 1 ? "fit it without them" : "fit them without those rows") + ": fit ... { where = not ("
                        + s.holdout().span().text() + ") }"));
    }

    private static double[] target(Stmt.Compare s, List<Law> laws, Table t, Context ctx) {
        if (s.target() != null) {
            return Columns.evaluate(s.target(), t, ctx);
        }
        for (Law law : laws) {
            String target = law != null && law.fitted() != null ? law.fitted().target() : null;
            if (target != null && t.hasColumn(target)) {
                return t.numeric(target);
            }
        }
        throw Failure.at(Code.BAD_OPTION, s.span(), "compare needs the column the laws predict",
                "add it with '~': compare " + s.laws().get(0).span().text() + ", ... ~ L on " + s.data().text());
    }

    /** Logarithms on the rows in use; a row there that is not positive is an error. */
    private static double[] logs(double[] v, boolean[] use, Expr where, Table t, String what) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!use[i]) {
                continue;
            }
            if (!(v[i] > 0)) {
                throw Failure.at(Code.NOT_FINITE, where.span(), what + " is not positive at row " + t.sourceRow(i)
                        + " (" + Fmt.num(v[i]) + "), so it has no log", "compare with linear residuals on such data");
            }
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    private static boolean[] all(int n) {
        boolean[] out = new boolean[n];
        Arrays.fill(out, true);
        return out;
    }

    private static boolean[] or(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] || b[i];
        }
        return out;
    }

    static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
