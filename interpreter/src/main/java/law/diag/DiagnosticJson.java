package law.diag;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A diagnostic as JSON, the one shape every {@code --json} document gives it ({@code law.output/1}'s
 * and {@code law.report/1}'s {@code diagnostics}): {@code severity}, {@code code}, {@code message},
 * and when present {@code file}, {@code line}, {@code column}, {@code help}, {@code notes}. A class
 * of its own so that {@link Diagnostic} does not load Jackson in a text run.
 */
public final class DiagnosticJson {
    private DiagnosticJson() {
    }

    /** {@code d} as a JSON object; the text is exact (JSON escapes what it must). */
    public static ObjectNode of(Diagnostic d) {
        ObjectNode dn = JsonNodeFactory.instance.objectNode();
        dn.put("severity", d.severity().word());
        dn.put("code", d.code().id());
        dn.put("message", d.message());
        if (d.span() != null) {
            dn.put("file", d.span().source().name());
            dn.put("line", d.span().line());
            dn.put("column", d.span().column());
        }
        if (d.help() != null) {
            dn.put("help", d.help());
        }
        if (!d.notes().isEmpty()) {
            ArrayNode notes = dn.putArray("notes");
            d.notes().forEach(notes::add);
        }
        return dn;
    }

    /** Every diagnostic of {@code all}, in order, as a JSON array. */
    public static ArrayNode array(List<Diagnostic> all) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        all.forEach(d -> out.add(of(d)));
        return out;
    }
}
