package law.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import law.dataset.Dataset;
import law.eval.Value;

/**
 * The value of a {@code compare}: what it prints, its JSON, and its fields. An ungrouped compare
 * has a record per law named alone ({@code c.f.rmse}, {@code c.f.held_out_rmse}); a compare
 * {@code by} groups stands for its table, one row per group ({@code c.m4.median}, {@code c.rows},
 * {@code plot ... on c}), and adds {@code c.wins}, a record of the wins of each law.
 */
final class Comparison implements Value.Other, Dataset.Provider {
    private final String text;
    private final ObjectNode json;
    private final Map<String, Value> fields;
    private final Dataset table;

    /** A comparison with these fields; {@code table} is the table by group, or {@code null}. */
    Comparison(String text, ObjectNode json, Map<String, Value> fields, Dataset table) {
        this.text = text;
        this.json = json;
        this.fields = new LinkedHashMap<>(fields);
        this.table = table;
    }

    /** The JSON of the statement's result. */
    ObjectNode json() {
        return json;
    }

    @Override
    public Dataset dataset() {
        return table;
    }

    @Override
    public String kind() {
        return "comparison";
    }

    @Override
    public String render() {
        return text;
    }

    @Override
    public Map<String, Value> fields() {
        Map<String, Value> out = new LinkedHashMap<>();
        if (table != null) {
            out.putAll(table.fields());
        }
        out.putAll(fields);
        return out;
    }
}
