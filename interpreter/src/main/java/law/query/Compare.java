package law.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Expr;
import law.ast.Stmt;
import law.data.Table;
import law.dataset.Clauses;
import law.dataset.Columns;
import law.dataset.Dataset;
import law.diag.Code;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Failure;
import law.eval.Render;
import law.eval.Result;
import law.eval.Value;
import law.model.Law;
import law.report.Fmt;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * {@code compare LAW, LAW ... [~ TARGET] on DATA [where COND]}: how well each law describes the
 * same rows. Residuals are taken in log space unless a compared fit used linear residuals. Per
 * law: points, estimated parameters k, the sum of squared residuals, RMSE, R², the Gaussian
 * log-likelihood with its variance at the maximum-likelihood value, and AIC/BIC counting that
 * variance as a parameter. Laws of the same form where one estimates more parameters are nested,
 * and get a likelihood-ratio test. Rows where the {@code where} condition holds are held out:
 * the statistics use the other rows, and the held-out error is reported separately.
 */
final class Compare {
    private Compare() {
    }

    /** One law's predictions and statistics. */
    private record Row(String name, Law law, int k, Stats in, Stats out) {
    }

    /** Fit statistics on a set of rows. */
    private record Stats(int n, double ssr, double rmse, double r2, double logL, double aic, double bic) {
        static Stats of(double[] r, double[] y, boolean[] use, int k) {
            int n = 0;
            double ssr = 0;
            double mean = 0;
            for (int i = 0; i < r.length; i++) {
                if (use[i]) {
                    n++;
                    ssr += r[i] * r[i];
                    mean += y[i];
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
            double logL = -0.5 * n * (Math.log(2 * Math.PI * s2) + 1);
            return new Stats(n, ssr, Math.sqrt(s2), 1 - ssr / tss, logL, 2 * (k + 1) - 2 * logL,
                    (k + 1) * Math.log(n) - 2 * logL);
        }
    }

    static void compare(Stmt.Compare s, Context ctx) {
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
        double[] y = target(s, laws, t, ctx);
        boolean[] held = s.where() == null ? new boolean[t.rowCount()] : Clauses.mask(s.where(), t, ctx);
        boolean[] fitRows = new boolean[held.length];
        for (int i = 0; i < held.length; i++) {
            fitRows[i] = !held[i];
        }
        double[] ty = log ? logs(y, s.target() != null ? s.target() : s.laws().get(0), t, "the target") : y;
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < s.laws().size(); j++) {
            Expr x = s.laws().get(j);
            double[] p = Columns.evaluate(call(x, laws.get(j), t), t, ctx);
            double[] tp = log ? logs(p, x, t, "the prediction of " + x.span().text()) : p;
            double[] r = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                r[i] = tp[i] - ty[i];
            }
            Law law = laws.get(j);
            int k = law != null && law.fitted() != null ? law.fitted().parameterNames().size() : 0;
            Stats in = Stats.of(r, ty, fitRows, k);
            if (in == null) {
                throw Failure.at(Code.DATA_EMPTY, s.where().span(), "every row is held out: nothing is left to compare on");
            }
            rows.add(new Row(x.span().text(), law, k, in, s.where() == null ? null : Stats.of(r, ty, held, k)));
        }
        ctx.emit(new Result(s.span(), "compare", text(rows, log), json(rows, log)));
    }

    /** The law an item names or calls, or {@code null} for another expression. */
    private static Law lawOf(Expr x, Context ctx) {
        String name = x instanceof Expr.Name n ? n.text() : x instanceof Expr.Call c ? c.callee().text() : null;
        Entry e = name == null ? null : ctx.env().get(name);
        return e != null && e.value() instanceof Value.LawRef l ? l.law() : null;
    }

    /** A law named alone is called with the columns named like its variables. */
    private static Expr call(Expr x, Law law, Table t) {
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

    private static double[] logs(double[] v, Expr where, Table t, String what) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0)) {
                throw Failure.at(Code.NOT_FINITE, where.span(), what + " is not positive at row " + t.sourceRow(i)
                        + " (" + Fmt.num(v[i]) + "), so it has no log", "compare with linear residuals on such data");
            }
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    private static String text(List<Row> rows, boolean log) {
        List<String> header = new ArrayList<>(List.of("law", "n", "k", "SSR", "RMSE", "R2", "logL", "AIC", "BIC"));
        boolean held = rows.get(0).out() != null;
        if (held) {
            header.addAll(List.of("held-out n", "held-out RMSE"));
        }
        List<String[]> lines = new ArrayList<>();
        for (Row r : rows) {
            List<String> l = new ArrayList<>(List.of(r.name(), Integer.toString(r.in().n()), Integer.toString(r.k()),
                    Fmt.num(r.in().ssr(), 5), Fmt.num(r.in().rmse(), 5), Fmt.num(r.in().r2(), 5),
                    Fmt.num(r.in().logL(), 6), Fmt.num(r.in().aic(), 6), Fmt.num(r.in().bic(), 6)));
            if (held) {
                l.add(r.out() == null ? "0" : Integer.toString(r.out().n()));
                l.add(r.out() == null ? "" : Fmt.num(r.out().rmse(), 5));
            }
            lines.add(l.toArray(new String[0]));
        }
        StringBuilder b = new StringBuilder("compare (" + (log ? "log" : "linear") + " residuals)\n");
        b.append(Tables.align(header, lines));
        for (String lr : likelihoodRatios(rows)) {
            b.append('\n').append(lr);
        }
        return b.toString();
    }

    /** Likelihood-ratio tests between nested laws: the same form, one estimating more parameters. */
    private static List<String> likelihoodRatios(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row small : rows) {
            for (Row big : rows) {
                if (small.law() == null || big.law() == null || big.k() <= small.k()
                        || !small.law().body().equals(big.law().body())) {
                    continue;
                }
                double lr = Math.max(0, 2 * (big.in().logL() - small.in().logL()));
                int df = big.k() - small.k();
                double p = 1 - new ChiSquaredDistribution(df).cumulativeProbability(lr);
                out.add("likelihood ratio " + big.name() + " vs " + small.name() + ": " + Fmt.num(lr, 5) + " on " + df
                        + " degrees of freedom, p " + (p < 1e-16 ? "< 1e-16" : "= " + Fmt.num(p, 3)));
            }
        }
        return out;
    }

    private static ObjectNode json(List<Row> rows, boolean log) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("residual", log ? "log" : "linear");
        ArrayNode laws = o.putArray("laws");
        for (Row r : rows) {
            ObjectNode l = laws.addObject();
            l.put("law", r.name());
            l.put("k", r.k());
            put(l, r.in());
            if (r.out() != null) {
                ObjectNode h = l.putObject("held_out");
                put(h, r.out());
            }
        }
        ArrayNode lrs = o.putArray("likelihood_ratio");
        likelihoodRatios(rows).forEach(lrs::add);
        return o;
    }

    private static void put(ObjectNode o, Stats s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("n", (double) s.n());
        m.put("ssr", s.ssr());
        m.put("rmse", s.rmse());
        m.put("r2", s.r2());
        m.put("log_likelihood", s.logL());
        m.put("aic", s.aic());
        m.put("bic", s.bic());
        m.forEach((k, v) -> o.set(k, Render.number(v)));
    }
}
