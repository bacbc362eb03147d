package law.lsp;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import law.ast.Ident;
import law.ast.LawItem;
import law.ast.Stmt;
import law.eval.Entry;
import law.eval.Env;
import law.eval.Pending;
import law.eval.Render;
import law.eval.Value;
import law.expr.Builtin;
import law.model.Law;
import law.model.Param;
import law.report.Fmt;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hover text: what {@code print} shows for a law (doc, formula, parameters with values and
 * domains, citation), a dataset (rows, per-column min/median/max) or a constant; a parameter's
 * domain and description; a builtin's arity. A fit is not run as you type: its values come from
 * the last {@code law check} run the client asked for, marked stale when the text has changed.
 */
final class Hovers {
    /**
     * The definitions of a full (not check-mode) run of a document.
     *
     * @param text the text that was run
     * @param env  its definitions
     * @param at   when it ran
     */
    record Run(String text, Env env, LocalTime at) {
    }

    private Hovers() {
    }

    static Hover at(Analysis a, int offset, Run run) {
        Occurrence o = Occurrence.at(Occurrence.all(a.program()), offset);
        if (o == null) {
            return null;
        }
        String text = o.local() ? local(o) : global(a, o.ident().text(), run);
        if (text == null) {
            return null;
        }
        Hover h = new Hover(new MarkupContent(MarkupKind.MARKDOWN, text));
        h.setRange(Positions.range(o.ident().span()));
        return h;
    }

    private static String local(Occurrence o) {
        Stmt.LawForm law = o.law();
        String name = o.ident().text();
        if (law.vars().stream().anyMatch(v -> v.text().equals(name))) {
            String doc = describe(law, name);
            return "variable `" + name + "` of `" + law.name().text() + "`" + (doc == null ? "" : ": " + doc);
        }
        StringBuilder b = new StringBuilder("parameter `" + name + "` of `" + law.name().text() + "`");
        for (LawItem item : law.items()) {
            Ident id = Occurrence.declared(item);
            if (id != null && id.text().equals(name) && !(item instanceof LawItem.Describe)) {
                b.append("\n\n`").append(item.span().text()).append('`');
            }
        }
        String doc = describe(law, name);
        return doc == null ? b.toString() : b.append("\n\n").append(doc).toString();
    }

    private static String describe(Stmt.LawForm law, String name) {
        for (LawItem item : law.items()) {
            if (item instanceof LawItem.Describe d && d.name().text().equals(name)) {
                return d.text();
            }
        }
        return null;
    }

    private static String global(Analysis a, String name, Run run) {
        if (a.env().pendingAt(name) != null) {
            return pending(a, name, run);
        }
        Entry e;
        try {
            e = a.env().get(name);
        } catch (Pending p) {
            e = null;
        }
        if (e != null) {
            return entry(e);
        }
        Builtin b = Builtin.byName(name).orElse(null);
        if (b != null && b.inLanguage()) {
            return "builtin function `" + b.symbol() + "` (" + b.arityText() + " argument" + (b.maxArity() == 1 ? "" : "s") + ")";
        }
        return null;
    }

    private static String entry(Entry e) {
        StringBuilder b = new StringBuilder();
        String shown = Render.text(e.value()).stripTrailing();
        String head = switch (e.kind()) {
            case LET -> "let " + e.name() + " = ";
            case CONSTRAINT -> "constraint " + e.name() + ": ";
            default -> "";
        };
        b.append("```text\n").append(head).append(shown).append("\n```");
        if (e.doc() != null && !shown.contains(e.doc().lines().findFirst().orElse(""))) {
            b.append("\n\n").append(e.doc());
        }
        if (e.value() instanceof Value.LawRef l) {
            params(l.law(), b);
        }
        if (e.span() != null && e.span().source().path() == null && e.span().source().name().startsWith("<stdlib>")) {
            b.append("\n\nfrom the stdlib: `").append(e.span().source().name().substring(9)).append('`');
        }
        return b.toString();
    }

    private static void params(Law law, StringBuilder b) {
        if (law.fitted() != null || law.params().isEmpty()) {
            return;
        }
        b.append("\n\n| parameter | value | domain |\n|---|---|---|");
        for (Param p : law.params()) {
            Double v = law.values().get(p.name());
            b.append("\n| `").append(p.name()).append("` | ").append(v == null ? "free" : Fmt.num(v))
                    .append(" | ").append(p.domain().describe()).append(" |");
        }
    }

    private static String pending(Analysis a, String name, Run run) {
        if (run != null) {
            try {
                Entry e = run.env().get(name);
                if (e != null) {
                    boolean stale = !run.text().equals(a.document().text());
                    return entry(e) + "\n\n*from the `law check` run at " + run.at().truncatedTo(ChronoUnit.SECONDS)
                            + (stale ? "; the file has changed since, so these values may be stale" : "") + "*";
                }
            } catch (Pending p) {
                // the run was itself a check: nothing to show
            }
        }
        return "`" + name + "` is computed when the file runs, not while you type: run **law check** "
                + "(the command *Law: Run check*, or `law check FILE`) to see its values here.";
    }
}
