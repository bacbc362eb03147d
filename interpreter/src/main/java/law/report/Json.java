package law.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON conventions of every result ({@code docs/schema/law.output-1.schema.json}): finite
 * numbers are JSON numbers, non-finite ones the strings {@code "nan"}, {@code "inf"},
 * {@code "-inf"}; counts are integers; a matrix carries the labels of its rows and columns.
 */
public final class Json {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    /** A number; non-finite numbers become {@code "nan"}, {@code "inf"}, {@code "-inf"}. */
    public static JsonNode number(double x) {
        return Double.isFinite(x) ? F.numberNode(x) : F.textNode(Fmt.num(x));
    }

    /** A count as a JSON integer (NaN as {@code "nan"}). */
    public static JsonNode count(double x) {
        if (Double.isFinite(x) && x == Math.rint(x)) {
            long n = Math.round(x);
            return n == (int) n ? F.numberNode((int) n) : F.numberNode(n);
        }
        return number(x);
    }

    /**
     * A labelled square matrix, symmetrised ({@code (m + m^T) / 2}) when {@code symmetric}:
     * {@code {"labels": [...], "matrix": [[...], ...]}}.
     */
    public static ObjectNode matrix(List<String> labels, double[][] m, boolean symmetric) {
        ObjectNode o = F.objectNode();
        ArrayNode ls = o.putArray("labels");
        labels.forEach(ls::add);
        ArrayNode rows = o.putArray("matrix");
        for (int i = 0; i < m.length; i++) {
            ArrayNode r = rows.addArray();
            for (int j = 0; j < m[i].length; j++) {
                r.add(number(symmetric ? 0.5 * (m[i][j] + m[j][i]) : m[i][j]));
            }
        }
        return o;
    }
}
