package law.stdlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import law.diag.SourceFile;
import law.eval.Entry;
import law.eval.Modules;
import law.eval.Value;
import law.model.Law;
import law.model.Param;
import law.report.Fmt;
import law.session.Session;

/**
 * The documentation of the stdlib modules, read from the modules themselves: one entry per name a
 * module defines (laws, coefficient sets, rules, constants, constraints), for {@code law doc NAME}
 * and for the generated reference {@code docs/stdlib.md} ({@code law doc --markdown > docs/stdlib.md}).
 * A <em>rule</em> is a qualitative finding a paper states without a formula: a {@code let} whose
 * value is the rule's text, documented like a law; the computable pieces it names are laws.
 */
public final class StdlibDoc {

    /**
     * A name defined by a stdlib module.
     *
     * @param module the module that defines it
     * @param entry  its definition
     */
    public record Item(String module, Entry entry) {
    }

    private StdlibDoc() {
    }

    /** Every name defined by every stdlib module, module by module, in order of definition. */
    public static List<Item> items() {
        List<Item> out = new ArrayList<>();
        for (String module : Modules.stdlibModules()) {
            Session session = new Session();
            session.run("<doc>", "use " + module);
            for (Entry e : session.env().entries()) {
                if (e.span() != null && e.span().source() != null
                        && e.span().source().name().equals("<stdlib>/" + module + ".law")) {
                    out.add(new Item(module, e));
                }
            }
        }
        return out;
    }

    /** The modules another module loads with {@code use}. */
    public static List<String> usedBy(String module) {
        SourceFile src = Modules.stdlib(module);
        List<String> out = new ArrayList<>();
        if (src != null) {
            for (String line : src.text().split("\n")) {
                if (line.startsWith("use ")) {
                    out.add(line.substring(4).trim());
                }
            }
        }
        return out;
    }

    /** The items of every module with this name (normally one), for {@code law doc NAME}. */
    public static List<Item> find(String name) {
        return items().stream().filter(i -> i.entry().name().equals(name)).toList();
    }

    /** Whether an item is a qualitative rule: a {@code let} whose value is text. */
    public static boolean isRule(Entry e) {
        return e.kind() == Entry.Kind.LET && e.value() instanceof Value.Text;
    }

    /** Plain-text documentation of one item: signature, documentation, variables, parameters, citation. */
    public static String text(Item item) {
        StringBuilder out = new StringBuilder();
        Entry e = item.entry();
        if (isRule(e)) {
            out.append("rule ").append(e.name()).append("    (use ").append(item.module()).append(")\n")
                    .append("  qualitative: the paper states a rule, not a fitted formula; what can be computed\n")
                    .append("  is named below\n")
                    .append("  \"").append(((Value.Text) e.value()).text()).append("\"\n");
            appendDoc(out, e.doc(), "  ");
        } else if (e.value() instanceof Value.LawRef ref) {
            Law law = ref.law();
            out.append("law ").append(law.signature()).append("    (use ").append(item.module()).append(")\n");
            appendDoc(out, law.doc(), "  ");
            for (String v : law.vars()) {
                String d = law.descriptions().get(v);
                out.append("  ").append(v).append(": ").append(d != null ? d : "(undocumented)").append('\n');
            }
            for (Param p : law.params()) {
                Double v = law.values().get(p.name());
                out.append("  param ").append(p.name())
                        .append(v != null ? " = " + Fmt.num(v) : " " + p.domain().describe()).append(
                                p.doc() != null ? "    " + p.doc() : "").append('\n');
            }
            if (law.cite() != null) {
                out.append("  cite: ").append(law.cite()).append('\n');
            }
        } else {
            out.append(e.kind().name().toLowerCase()).append(' ').append(e.name()).append("    (use ")
                    .append(item.module()).append(")\n");
            appendDoc(out, e.doc(), "  ");
            if (e.value() instanceof Value.Scalar s && s.isNumber()) {
                out.append("  = ").append(Fmt.num(s.number())).append('\n');
            }
        }
        return out.toString();
    }

    private static void appendDoc(StringBuilder out, String doc, String indent) {
        if (doc != null) {
            for (String line : doc.split("\n")) {
                out.append(indent).append(line).append('\n');
            }
        }
    }

    /** The Markdown reference of the whole stdlib, as committed in {@code docs/stdlib.md}. */
    public static String markdown() {
        List<Item> all = items();
        StringBuilder out = new StringBuilder();
        out.append("# The standard library\n\n")
                .append("<!-- Generated from stdlib/*.law by law.stdlib.StdlibDoc; do not edit. -->\n")
                .append("<!-- Regenerate with: ./law doc --markdown > docs/stdlib.md -->\n\n")
                .append("Load a module with `use NAME`; `law doc NAME` prints the documentation of one law. ")
                .append("A *form* has free parameters for you to fit; a *set* binds a published coefficient set; ")
                .append("a *rule* is a qualitative finding, documented with what of it can be computed.\n\n")
                .append("| Module | Forms (free parameters) | Published coefficients | Rules (qualitative) |\n")
                .append("|---|---|---|---|\n");
        for (String module : Modules.stdlibModules()) {
            List<String> forms = new ArrayList<>();
            List<String> sets = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            for (Item i : all) {
                if (!i.module().equals(module)) {
                    continue;
                }
                if (i.entry().value() instanceof Value.LawRef l) {
                    (isSet(l.law()) ? sets : forms).add("`" + i.entry().name() + "`");
                } else if (isRule(i.entry())) {
                    rules.add("`" + i.entry().name() + "`");
                }
            }
            out.append("| [`").append(module).append("`](#").append(module).append(") | ")
                    .append(String.join(", ", forms)).append(" | ").append(String.join(", ", sets)).append(" | ")
                    .append(String.join(", ", rules)).append(" |\n");
        }
        out.append('\n').append(Survey.markdown());
        for (String module : Modules.stdlibModules()) {
            out.append("\n## ").append(module).append("\n\n");
            String header = header(module);
            if (!header.isEmpty()) {
                out.append(header).append("\n\n");
            }
            List<String> uses = usedBy(module);
            if (!uses.isEmpty()) {
                out.append("Loads: ").append(String.join(", ", uses.stream().map(u -> "`" + u + "`").toList()))
                        .append(".\n\n");
            }
            for (Item i : all) {
                if (i.module().equals(module)) {
                    section(out, i.entry());
                }
            }
        }
        return out.toString();
    }

    private static boolean isSet(Law law) {
        return law.freeParams().isEmpty();
    }

    private static void section(StringBuilder out, Entry e) {
        if (e.value() instanceof Value.LawRef ref) {
            Law law = ref.law();
            out.append("### `").append(law.signature()).append("`").append(isSet(law) ? " (set)" : "").append("\n\n");
            if (law.doc() != null) {
                out.append(law.doc().replace("\n", " ")).append("\n\n");
            }
            out.append("`").append(law.body().toString()).append("`\n\n");
            out.append("| Name | Meaning | Value or domain |\n|---|---|---|\n");
            for (String v : law.vars()) {
                out.append("| `").append(v).append("` | ").append(cell(law.descriptions().get(v)))
                        .append(" | variable |\n");
            }
            for (Param p : law.params()) {
                Double v = law.values().get(p.name());
                out.append("| `").append(p.name()).append("` | ").append(cell(p.doc())).append(" | ")
                        .append(v != null ? Fmt.num(v) : cell(p.domain().describe().isEmpty() ? "any"
                                : p.domain().describe())).append(" |\n");
            }
            out.append('\n');
            if (law.cite() != null) {
                out.append("Source: ").append(law.cite()).append("\n\n");
            }
        } else if (isRule(e)) {
            out.append("### `").append(e.name()).append("` (rule)\n\n")
                    .append("> ").append(((Value.Text) e.value()).text()).append("\n\n");
            if (e.doc() != null) {
                out.append(e.doc().replace("\n", " ")).append("\n\n");
            }
        } else {
            out.append("### `").append(e.name()).append("` (").append(e.kind().name().toLowerCase()).append(")\n\n");
            if (e.doc() != null) {
                out.append(e.doc().replace("\n", " ")).append("\n\n");
            }
            if (e.value() instanceof Value.Scalar s && s.isNumber()) {
                out.append("Value: ").append(Fmt.num(s.number())).append("\n\n");
            } else if (e.span() != null) {
                out.append("`").append(e.span().text().trim()).append("`\n\n");
            }
        }
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    /** The comment block at the top of a module, as one paragraph. */
    private static String header(String module) {
        SourceFile src = Modules.stdlib(module);
        StringBuilder out = new StringBuilder();
        if (src != null) {
            for (String line : src.text().split("\n")) {
                if (!line.startsWith("#") || line.startsWith("##")) {
                    break;
                }
                out.append(out.length() == 0 ? "" : " ").append(line.substring(1).trim());
            }
        }
        return out.toString();
    }

    /** Writes the Markdown reference to the file given as the first argument, or to standard output. */
    public static void main(String[] args) throws IOException {
        String md = markdown();
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), md, StandardCharsets.UTF_8);
        } else {
            System.out.print(md);
        }
    }
}
