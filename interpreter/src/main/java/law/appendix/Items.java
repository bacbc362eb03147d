package law.appendix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import law.report.Fmt;

/** Small helpers the section builders share: items, JSON values, numbers and row lists. */
final class Items {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Items() {
    }

    /** An item of text lines. */
    static Appendix.Item lines(String key, String label, JsonNode json, List<String> lines) {
        return new Appendix.Item(key, label, new Appendix.Lines(lines), json);
    }

    /** An item holding a table. */
    static Appendix.Item grid(String key, String label, JsonNode json, List<String> header, List<List<String>> rows) {
        return new Appendix.Item(key, label, new Appendix.Grid(header, rows), json);
    }

    /** A new JSON object. */
    static ObjectNode object() {
        return JSON.objectNode();
    }

    /** A new JSON array. */
    static ArrayNode array() {
        return JSON.arrayNode();
    }

    /** A number as JSON ({@code "nan"}, {@code "inf"} for the non-finite). */
    static JsonNode number(double x) {
        return law.eval.Render.number(x);
    }

    /** A text as JSON, {@code null} as JSON null. */
    static JsonNode text(String s) {
        return s == null ? JSON.nullNode() : JSON.textNode(s);
    }

    /** A number for people: 6 significant digits ({@code 1.8172}, {@code 4.6767e11}). */
    static String num(double x) {
        return Fmt.num(x, 6);
    }

    /** Row numbers as JSON. */
    static ArrayNode ints(int[] rows) {
        ArrayNode a = array();
        for (int r : rows) {
            a.add(r);
        }
        return a;
    }

    /** Every row number, runs of consecutive numbers as ranges: {@code 12, 40-44, 97}. */
    static String rowList(int[] rows) {
        int[] sorted = rows.clone();
        java.util.Arrays.sort(sorted);
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) {
                j++;
            }
            parts.add(j == i ? String.valueOf(sorted[i]) : sorted[i] + "-" + sorted[j]);
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    /** {@code 1 row}, {@code 5 rows}. */
    static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
