package law.appendix;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Stmt;
import law.data.Table;
import law.eval.Value;
import law.isoflop.IsoflopResult;

/**
 * The section of one IsoFLOP analysis (Chinchilla's Approach 2): the method as the statement
 * resolved it, what size, loss and tokens count, the data with every dropped row, each budget's
 * minimum and whether stage two used it, and the exponents with their uncertainty. Read from the
 * result's public views (its table of minima and its fields), so new profile methods show up
 * through the heading without changes here.
 */
final class IsoflopItems {
    private final String name;
    private final IsoflopResult result;
    private final Stmt.Isoflop stmt;
    private final DataItems data;

    IsoflopItems(String name, IsoflopResult result, Stmt.Isoflop stmt, DataItems data) {
        this.name = name;
        this.result = result;
        this.stmt = stmt;
        this.data = data;
    }

    Appendix.Section section() {
        List<Appendix.Item> items = new ArrayList<>();
        items.add(Items.lines("method", "Method", Items.object().put("statement", result.heading()),
                List.of(result.heading(), "stage one: a profile of the loss against ln(size) per budget, its minimum "
                        + "N*; stage two: power laws N* = n0 C^a, D* = d0 C^b, L* = l0 C^c through the used minima")));
        if (stmt != null) {
            items.add(data.variables(uses(), Map.of()));
        }
        Table t = data.table();
        items.add(data.data(t == null ? -1 : t.rowCount(), "in the analysis", t == null ? null : t.hash()));
        items.add(data.dropped(List.of()));
        items.add(grid("budgets", "Budgets and their minima", result.dataset().table()));
        items.add(exponents());
        return new Appendix.Section("isoflop", name, result.heading(), items);
    }

    private Map<String, String> uses() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("size", stmt.size().span().text());
        out.put("loss", stmt.loss().span().text());
        out.put("compute", stmt.by().get(stmt.by().size() - 1).text());
        for (law.ast.Option o : stmt.options()) {
            if (o.key().equals("tokens") && o instanceof law.ast.Option.Value v) {
                out.put("tokens", v.value().span().text());
            }
        }
        return out;
    }

    private Appendix.Item exponents() {
        if (result.keys().size() > 1) {
            return grid("exponents", "Exponents per configuration", result.exponents().table());
        }
        Map<String, Value> fields = result.fields();
        List<List<String>> rows = new ArrayList<>();
        ObjectNode json = Items.object();
        for (String e : List.of("a", "b", "c")) {
            Value.Rec r = (Value.Rec) fields.get(e);
            Map<String, Double> f = new LinkedHashMap<>();
            r.fields().forEach((k, v) -> f.put(k, ((Value.Scalar) v).number()));
            rows.add(List.of(e, Items.num(f.get("value")), Items.num(f.get("se")), "(" + Items.num(f.get("ci_low"))
                    + ", " + Items.num(f.get("ci_high")) + ")", f.containsKey("boot_low") ? "(" + Items.num(
                    f.get("boot_low")) + ", " + Items.num(f.get("boot_high")) + ")" : "-"));
            ObjectNode o = json.putObject(e);
            f.forEach((k, x) -> o.set(k, Items.number(x)));
        }
        return Items.grid("exponents", "Exponents (N* ~ C^a, D* ~ C^b, L* ~ C^c)", json,
                List.of("exponent", "value", "se", "95% CI (t)", "bootstrap 95%"), rows);
    }

    /** A table of the result as a grid, numbers to 6 digits. */
    private static Appendix.Item grid(String key, String label, Table t) {
        List<List<String>> rows = new ArrayList<>();
        ArrayNode json = Items.array();
        Map<String, double[]> numbers = new LinkedHashMap<>();
        Map<String, String[]> texts = new LinkedHashMap<>();
        for (String c : t.columnNames()) {
            if (t.column(c).isNumeric()) {
                numbers.put(c, t.numeric(c));
            } else {
                texts.put(c, t.text(c));
            }
        }
        for (int i = 0; i < t.rowCount(); i++) {
            List<String> row = new ArrayList<>();
            ObjectNode o = json.addObject();
            for (String c : t.columnNames()) {
                if (numbers.containsKey(c)) {
                    double x = numbers.get(c)[i];
                    row.add(Items.num(x));
                    o.set(c, Items.number(x));
                } else {
                    row.add(texts.get(c)[i]);
                    o.put(c, texts.get(c)[i]);
                }
            }
            rows.add(row);
        }
        return Items.grid(key, label, json, t.columnNames(), rows);
    }
}
