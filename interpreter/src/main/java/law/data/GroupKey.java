package law.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The key of a group made by {@link Table#groupBy(List)}: the grouping columns and this group's
 * values (a {@code Double} or a {@code String} each). A table that is not a group has
 * {@link #NONE}.
 *
 * @param columns the grouping columns, in order
 * @param values  this group's value in each column
 */
public record GroupKey(List<String> columns, List<Object> values) {
    /** The key of a table that is not a group. */
    public static final GroupKey NONE = new GroupKey(List.of(), List.of());

    /** Checks and copies the fields. */
    public GroupKey {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException("columns and values differ in length");
        }
        for (Object v : values) {
            if (!(v instanceof Double) && !(v instanceof String)) {
                throw new IllegalArgumentException("group values are Double or String: " + v);
            }
        }
    }

    /** Whether this is {@link #NONE}. */
    public boolean isEmpty() {
        return columns.isEmpty();
    }

    /** {@code "flops=1e19"} or {@code "dataset=owt2, hparams=tuned"}; {@code ""} for NONE. */
    public String render() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Object v = values.get(i);
            parts.add(columns.get(i) + "="
                    + (v instanceof Double d ? Numbers.exact(d) : Objects.toString(v)));
        }
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return render();
    }
}
