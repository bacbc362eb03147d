package law.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.DataClause;
import law.ast.Ident;
import law.ast.LawItem;
import law.ast.Option;
import law.ast.Stmt;
import law.diag.Span;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/** Definitions, references, rename and the outline. */
final class Navigation {
    private final Uris uris;

    Navigation(Uris uris) {
        this.uris = uris;
    }

    Location location(Span span) {
        String uri = uris.of(span.source());
        return uri == null ? null : new Location(uri, Positions.range(span));
    }

    /** Where the name at {@code offset} is defined. */
    List<Location> definition(Analysis a, int offset) {
        Occurrence o = Occurrence.at(Occurrence.all(a.program()), offset);
        if (o == null) {
            Stmt.Use use = useAt(a, offset);
            if (use != null && !use.path()) {
                return List.of(new Location(uris.stdlib(use.target()), Positions.range(a.source(), 0, 0)));
            }
            return List.of();
        }
        Span def = Definitions.of(a, o);
        Location l = def == null ? null : location(def);
        return l == null ? List.of() : List.of(l);
    }

    private static Stmt.Use useAt(Analysis a, int offset) {
        for (Stmt s : a.program().statements()) {
            if (s instanceof Stmt.Use u && Positions.touches(u.span(), offset)) {
                return u;
            }
        }
        return null;
    }

    /** Every occurrence, in the given analyses, of what the name at {@code offset} stands for. */
    List<Location> references(Analysis a, int offset, List<Analysis> open, boolean withDefinition) {
        List<Occurrence> here = Occurrence.all(a.program());
        Occurrence o = Occurrence.at(here, offset);
        if (o == null) {
            return List.of();
        }
        Span def = Definitions.of(a, o);
        List<Location> out = new ArrayList<>();
        List<Analysis> all = new ArrayList<>(List.of(a));
        if (!o.local()) {
            open.stream().filter(x -> x.document() != a.document()
                    && !x.document().uri().equals(a.document().uri())).forEach(all::add);
        }
        for (Analysis x : all) {
            for (Occurrence y : Occurrence.all(x.program())) {
                if (!y.ident().text().equals(o.ident().text()) || y.local() != o.local()
                        || (!withDefinition && y.definition())) {
                    continue;
                }
                if (Definitions.same(Definitions.of(x, y), def) || (def == null && x == a)) {
                    Location l = location(y.ident().span());
                    if (l != null) {
                        out.add(l);
                    }
                }
            }
        }
        if (withDefinition && def != null && def.source() != a.source() && all.stream().noneMatch(x -> x.source() == def.source())) {
            Location l = location(def);
            if (l != null) {
                out.add(0, l);
            }
        }
        return out;
    }

    /** The edits renaming what the name at {@code offset} stands for, in this document; {@code null} when it is not defined here. */
    WorkspaceEdit rename(Analysis a, int offset, String newName) {
        Occurrence o = Occurrence.at(Occurrence.all(a.program()), offset);
        if (o == null) {
            return null;
        }
        Span def = Definitions.of(a, o);
        if (def == null || def.source() != a.source()) {
            return null;
        }
        String text = Names.quoted(newName);
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        for (Location l : references(a, offset, List.of(), true)) {
            changes.computeIfAbsent(l.getUri(), k -> new ArrayList<>()).add(new TextEdit(l.getRange(), text));
        }
        return new WorkspaceEdit(changes);
    }

    /** The outline: one symbol per definition, with its variables, parameters, columns or options. */
    static List<DocumentSymbol> outline(Analysis a) {
        List<DocumentSymbol> out = new ArrayList<>();
        for (Stmt s : a.program().statements()) {
            if (s.definedName() == null) {
                continue;
            }
            List<DocumentSymbol> children = new ArrayList<>();
            if (s instanceof Stmt.LawForm l) {
                l.vars().forEach(v -> children.add(symbol(a, v, "variable", SymbolKind.Variable, v.span())));
                for (LawItem item : l.items()) {
                    Ident id = Occurrence.declared(item);
                    if (id != null && children.stream().noneMatch(c -> c.getName().equals(id.text()))) {
                        children.add(symbol(a, id, "parameter", SymbolKind.Field, item.span()));
                    }
                }
            } else if (s instanceof Stmt.Data d) {
                for (DataClause c : d.clauses()) {
                    if (c instanceof DataClause.Column col) {
                        children.add(symbol(a, col.name(), "column", SymbolKind.Field, col.span()));
                    }
                }
            } else if (s instanceof Stmt.Fit f) {
                for (Option opt : f.options()) {
                    if (opt instanceof Option.Value v) {
                        children.add(symbol(a, v.name(), "option", SymbolKind.Property, v.span()));
                    }
                }
            }
            Span name = Definitions.nameOf(s);
            DocumentSymbol sym = new DocumentSymbol(s.definedName(), kind(s), Positions.range(s.span()),
                    Positions.range(name), detail(s));
            sym.setChildren(children);
            out.add(sym);
        }
        return out;
    }

    private static DocumentSymbol symbol(Analysis a, Ident id, String detail, SymbolKind kind, Span whole) {
        return new DocumentSymbol(id.text(), kind, Positions.range(whole.to(id.span())), Positions.range(id.span()), detail);
    }

    private static SymbolKind kind(Stmt s) {
        return s instanceof Stmt.LawForm || s instanceof Stmt.LawWith ? SymbolKind.Function
                : s instanceof Stmt.Data ? SymbolKind.Struct : s instanceof Stmt.Fit || s instanceof Stmt.Isoflop
                ? SymbolKind.Object : s instanceof Stmt.Let ? SymbolKind.Constant : SymbolKind.Property;
    }

    private static String detail(Stmt s) {
        return s instanceof Stmt.LawForm || s instanceof Stmt.LawWith ? "law" : s instanceof Stmt.Data ? "data"
                : s instanceof Stmt.Fit ? "fit" : s instanceof Stmt.Isoflop ? "isoflop" : s instanceof Stmt.Let ? "let"
                : "constraint";
    }
}
