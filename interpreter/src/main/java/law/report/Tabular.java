package law.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of results with named, typed columns: what {@code table}, {@code compare}, an
 * {@code isoflop} analysis, a fit's parameters and a fit by group print, as aligned text (one
 * {@link ColumnFormat} per numeric column) and as JSON:
 * {@code {"columns": [{"name": "C", "type": "number"}, ...], "rows": [{"C": 1e20, ...}, ...]}},
 * which {@code pandas.DataFrame(doc["rows"])} reads as it is. Non-finite numbers are the strings
 * {@code "nan"}, {@code "inf"}, {@code "-inf"}; a missing cell is {@code null}.
 */
public final class Tabular {
    /** The type of a column's cells. */
    public enum Type {
        /** Whole numbers (counts): JSON integers. */
        INTEGER,
        /** Real numbers: JSON numbers (or "nan", "inf", "-inf"). */
        NUMBER,
        /** Strings. */
        TEXT,
        /** True or false (text: yes / no). */
        BOOLEAN;

        String word() {
            return switch (this) {
                case INTEGER -> "integer";
                case NUMBER -> "number";
                case TEXT -> "string";
                case BOOLEAN -> "boolean";
            };
        }
    }

    /**
     * A column.
     *
     * @param name   its name (the JSON key of its cells)
     * @param type   its cells' type
     * @param digits significant digits of a number column's text
     * @param meta   extra JSON fields of the column's description (an interval's level...), or null
     */
    public record Column(String name, Type type, int digits, ObjectNode meta) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    /** Adds a column of numbers shown with 4 significant digits. */
    public Tabular number(String name) {
        return column(new Column(name, Type.NUMBER, 4, null));
    }

    /** Adds a column of numbers shown with {@code digits} significant digits. */
    public Tabular number(String name, int digits) {
        return column(new Column(name, Type.NUMBER, digits, null));
    }

    /** Adds a column of whole numbers. */
    public Tabular integer(String name) {
        return column(new Column(name, Type.INTEGER, 0, null));
    }

    /** Adds a column of strings. */
    public Tabular string(String name) {
        return column(new Column(name, Type.TEXT, 0, null));
    }

    /** Adds a column of booleans. */
    public Tabular bool(String name) {
        return column(new Column(name, Type.BOOLEAN, 0, null));
    }

    /** Adds a column. */
    public Tabular column(Column c) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("columns come before rows");
        }
        columns.add(c);
        return this;
    }

    /** Adds a row: one cell per column (Number, String, Boolean or null). */
    public Tabular row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** Adds a row from a list of cells. */
    public Tabular row(List<?> cells) {
        return row(cells.toArray());
    }

    /** The columns. */
    public List<Column> columns() {
        return List.copyOf(columns);
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** The cell at {@code row}, {@code column}. */
    public Object cell(int row, int column) {
        return rows.get(row)[column];
    }

    /** The header and rows, right-aligned numbers, two spaces between columns, each line indented. */
    public String text(String indent) {
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.stream().map(Column::name).toArray(String[]::new));
        String[][] cells = new String[rows.size()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String[] shown = cellsOf(c);
            for (int r = 0; r < rows.size(); r++) {
                cells[r][c] = shown[r];
            }
        }
        lines.addAll(Arrays.asList(cells));
        int[] width = new int[columns.size()];
        for (String[] l : lines) {
            for (int c = 0; c < l.length; c++) {
                width[c] = Math.max(width[c], l[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < l.length; c++) {
                String pad = " ".repeat(width[c] - l[c].length());
                boolean left = columns.get(c).type() == Type.TEXT;
                line.append(c == 0 ? "" : "  ").append(left ? l[c] + pad : pad + l[c]);
            }
            b.append(b.length() == 0 ? "" : "\n").append(line.toString().stripTrailing());
        }
        return b.toString();
    }

    /** The text of column {@code c}'s cells, in one format. */
    private String[] cellsOf(int c) {
        Column col = columns.get(c);
        String[] out = new String[rows.size()];
        ColumnFormat f = null;
        if (col.type() == Type.NUMBER) {
            double[] xs = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                xs[r] = rows.get(r)[c] instanceof Number n ? n.doubleValue() : Double.NaN;
            }
            f = ColumnFormat.of(xs, col.digits());
        }
        for (int r = 0; r < rows.size(); r++) {
            Object v = rows.get(r)[c];
            if (v == null) {
                out[r] = "";
            } else if (f != null && v instanceof Number n) {
                out[r] = f.format(n.doubleValue());
            } else if (col.type() == Type.INTEGER && v instanceof Number n) {
                out[r] = Double.isFinite(n.doubleValue()) ? Long.toString(Math.round(n.doubleValue()))
                        : Fmt.num(n.doubleValue());
            } else if (v instanceof Boolean bo) {
                out[r] = bo ? "yes" : "no";
            } else {
                out[r] = v.toString();
            }
        }
        return out;
    }

    /** The JSON form: {@code {"columns": [...], "rows": [...]}}. */
    public ObjectNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        ArrayNode cols = o.putArray("columns");
        for (Column c : columns) {
            ObjectNode co = cols.addObject().put("name", c.name()).put("type", c.type().word());
            if (c.meta() != null) {
                co.setAll(c.meta());
            }
        }
        ArrayNode rs = o.putArray("rows");
        for (Object[] row : rows) {
            ObjectNode r = rs.addObject();
            for (int c = 0; c < columns.size(); c++) {
                r.set(columns.get(c).name(), cell(columns.get(c).type(), row[c]));
            }
        }
        return o;
    }

    /** A cell as JSON of the column's type. */
    static JsonNode cell(Type type, Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        return switch (type) {
            case INTEGER -> v instanceof Number n && isWhole(n.doubleValue()) ? Json.count(n.doubleValue())
                    : v instanceof Number n ? Json.number(n.doubleValue()) : f.textNode(v.toString());
            case NUMBER -> v instanceof Number n ? Json.number(n.doubleValue()) : f.textNode(v.toString());
            case BOOLEAN -> v instanceof Boolean b ? f.booleanNode(b)
                    : v instanceof Number n ? f.booleanNode(n.doubleValue() != 0) : f.textNode(v.toString());
            case TEXT -> f.textNode(v.toString());
        };
    }

    private static boolean isWhole(double x) {
        return Double.isFinite(x) && x == Math.rint(x) && Math.abs(x) < 9.007199254740992E15;
    }
}
