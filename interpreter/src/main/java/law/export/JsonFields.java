package law.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
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

    /** The field {@code key} of {@code node}, present and not null; {@code where} is its JSON path. */
    JsonNode field(JsonNode node, String key, String where) {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || v.isNull()) {
            throw malformed.apply("\"" + where + "\" is missing");
        }
        return v;
    }

    /** The field, present and of the type {@code is} tests ({@code what}: "a string"). */
    private JsonNode typed(JsonNode node, String key, String where, Predicate<JsonNode> is, String what) {
        JsonNode v = field(node, key, where);
        if (!is.test(v)) {
            throw malformed.apply("\"" + where + "\" must be " + what);
        }
        return v;
    }

    String text(JsonNode node, String key, String where) {
        return typed(node, key, where, JsonNode::isTextual, "a string").asText();
    }

    /** The field's text, or null when it is missing or not a string. */
    static String optionalText(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    JsonNode object(JsonNode node, String key, String where) {
        return typed(node, key, where, JsonNode::isObject, "an object");
    }

    JsonNode array(JsonNode node, String key, String where) {
        return typed(node, key, where, JsonNode::isArray, "an array");
    }

    /** The boolean {@code where.key}. */
    boolean bool(JsonNode node, String key, String where) {
        return typed(node, key, where + "." + key, JsonNode::isBoolean, "true or false").asBoolean();
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
