package law.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import law.eval.Failure;
import law.eval.Render;
import law.model.Noise;

/**
 * The {@code "noise"} of a saved fit: the observation noise prediction intervals add
 * ({@link Noise}), so a loaded fit gives the same prediction intervals as the live one. Optional
 * in {@code law.fit/1}: files written before it load as before, without prediction intervals.
 *
 * <pre>{"log": true, "residuals": [0.012, -0.008, ...] | null, "scale": 0.0103, "dof": 235,
 *  "method": "resampled residuals"}</pre>
 */
final class SavedNoise {
    private SavedNoise() {
    }

    /** The noise as JSON. */
    static ObjectNode json(Noise n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("log", n.log());
        if (n.residuals() == null) {
            o.putNull("residuals");
        } else {
            ArrayNode a = o.putArray("residuals");
            for (double e : n.residuals()) {
                a.add(Render.number(e));
            }
        }
        o.set("scale", Render.number(n.scale()));
        o.put("dof", n.dof());
        o.put("method", n.method());
        return o;
    }

    /** The noise a document's {@code "noise"} holds, or {@code null} when it has none. */
    static Noise read(JsonNode node, Function<String, Failure> malformed) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || !node.path("log").isBoolean() || !node.path("method").isTextual()
                || !node.path("dof").canConvertToInt() || !node.path("dof").isIntegralNumber()) {
            throw malformed.apply("\"noise\" must be {\"log\": true|false, \"residuals\": [...] or null, \"scale\": "
                    + "number, \"dof\": whole number, \"method\": text}");
        }
        double scale = node.path("scale").isNumber() ? node.path("scale").doubleValue() : Double.NaN;
        int dof = node.path("dof").intValue();
        if (!(scale > 0) || !Double.isFinite(scale) || dof < 0) {
            throw malformed.apply("\"noise.scale\" must be a positive number and \"noise.dof\" not negative");
        }
        JsonNode rs = node.get("residuals");
        double[] residuals = null;
        if (rs != null && !rs.isNull()) {
            if (!rs.isArray() || rs.isEmpty()) {
                throw malformed.apply("\"noise.residuals\" must be a list of numbers, or null");
            }
            residuals = new double[rs.size()];
            for (int i = 0; i < residuals.length; i++) {
                if (!rs.get(i).isNumber() || !Double.isFinite(rs.get(i).doubleValue())) {
                    throw malformed.apply("\"noise.residuals\" must hold finite numbers (item " + (i + 1) + ")");
                }
                residuals[i] = rs.get(i).doubleValue();
            }
        }
        return new Noise(node.get("log").booleanValue(), residuals, scale, dof, node.get("method").asText());
    }
}
