package law.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import law.eval.Failure;

/**
 * Typed reads of a saved fit's JSON fields: each one present and of its type, or a {@link Failure}
 * naming the field by its JSON path ({@code "form.parameters.A.domain.lo" must be a number}).
 * Numbers may be the strings {@code nan}, {@code inf}, {@code -inf}.
 */
final class JsonFields {
    private final Function<String, Failure> malformed;

    /** Reads whose failures are {@code malformed.apply(what is wrong)}. */
    JsonFields(Function<String, Failure> malformed) {
        this.malformed = malformed;
    }

    JsonNode field(JsonNode node, String key, String where) {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || v.isNull()) {
            throw malformed.apply("\"" + where + "\" is missing");
        }
        return v;
    }

    String text(JsonNode node, String key, String where) {
        JsonNode v = field(node, key, where);
        if (!v.isTextual()) {
            throw malformed.apply("\"" + where + "\" must be a string");
        }
        return v.asText();
    }

    static String optionalText(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    JsonNode object(JsonNode node, String key, String where) {
        JsonNode v = field(node, key, where);
        if (!v.isObject()) {
            throw malformed.apply("\"" + where + "\" must be an object");
        }
        return v;
    }

    JsonNode array(JsonNode node, String key, String where) {
        JsonNode v = field(node, key, where);
        if (!v.isArray()) {
            throw malformed.apply("\"" + where + "\" must be an array");
        }
        return v;
    }

    boolean bool(JsonNode node, String key, String where) {
        JsonNode v = field(node, key, where + "." + key);
        if (!v.isBoolean()) {
            throw malformed.apply("\"" + where + "." + key + "\" must be true or false");
        }
        return v.asBoolean();
    }

    List<String> strings(JsonNode node, String key, String where) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array(node, key, where)) {
            if (!s.isTextual()) {
                throw malformed.apply("\"" + where + "\" must hold strings");
            }
            out.add(s.asText());
        }
        return out;
    }

    double number(JsonNode node, String key, String where) {
        return value(field(node, key, where), where);
    }

    /** A JSON number, or one of the strings {@code nan}, {@code inf}, {@code -inf}. */
    double value(JsonNode v, String where) {
        if (v != null && v.isNumber()) {
            return v.doubleValue();
        }
        if (v != null && v.isTextual()) {
            switch (v.asText()) {
                case "nan" -> {
                    return Double.NaN;
                }
                case "inf" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-inf" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                }
            }
        }
        throw malformed.apply("\"" + where + "\" must be a number");
    }

    Map<String, Double> numbers(JsonNode node, String where) {
        Map<String, Double> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), value(e.getValue(), where + "." + e.getKey())));
        return out;
    }

    /** A matrix with {@code cols} columns and {@code rows} rows ({@code -1}: any number). */
    double[][] matrix(JsonNode doc, String key, int rows, int cols) {
        JsonNode a = array(doc, key, key);
        if (rows >= 0 && a.size() != rows) {
            throw malformed.apply("\"" + key + "\" must have " + rows + " rows, one per estimated parameter");
        }
        double[][] out = new double[a.size()][cols];
        for (int i = 0; i < a.size(); i++) {
            JsonNode row = a.get(i);
            if (!row.isArray() || row.size() != cols) {
                throw malformed.apply("row " + (i + 1) + " of \"" + key + "\" must hold " + cols + " numbers");
            }
            for (int j = 0; j < cols; j++) {
                out[i][j] = value(row.get(j), key);
            }
        }
        return out;
    }
}
