package law.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import law.model.Law;
import law.model.Param;

/** The fields {@code x.field} can read from each kind of value. */
final class Members {
    private Members() {
    }

    static Map<String, Value> fields(Value v) {
        if (v instanceof Value.LawRef l) {
            return lawFields(l.law());
        } else if (v instanceof Value.Rec r) {
            return r.fields();
        } else if (v instanceof Value.Other o) {
            return o.fields();
        }
        return Map.of();
    }

    /**
     * A law's bound parameters; for a fitted parameter a record whose value is the estimate and
     * whose other fields ({@code se}, {@code ci_low}, ...) come from the fit; the fit's
     * {@link AttachedFields} (its table of optima); and its statistics.
     */
    static Map<String, Value> lawFields(Law law) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Param p : law.params()) {
            Double value = law.values().get(p.name());
            if (value == null) {
                continue;
            }
            Map<String, Double> extra = law.fitted() == null ? Map.of() : law.fitted().paramFields(p.name());
            if (extra.isEmpty()) {
                out.put(p.name(), Value.Scalar.of(value));
            } else {
                Map<String, Value> fields = new LinkedHashMap<>();
                fields.put("value", Value.Scalar.of(value));
                extra.forEach((k, x) -> fields.put(k, Value.Scalar.of(x)));
                out.put(p.name(), new Value.Rec("parameter", fields, "value"));
            }
        }
        if (law.fitted() instanceof AttachedFields a) {
            a.attachedFields().forEach(out::putIfAbsent);
        }
        if (law.fitted() != null) {
            law.fitted().stats().forEach((k, x) -> out.putIfAbsent(k, Value.Scalar.of(x)));
        }
        return out;
    }
}
