package law.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Arg;
import law.ast.Expr;
import law.ast.Ident;
import law.ast.Option;
import law.ast.Stmt;
import law.data.InlineTable;
import law.data.RowNumbering;
import law.data.Table;
import law.dataset.Clauses;
import law.dataset.Columns;
import law.dataset.Dataset;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Suggest;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Failure;
import law.eval.Render;
import law.eval.Value;
import law.fit.GroupedFit;
import law.model.Law;
import law.report.Fmt;

/**
 * {@code compare F, G, ... on DATA by COLS [where KEEP] [holdout COND] [{ digits = D }]}: a contest per group.
 * Each item is a grouped fit made {@code by} the same columns (each group is scored with its own
 * fitted law) or a law that is the same for every group. A group's score for a law is the RMSE of
 * its residuals (log, unless a compared fit used linear residuals) on the group's held-out rows
 * when there is a {@code holdout}, else on all its rows ({@code where} keeps rows, as everywhere). The lowest score wins the group; with
 * {@code digits = D} scores are first truncated to D decimals, and laws tied there share the win
 * (Alabdulmohsin et al. 2022 count wins so). Groups where a law has no score (its fit failed, or
 * no rows are held out) are left out of the count, with a warning.
 */
final class GroupCompare {
    private GroupCompare() {
    }

    /** An item: its display name, its grouped fit (or {@code null}) and its expression. */
    private record Item(String name, GroupedFit grouped, Law law, Expr expr) {
    }

    static Comparison compare(Stmt.Compare s, Context ctx) {
        int digits = digits(s, ctx);
        Table t = Dataset.named(s.data(), ctx).table();
        List<String> keys = keys(s, t);
        List<Item> items = items(s, keys, ctx);
        boolean log = items.stream().noneMatch(i -> i.law() != null && i.law().fitted() != null
                && "linear".equals(i.law().fitted().residual()));
        List<String> header = new ArrayList<>(keys);
        items.forEach(i -> header.add(i.name()));
        header.add("winner");
        List<List<Object>> rows = new ArrayList<>();
        double[] wins = new double[items.size()];
        int skipped = 0;
        for (Table g : t.groupBy(keys)) {
            double[] score = new double[items.size()];
            for (int j = 0; j < items.size(); j++) {
                score[j] = score(s, items.get(j), g, log, ctx);
            }
            List<Object> row = new ArrayList<>(g.groupKey().values());
            for (double v : score) {
                row.add(v);
            }
            String winner = award(score, digits, wins, items);
            if (winner == null) {
                skipped++;
            }
            row.add(winner == null ? "-" : winner);
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw Failure.at(Code.DATA_EMPTY, s.data().span(), "'" + s.data().text() + "' has no rows to compare on");
        }
        if (skipped > 0) {
            ctx.report(Diagnostic.warning(Code.GROUP_FIT_FAILED, s.span(), skipped + " of the " + rows.size()
                    + " groups have no score for some law (a failed fit, or no rows to score on) and win nothing")
                    .withHelp("their rows show nan and no winner"));
        }
        Dataset table = table(s, header, rows, keys);
        Map<String, Value> fields = new LinkedHashMap<>();
        Map<String, Value> w = new LinkedHashMap<>();
        for (int j = 0; j < items.size(); j++) {
            w.put(items.get(j).name(), Value.Scalar.of(wins[j]));
        }
        fields.put("wins", new Value.Rec("wins", w, null));
        fields.put("groups", Value.Scalar.of(rows.size() - skipped));
        String scored = s.holdout() == null ? "RMSE" : "held-out RMSE";
        return new Comparison(text(table, items, wins, scored, log, digits),
                json(header, rows, items, wins, scored, log, digits), fields, table);
    }

    private static int digits(Stmt.Compare s, Context ctx) {
        int digits = -1;
        for (Option o : s.options()) {
            if (!(o instanceof Option.Value v) || !o.key().equals("digits")) {
                throw Failure.at(Code.BAD_OPTION, o.span(), "compare has no option '" + o.key() + "'",
                        "the only option is 'digits' (truncate scores to that many decimals before counting wins)");
            }
            double d = ctx.evaluator().number(v.value(), law.eval.Scope.strict());
            if (!(d >= 0 && d <= 15 && d == Math.rint(d))) {
                throw Failure.at(Code.BAD_OPTION, v.value().span(), "digits is a whole number from 0 to 15");
            }
            digits = (int) d;
        }
        return digits;
    }

    private static List<String> keys(Stmt.Compare s, Table t) {
        List<String> keys = new ArrayList<>();
        for (Ident id : s.groupBy()) {
            if (!t.hasColumn(id.text())) {
                throw Failure.at(Code.DATA_MISSING_COLUMN, id.span(), "no column '" + id.text() + "' in '"
                        + s.data().text() + "' to group by", Suggest.didYouMean(id.text(), t.columnNames()));
            }
            keys.add(id.text());
        }
        return keys;
    }

    private static List<Item> items(Stmt.Compare s, List<String> keys, Context ctx) {
        List<Item> out = new ArrayList<>();
        for (Expr x : s.laws()) {
            String name = x instanceof Expr.Name n ? n.text() : x instanceof Expr.Call c ? c.callee().text() : null;
            Entry e = name == null ? null : ctx.env().get(name);
            if (e == null && name != null && ctx.env().isPoisoned(name)) {
                throw Failure.at(Code.UNKNOWN_NAME, x.span(), "'" + name + "' is not defined because its definition failed");
            }
            if (e != null && e.value() instanceof GroupedFit g) {
                if (!g.keys().equals(keys)) {
                    throw Failure.at(Code.BAD_OPTION, x.span(), "'" + name + "' was fitted by "
                            + String.join(", ", g.keys()) + ", not by " + String.join(", ", keys),
                            "compare grouped fits by the columns they were fitted by");
                }
                out.add(new Item(x.span().text(), g, null, x));
            } else {
                out.add(new Item(x.span().text(), null, Compare.lawOf(x, ctx), x));
            }
        }
        return out;
    }

    /** A law's RMSE on a group's scored rows, or NaN when it has none. */
    private static double score(Stmt.Compare s, Item item, Table g, boolean log, Context ctx) {
        double[] p;
        Law law = item.law();
        if (item.grouped() != null) {
            law = item.grouped().lawOf(g.groupKey().values());
            if (law == null) {
                return Double.NaN;
            }
            p = Columns.evaluate(groupLaw(item.expr(), law, g, ctx), g);
        } else {
            p = Columns.evaluate(Compare.call(item.expr(), law, g), g, ctx);
        }
        double[] y = target(s, law, g, ctx);
        boolean[] use = s.where() == null ? null : Clauses.mask(s.where(), g, ctx);
        if (s.holdout() != null) {
            boolean[] held = Clauses.mask(s.holdout(), g, ctx);
            for (int i = 0; i < held.length; i++) {
                held[i] &= use == null || use[i];
            }
            use = held;
        }
        double ssr = 0;
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            if (use == null || use[i]) {
                double r = log ? Math.log(p[i]) - Math.log(y[i]) : p[i] - y[i];
                ssr += r * r;
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(ssr / n);
    }

    /** A group's fitted law over the group's columns: its variables replaced by the call's arguments. */
    private static law.expr.Expr groupLaw(Expr x, Law law, Table g, Context ctx) {
        Map<String, law.expr.Expr> subst = new LinkedHashMap<>();
        List<Arg> args = x instanceof Expr.Call c ? c.args() : List.of();
        for (int k = 0; k < law.vars().size(); k++) {
            String v = law.vars().get(k);
            Expr arg = k < args.size() ? args.get(k).value()
                    : new Expr.Name(new Ident(v, x.span()), x.span());
            if (k >= args.size() && !g.hasColumn(v)) {
                throw Failure.at(Code.DATA_MISSING_COLUMN, x.span(), "'" + law.name() + "' needs a column '" + v
                        + "', which " + g.source() + " does not have", "call it with columns: " + law.name() + "("
                        + String.join(", ", law.vars()) + ")");
            }
            subst.put(v, Columns.symbolic(arg, g, ctx));
        }
        return law.closedBody().substitute(subst);
    }

    private static double[] target(Stmt.Compare s, Law law, Table g, Context ctx) {
        if (s.target() != null) {
            return Columns.evaluate(s.target(), g, ctx);
        }
        String target = law != null && law.fitted() != null ? law.fitted().target() : null;
        if (target == null || !g.hasColumn(target)) {
            throw Failure.at(Code.BAD_OPTION, s.span(), "compare needs the column the laws predict",
                    "add it with '~': compare " + s.laws().get(0).span().text() + ", ... ~ L on " + s.data().text()
                            + " by ...");
        }
        return g.numeric(target);
    }

    /** Adds a group's win (shared among ties) and names the winners, or {@code null} when a score is missing. */
    private static String award(double[] score, int digits, double[] wins, List<Item> items) {
        double[] key = new double[score.length];
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < score.length; j++) {
            if (Double.isNaN(score[j])) {
                return null;
            }
            key[j] = digits < 0 ? score[j] : truncate(score[j], digits);
            best = Math.min(best, key[j]);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < key.length; j++) {
            if (key[j] == best) {
                names.add(items.get(j).name());
            }
        }
        for (int j = 0; j < key.length; j++) {
            if (key[j] == best) {
                wins[j] += 1.0 / names.size();
            }
        }
        return String.join(" = ", names);
    }

    /** Truncation towards zero to {@code digits} decimals (not rounding), as the paper's tables. */
    static double truncate(double v, int digits) {
        if (Double.isInfinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).setScale(digits, java.math.RoundingMode.DOWN).doubleValue();
    }

    private static Dataset table(Stmt.Compare s, List<String> header, List<List<Object>> rows, List<String> keys) {
        int[] numbers = new int[rows.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i + 1;
        }
        Table out = InlineTable.of("compare", header, rows, numbers, RowNumbering.ROW);
        return new Dataset("compare", out, List.of(), "compare on " + s.data().text() + " by "
                + String.join(", ", keys));
    }

    private static String text(Dataset table, List<Item> items, double[] wins, String scored, boolean log,
            int digits) {
        Table t = table.table();
        List<String[]> lines = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            String[] line = new String[t.columnNames().size()];
            for (int c = 0; c < line.length; c++) {
                String col = t.columnNames().get(c);
                line[c] = t.column(col) instanceof law.data.NumericColumn ? Fmt.num(t.numeric(col)[i], 5) : t.text(col)[i];
            }
            lines.add(line);
        }
        StringBuilder b = new StringBuilder("compare on " + table.heading().substring("compare on ".length()) + " ("
                + t.rowCount() + " groups; " + scored + " of " + (log ? "log" : "linear") + " residuals"
                + (digits >= 0 ? ", truncated to " + digits + " decimals for the wins" : "") + ")\n");
        b.append(align(t.columnNames(), lines)).append("\nwins:");
        for (int j = 0; j < items.size(); j++) {
            b.append(j == 0 ? " " : ", ").append(items.get(j).name()).append(' ').append(Fmt.num(wins[j], 4));
        }
        return b.toString();
    }

    private static ObjectNode json(List<String> header, List<List<Object>> rows, List<Item> items, double[] wins,
            String scored, boolean log, int digits) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("residual", log ? "log" : "linear");
        o.put("score", scored);
        if (digits >= 0) {
            o.put("digits", digits);
        }
        ArrayNode groups = o.putArray("groups");
        for (List<Object> row : rows) {
            ObjectNode g = groups.addObject();
            for (int c = 0; c < header.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Double d) {
                    g.set(header.get(c), Render.number(d));
                } else {
                    g.put(header.get(c), String.valueOf(v));
                }
            }
        }
        ObjectNode w = o.putObject("wins");
        for (int j = 0; j < items.size(); j++) {
            w.set(items.get(j).name(), Render.number(wins[j]));
        }
        return o;
    }

    /** The header and rows as right-aligned columns. */
    private static String align(List<String> header, List<String[]> rows) {
        int[] w = new int[header.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = header.get(c).length();
            for (String[] r : rows) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        List<String[]> all = new ArrayList<>();
        all.add(header.toArray(new String[0]));
        all.addAll(rows);
        for (int k = 0; k < all.size(); k++) {
            for (int c = 0; c < w.length; c++) {
                b.append(c == 0 ? "" : "  ").append(" ".repeat(w[c] - all.get(k)[c].length())).append(all.get(k)[c]);
            }
            if (k < all.size() - 1) {
                b.append('\n');
            }
        }
        return b.toString();
    }
}
