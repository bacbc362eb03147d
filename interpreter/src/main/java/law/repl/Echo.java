package law.repl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import law.diag.Diagnostic;
import law.diag.Renderer;
import law.eval.Result;

/** Prints what an entry produced: results as text (or one JSON object a line), diagnostics rendered. */
final class Echo {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PrintWriter out;
    private final Renderer renderer;
    private volatile boolean json;

    Echo(PrintWriter out, boolean color, boolean json) {
        this.out = out;
        this.renderer = new Renderer(color);
        this.json = json;
    }

    void result(Result r) {
        if (json) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("kind", r.kind());
            o.set("value", r.json());
            try {
                out.println(MAPPER.writeValueAsString(o));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                out.println(law.diag.Escape.text(r.text()));
            }
        } else {
            out.println(law.diag.Escape.text(r.text()));
        }
        out.flush();
    }

    void diagnostic(Diagnostic d) {
        out.print(renderer.render(d));
        out.flush();
    }

    void json(boolean on) {
        json = on;
    }

    boolean json() {
        return json;
    }
}
