package law.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.data.GroupKey;
import law.dataset.Dataset;
import law.eval.Value;
import law.model.Law;

/**
 * What {@code fit NAME = ... by COLS} binds: the fitted law of every group, standing for the table
 * of their parameters (one row per group) wherever a dataset is wanted ({@code print NAME},
 * {@code NAME.k.median}, {@code fit ... in NAME}, {@code plot ... on NAME}, {@code export}). A
 * {@code compare ... by COLS} evaluates each group's rows with that group's own law
 * ({@link #lawOf}).
 */
public final class GroupedFit implements Value.Other, Dataset.Provider, law.eval.Render.JsonRenderable {
    private final Dataset table;
    private final List<String> keys;
    private final Map<List<Object>, Law> laws;

    GroupedFit(Dataset table, List<String> keys, Map<GroupKey, Law> laws) {
        this.table = table;
        this.keys = List.copyOf(keys);
        Map<List<Object>, Law> m = new LinkedHashMap<>();
        laws.forEach((k, v) -> m.put(k.values(), v));
        this.laws = m;
    }

    /** The table of fitted parameters, one row per group. */
    @Override
    public Dataset dataset() {
        return table;
    }

    /** The columns the fit grouped by, in order. */
    public List<String> keys() {
        return keys;
    }

    /**
     * The law fitted to the group with these values of {@link #keys()} ({@code Double} or
     * {@code String} each), or {@code null} when there is no such group or its fit failed.
     */
    public Law lawOf(List<Object> keyValues) {
        return laws.get(keyValues);
    }

    @Override
    public String kind() {
        return table.kind();
    }

    @Override
    public String render() {
        return table.render();
    }

    /** The JSON of {@code print}: the table of fitted parameters. */
    @Override
    public com.fasterxml.jackson.databind.JsonNode json() {
        return table.json();
    }

    @Override
    public Map<String, Value> fields() {
        return table.fields();
    }
}
