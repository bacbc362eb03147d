package law.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import law.diag.Diagnostic;
import law.diag.Renderer;
import law.eval.Result;
import law.report.Version;
import law.session.Outcome;

/**
 * Writes results and diagnostics to the terminal, or collects them as one JSON document. Jackson is
 * touched only in JSON mode: creating its mapper costs a third of a plain run's start-up. Text from
 * a spec or its data is printed with control characters escaped ({@link law.diag.Escape}).
 */
final class Printer {
    /** The version of the JSON document's shape: docs/schema/law.output-1.schema.json. */
    static final String SCHEMA = "law.output/1";

    /** The mapper, created on first use. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Renderer renderer;
    private final boolean json;
    private final boolean showResults;
    private ArrayNode files;

    Printer(PrintStream out, PrintStream err, boolean color, boolean json, boolean showResults) {
        this.out = out;
        this.err = err;
        this.renderer = new Renderer(color);
        this.json = json;
        this.showResults = showResults;
    }

    private boolean spaced;

    /** Prints a result; a multi-line result stands apart from its neighbours by a blank line. */
    void result(Result r) {
        if (!json && showResults) {
            boolean multi = r.text().indexOf('\n') >= 0;
            if (multi && !spaced && printed) {
                out.println();
            }
            out.println(law.diag.Escape.text(r.text()));
            if (multi) {
                out.println();
            }
            spaced = multi;
            printed = true;
        }
    }

    private boolean printed;

    void diagnostic(Diagnostic d) {
        if (!json) {
            err.print(renderer.render(d));
        }
    }

    /** Records a file's outcome for the JSON document. */
    void file(String name, Outcome o) {
        if (!json) {
            return;
        }
        ObjectNode f = files().addObject();
        f.put("file", name);
        ArrayNode results = f.putArray("results");
        for (Result r : o.results()) {
            ObjectNode ro = results.addObject();
            if (!r.span().source().name().equals(name)) {
                ro.put("file", r.span().source().name()); // a file :load-ed by piped input
            }
            ro.put("line", r.span().line());
            ro.put("statement", firstLine(r.span().text()));
            ro.put("kind", r.kind());
            ro.set("value", r.json());
        }
        ArrayNode diags = f.putArray("diagnostics");
        o.diagnostics().forEach(d -> add(diags, d));
        f.put("expectations_passed", o.passed());
        f.put("expectations_failed", o.failed());
        f.put("exit", o.exitCode());
    }

    private static void add(ArrayNode diags, Diagnostic d) {
        diags.add(law.diag.DiagnosticJson.of(d));
    }

    /**
     * Prints a problem with the command line itself, found before any file ran (an unknown option,
     * a bad value): on stderr, or in the JSON document's own {@code diagnostics}.
     */
    void commandLine(Diagnostic d) {
        if (!json) {
            err.print(renderer.render(d));
            return;
        }
        if (commandLine == null) {
            commandLine = JsonNodeFactory.instance.arrayNode();
        }
        add(commandLine, d);
    }

    private ArrayNode commandLine;

    /** Prints the JSON document (in JSON mode). */
    void finish(int exit) {
        if (!json) {
            return;
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("schema", SCHEMA);
        doc.put("law_version", Version.get());
        doc.set("files", files());
        if (commandLine != null) {
            doc.set("diagnostics", commandLine);
        }
        doc.put("exit", exit);
        try {
            out.println(Json.MAPPER.writeValueAsString(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ArrayNode files() {
        if (files == null) {
            files = JsonNodeFactory.instance.arrayNode();
        }
        return files;
    }

    void line(String text) {
        if (!json) {
            out.println(law.diag.Escape.text(text));
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }
}
