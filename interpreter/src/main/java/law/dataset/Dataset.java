package law.dataset;

import java.util.List;
import java.util.Map;
import law.data.Table;
import law.data.TableSummary;
import law.eval.Value;

/**
 * A dataset defined by a {@code data} statement: its clean table and the group columns named by
 * {@code group by} (empty when the data is not grouped).
 *
 * @param name    the dataset's name
 * @param table   the rows kept after every clause
 * @param groupBy the grouping columns, possibly empty
 */
public record Dataset(String name, Table table, List<String> groupBy) implements Value.Other {

    public Dataset {
        groupBy = List.copyOf(groupBy);
    }

    @Override
    public String kind() {
        return "dataset";
    }

    @Override
    public String render() {
        String summary = TableSummary.render(table);
        if (groupBy.isEmpty()) {
            return "data " + name + "\n" + summary;
        }
        List<Table> groups = table.groupBy(groupBy);
        return "data " + name + " (" + groups.size() + " groups by " + String.join(", ", groupBy) + ")\n" + summary;
    }

    @Override
    public Map<String, Value> fields() {
        return Map.of("rows", Value.Scalar.of(table.rowCount()));
    }

    /** The groups, in order of first appearance (one group holding everything when ungrouped). */
    public List<Table> groups() {
        return groupBy.isEmpty() ? List.of(table) : table.groupBy(groupBy);
    }
}
