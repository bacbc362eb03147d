package law.appendix;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import law.ast.DataClause;
import law.ast.DataSource;
import law.ast.Stmt;
import law.data.DropStep;
import law.data.Table;
import law.dataset.Dataset;
import law.eval.Entry;

/**
 * The items about data that fits and IsoFLOP analyses share: what each variable counts (the law's
 * description and the data block's binding with its comment), where the data came from with its
 * hash, and every row dropped on the way with the step that dropped it.
 */
final class DataItems {
    private final Sources sources;
    private final String name;
    private final Dataset dataset;
    private final Stmt.Data stmt;

    /** The dataset called {@code name} in the session ({@code entry}), or none when it is not there. */
    DataItems(Sources sources, String name, Entry entry) {
        this.sources = sources;
        this.name = name;
        this.dataset = entry == null ? null : Dataset.of(entry.value());
        this.stmt = entry == null ? null : sources.statement(entry.span(), Stmt.Data.class);
    }

    /** The dataset's table, or {@code null}. */
    Table table() {
        return dataset == null ? null : dataset.table();
    }

    /**
     * What each variable counts. {@code uses} maps a variable to the expression over the data it
     * was given ({@code N}, {@code 20 * N}); {@code described} maps it to the law's description.
     */
    Appendix.Item variables(Map<String, String> uses, Map<String, String> described) {
        List<List<String>> rows = new ArrayList<>();
        ArrayNode json = Items.array();
        uses.forEach((var, expr) -> {
            String binding = binding(expr);
            String note = note(expr);
            String law = described.getOrDefault(var, "");
            rows.add(List.of(var, expr, law == null ? "" : law, binding, note == null ? "" : note));
            ObjectNode o = json.addObject().put("variable", var).put("data", expr);
            o.set("law_says", Items.text(law));
            o.set("binding", Items.text(binding.isEmpty() ? null : binding));
            o.set("note", Items.text(note));
        });
        for (DataClause.Column c : otherBindings(uses.values())) {
            String note = Sources.comment(c.span());
            rows.add(List.of("-", c.name().text(), "", c.span().text().replaceAll("\\s+", " "), note == null ? "" : note));
            ObjectNode o = json.addObject().put("variable", (String) null).put("data", c.name().text())
                    .put("binding", c.span().text().replaceAll("\\s+", " "));
            o.set("note", Items.text(note));
        }
        return Items.grid("variables", "Variables and counting conventions", json,
                List.of("variable", "from the data", "the law says", "data binding", "note in the data block"), rows);
    }

    /** The data block's column clauses that no variable uses directly (what C counts, say). */
    private List<DataClause.Column> otherBindings(java.util.Collection<String> used) {
        List<DataClause.Column> out = new ArrayList<>();
        if (stmt != null) {
            for (DataClause c : stmt.clauses()) {
                if (c instanceof DataClause.Column col && used.stream().noneMatch(u -> u.replace("`", "")
                        .equals(col.name().text()))) {
                    out.add(col);
                }
            }
        }
        return out;
    }

    /** The clause that makes a column ({@code N = `Model Size`}), or {@code ""}. */
    private String binding(String column) {
        DataClause.Column c = clause(column);
        return c == null ? "" : c.span().text().replaceAll("\\s+", " ");
    }

    private String note(String column) {
        DataClause.Column c = clause(column);
        return c == null ? null : Sources.comment(c.span());
    }

    private DataClause.Column clause(String column) {
        if (stmt == null) {
            return null;
        }
        for (DataClause c : stmt.clauses()) {
            if (c instanceof DataClause.Column col && col.name().text().equals(column.replace("`", ""))) {
                return col;
            }
        }
        return null;
    }

    /** The data's origin, size and hash; {@code used} points were used, {@code how} (negative: not known). */
    Appendix.Item data(int used, String how, String hash) {
        Table t = table();
        List<String> lines = new ArrayList<>();
        ObjectNode json = Items.object().put("dataset", name);
        if (t == null) {
            lines.add("dataset " + name);
        } else {
            String from = origin();
            lines.add("dataset " + name + " from " + from + ": " + Items.count(t.loadedRows(), "row") + " loaded, "
                    + Items.count(t.rowCount(), "row") + " after the data block");
            json.put("source", from).put("rows_loaded", t.loadedRows()).put("rows_kept", t.rowCount());
        }
        if (used >= 0) {
            lines.add(Items.count(used, "point") + " " + how);
            json.put("points", used);
        }
        if (hash != null) {
            lines.add("data hash " + hash + " (SHA-256 of the fitted columns)");
            json.put("data_hash", hash);
        }
        if (stmt != null && stmt.doc() != null) {
            lines.add(stmt.doc().replace("\n", " "));
            json.put("doc", stmt.doc());
        }
        return Items.lines("data", "Data", json, lines);
    }

    private String origin() {
        if (stmt != null && stmt.source() instanceof DataSource.Call call) {
            return call.span().text();
        }
        return table().source();
    }

    /**
     * Every row dropped between loading and fitting: each step of the data block, then the
     * statement's own exclusions ({@code extra}, e.g. a fit's {@code where}).
     */
    Appendix.Item dropped(List<DropStep> extra) {
        List<DropStep> steps = new ArrayList<>(table() == null ? List.of() : table().steps());
        steps.addAll(extra);
        String word = table() == null ? "row" : table().numbering().word();
        List<List<String>> rows = new ArrayList<>();
        ArrayNode json = Items.array();
        for (DropStep s : steps) {
            rows.add(List.of(s.step(), String.valueOf(s.rows()), s.reason(), s.rows() == 0 ? "-"
                    : word + (s.rows() == 1 ? " " : "s ") + Items.rowList(s.sourceRows())));
            ObjectNode o = json.addObject().put("step", s.step()).put("rows", s.rows()).put("reason", s.reason())
                    .put("numbering", word);
            o.set("source_rows", Items.ints(s.sourceRows()));
        }
        if (rows.isEmpty()) {
            return Items.lines("dropped_rows", "Dropped rows", json, List.of("none: every row loaded was used"));
        }
        return Items.grid("dropped_rows", "Dropped rows", json, List.of("step", "rows", "reason", "which"), rows);
    }
}
