package law.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import law.diag.Suggest;
import law.eval.Entry;
import law.eval.Env;
import law.eval.Render;
import law.eval.Value;
import law.model.Constraint;
import law.model.Law;
import law.model.Param;
import law.report.Fmt;

/** The text of {@code :show} (everything defined, by kind) and {@code :doc NAME}. */
final class Describe {
    private Describe() {
    }

    /** Everything defined, grouped by kind in {@link Entry.Kind} order. */
    static String show(Env env) {
        Map<Entry.Kind, List<String>> byKind = new LinkedHashMap<>();
        for (Entry.Kind k : Entry.Kind.values()) {
            byKind.put(k, new ArrayList<>());
        }
        for (Entry e : env.entries()) {
            if (e.kind() != Entry.Kind.CONSTRAINT) {
                byKind.get(e.kind()).add(brief(e));
            }
        }
        for (Constraint c : env.constraints()) {
            byKind.get(Entry.Kind.CONSTRAINT).add((c.name() == null ? "" : c.name() + ": ") + c.text());
        }
        StringBuilder out = new StringBuilder();
        byKind.forEach((kind, items) -> {
            if (!items.isEmpty()) {
                out.append(heading(kind)).append('\n');
                items.forEach(i -> out.append("  ").append(i).append('\n'));
            }
        });
        return out.isEmpty() ? "nothing is defined yet\n" : out.toString();
    }

    private static String heading(Entry.Kind kind) {
        return switch (kind) {
            case LAW -> "laws:";
            case FIT -> "fits:";
            case DATA -> "data:";
            case LET -> "constants:";
            case CONSTRAINT -> "constraints:";
            case RESULT -> "results:";
        };
    }

    private static String brief(Entry e) {
        Value v = e.value();
        if (v instanceof Value.LawRef ref) {
            Law law = ref.law();
            String free = String.join(", ", law.freeParams().stream().map(Param::name).toList());
            return law.signature() + (free.isEmpty() ? "" : "  free: " + free) + firstLine(e.doc());
        }
        if (v instanceof Value.Scalar || v instanceof Value.Text) {
            return e.name() + " = " + Render.text(v) + firstLine(e.doc());
        }
        return e.name() + "  (" + v.kindName() + ")" + firstLine(e.doc());
    }

    private static String firstLine(String doc) {
        if (doc == null || doc.isBlank()) {
            return "";
        }
        String line = doc.strip().split("\n")[0];
        return "  # " + (line.length() > 48 ? line.substring(0, 47) + "…" : line);
    }

    /** The documentation of a name: a law's doc, citation, variables and parameters. */
    static String doc(Env env, String name) {
        Entry e = env.get(name);
        if (e == null) {
            String near = Suggest.closest(name, env.names());
            return "'" + name + "' is not defined" + (near == null ? "" : "; did you mean '" + near + "'?") + "\n";
        }
        StringBuilder out = new StringBuilder();
        Value v = e.value();
        Law law = v instanceof Value.LawRef ref ? ref.law() : null;
        String doc = e.doc() != null ? e.doc() : law != null ? law.doc() : null;
        out.append(e.kind().name().toLowerCase(Locale.ROOT)).append(' ')
                .append(law != null ? law.signature() : e.name()).append('\n');
        if (doc != null && !doc.isBlank()) {
            doc.strip().lines().forEach(l -> out.append("  ").append(l.strip()).append('\n'));
        }
        if (law == null) {
            out.append("  = ").append(Render.text(v).replace("\n", "\n    ")).append('\n');
            return out.toString();
        }
        if (law.cite() != null) {
            out.append("  cite: ").append(law.cite()).append('\n');
        }
        for (String var : law.vars()) {
            List<String> also = law.aliases().entrySet().stream().filter(a -> a.getValue().equals(var))
                    .map(Map.Entry::getKey).toList();
            out.append("  ").append(var).append(": variable")
                    .append(also.isEmpty() ? "" : " (the form's " + String.join(", ", also) + ")")
                    .append(describe(law.descriptions().get(var))).append('\n');
        }
        for (Param p : law.params()) {
            Double value = law.values().get(p.name());
            String domain = p.domain().describe();
            String d = p.doc() != null ? p.doc() : law.descriptions().get(p.name());
            out.append("  ").append(p.name()).append(": parameter")
                    .append(value != null ? " = " + Fmt.num(value) : "")
                    .append(domain.isEmpty() ? "" : ", " + domain).append(describe(d)).append('\n');
        }
        return out.toString();
    }

    /** What a {@code data} statement kept, as {@code print NAME} begins: source, rows loaded, dropped, kept. */
    static law.eval.Result kept(law.ast.Stmt.Data s, Entry e) {
        law.data.Table t = ((law.dataset.Dataset) e.value()).table();
        String text = "data " + e.name() + "\n" + law.data.TableSummary.rowsKept(t) + "columns: "
                + String.join(", ", t.columnNames()) + "   (print " + e.name() + " for their ranges and the first rows)";
        com.fasterxml.jackson.databind.node.ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode().put("name", e.name()).put("source", t.source()).put("rows_loaded", t.loadedRows())
                .put("rows_kept", t.rowCount());
        return new law.eval.Result(s.span(), "data", text, json);
    }

    private static String describe(String text) {
        return text == null || text.isBlank() ? "" : " — " + text.strip();
    }
}
