package law.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import law.ast.Stmt;
import law.data.Table;
import law.report.Fmt;
import law.report.Json;
import law.report.Tabular;

/** What {@link Compare} prints and its JSON: the table of laws, the rows used and the nested pairs' tests. */
final class CompareOutput {
    private CompareOutput() {
    }

    /** The table of laws: what {@code compare} prints and its JSON's {@code laws}. */
    static Tabular table(List<Compare.Row> out, boolean held) {
        Tabular t = new Tabular().string("law").integer("n").integer("k").number("SSR", 5).number("RMSE", 5)
                .number("R2", 5).number("logL", 6).number("AIC", 6).number("BIC", 6);
        if (held) {
            t.integer("held-out n").number("held-out RMSE", 5).number("largest rel. err", 4).string("in 95% PI");
        }
        for (Compare.Row r : out) {
            List<Object> l = new ArrayList<>(List.of(r.item().name(), r.in().n(), r.k(), r.in().ssr(), r.in().rmse(),
                    r.in().r2(), r.in().logL(), r.in().aic(), r.in().bic()));
            if (held) {
                l.add(r.out().n());
                l.add(r.out().rmse());
                l.add(r.extra().relative());
                l.add(r.extra().coverage());
            }
            t.row(l);
        }
        return t;
    }

    /** The comparison as {@code compare} prints it: the rows used, the table, the likelihood notes and the nested pairs. */
    static String text(Stmt.Compare s, Table t, Compare.Rows rows, List<Compare.Row> out,
                       List<LikelihoodRatios.Pair> pairs, boolean log) {
        boolean held = s.holdout() != null;
        StringBuilder b = new StringBuilder("compare (" + (log ? "log" : "linear") + " residuals)");
        if (s.where() != null || held) {
            b.append(" on ").append(s.data().text()).append(": ");
            if (s.where() != null) {
                b.append(rows.kept()).append(" of ").append(t.rowCount()).append(" rows where ")
                        .append(s.where().span().text());
            } else {
                b.append(t.rowCount()).append(" rows");
            }
            if (held) {
                b.append(", ").append(Compare.count(rows.held())).append(" held out (").append(s.holdout().span().text())
                        .append(")");
            }
        }
        b.append('\n').append(table(out, held).text(""));
        for (Compare.Row r : out) {
            law.model.Fitted f = r.item().law() == null ? null : r.item().law().fitted();
            if (f != null && f.likelihood() != null) {
                b.append("\nlogL of ").append(r.item().name()).append(": its ").append(f.likelihood())
                        .append(" likelihood at its fitted scale (k + 1 parameters in AIC and BIC)");
            }
        }
        for (LikelihoodRatios.Pair p : pairs) {
            if (p.whyNot() != null) {
                b.append("\nnot nested: ").append(p.big()).append(" and ").append(p.small()).append(": ").append(p.whyNot());
            } else {
                b.append("\nlikelihood ratio ").append(p.big()).append(" vs ").append(p.small()).append(": ")
                        .append(Fmt.num(p.statistic(), 5)).append(" on ").append(p.df()).append(" degrees of freedom, p ")
                        .append(p.p() < 1e-16 ? "< 1e-16" : "= " + Fmt.num(p.p(), 3));
                if (!p.approximate().isEmpty()) {
                    b.append(" (approximate: ").append(String.join(" and ", p.approximate()))
                            .append(p.approximate().size() == 1 ? " was" : " were").append(" not fitted on exactly these rows)");
                }
            }
        }
        return b.toString();
    }

    /** The comparison's JSON: the rows, the table of laws, the likelihood ratios and the pairs not nested. */
    static ObjectNode json(Stmt.Compare s, Compare.Rows rows, List<Compare.Row> out,
                           List<LikelihoodRatios.Pair> pairs, boolean log) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("residual", log ? "log" : "linear");
        o.put("where", s.where() == null ? null : s.where().span().text());
        o.put("holdout", s.holdout() == null ? null : s.holdout().span().text());
        o.put("rows_kept", rows.kept());
        o.put("rows_held_out", Compare.count(rows.held()));
        o.set("laws", table(out, s.holdout() != null).json());
        ArrayNode lrs = o.putArray("likelihood_ratios");
        ArrayNode not = o.putArray("not_nested");
        for (LikelihoodRatios.Pair p : pairs) {
            if (p.whyNot() != null) {
                not.addObject().put("law", p.big()).put("other", p.small()).put("reason", p.whyNot());
            } else {
                ObjectNode lr = lrs.addObject().put("law", p.big()).put("nested", p.small());
                lr.set("statistic", Json.number(p.statistic()));
                lr.put("df", p.df()).set("p_value", Json.number(p.p()));
                ArrayNode approx = lr.putArray("approximate");
                p.approximate().forEach(approx::add);
            }
        }
        return o;
    }
}
