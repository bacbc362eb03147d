package law.appendix;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import law.eval.Ledger;

/** The extrapolation item: for every query on a fitted law, how far each variable left the fitted range. */
final class Extrapolations {
    private Extrapolations() {
    }

    /** One row per query and variable (the most extreme point of the query). */
    static Appendix.Item item(List<Ledger.Extent> extents) {
        List<List<String>> rows = new ArrayList<>();
        ArrayNode json = Items.array();
        for (Ledger.Extent e : extents) {
            String where = e.span() == null ? "" : "line " + e.span().line() + ":" + e.span().column();
            String query = e.span() == null ? "" : e.span().text().replaceAll("\\s+", " ");
            rows.add(List.of(where, query, e.variable(), Items.num(e.value()), Items.num(e.min()) + " .. "
                    + Items.num(e.max()), describe(e)));
            ObjectNode o = json.addObject().put("line", e.span() == null ? 0 : e.span().line())
                    .put("column", e.span() == null ? 0 : e.span().column()).put("query", query)
                    .put("law", e.law()).put("variable", e.variable());
            o.set("value", Items.number(e.value()));
            o.set("min", Items.number(e.min()));
            o.set("max", Items.number(e.max()));
            o.set("factor", Items.number(e.factor()));
        }
        if (rows.isEmpty()) {
            return Items.lines("extrapolation", "Extrapolation of the queries", json,
                    List.of("no query in the file evaluates this fit"));
        }
        return Items.grid("extrapolation", "Extrapolation of the queries", json,
                List.of("where", "query", "variable", "value", "fitted range", "extrapolation"), rows);
    }

    /** {@code inside}, {@code 14x beyond the largest}, {@code 3x below the smallest}. */
    static String describe(Ledger.Extent e) {
        double f = e.factor();
        if (f == 1) {
            return "inside";
        }
        String side = e.value() > e.max() ? "beyond the largest" : "below the smallest";
        return (Double.isInfinite(f) ? "" : Items.num(f) + "x ") + side;
    }
}
