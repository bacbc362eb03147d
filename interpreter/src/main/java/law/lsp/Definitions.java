package law.lsp;

import law.ast.Ident;
import law.ast.Program;
import law.ast.Stmt;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.diag.Span;
import law.eval.Entry;
import law.eval.Pending;
import law.syntax.SpecParser;

/** Where the name an occurrence stands for is defined: in the document, a used file or the stdlib. */
final class Definitions {
    private Definitions() {
    }

    /** The defining name's span, or {@code null} when the name is not defined anywhere known. */
    static Span of(Analysis a, Occurrence o) {
        if (o.local()) {
            for (Ident id : Occurrence.locals(o.law())) {
                if (id.text().equals(o.ident().text())) {
                    return id.span();
                }
            }
        }
        if (o.definition()) {
            return o.ident().span();
        }
        Span here = defined(a.program(), o.ident().text());
        return here != null ? here : elsewhere(a, o.ident().text());
    }

    /** The span of a top-level definition of {@code name} in a program, or {@code null}. */
    static Span defined(Program p, String name) {
        for (Stmt s : p.statements()) {
            if (name.equals(s.definedName())) {
                return nameOf(s);
            }
        }
        return null;
    }

    /** The definition the session knows for a name (from a used file or the stdlib), as its name's span. */
    static Span elsewhere(Analysis a, String name) {
        Span at = a.env().pendingAt(name);
        if (at == null) {
            try {
                Entry e = a.env().get(name);
                at = e == null ? null : e.span();
            } catch (Pending p) {
                at = null;
            }
        }
        if (at == null || at.source() == a.source()) {
            return at;
        }
        Span named = defined(SpecParser.parse(at.source(), new Diagnostics()), name);
        return named != null ? named : at;
    }

    /** The span of the name a statement defines. */
    static Span nameOf(Stmt s) {
        Ident id = s instanceof Stmt.LawForm l ? l.name() : s instanceof Stmt.LawWith l ? l.name()
                : s instanceof Stmt.Let l ? l.name() : s instanceof Stmt.Data d ? d.name() : s instanceof Stmt.Fit f
                ? f.name() : s instanceof Stmt.Isoflop i ? i.name() : s instanceof Stmt.Constraint c ? c.name() : null;
        return id != null ? id.span() : s.span();
    }

    /** True when two spans are the same place in the same source (sources read twice count as one). */
    static boolean same(Span a, Span b) {
        if (a == null || b == null || a.start() != b.start()) {
            return false;
        }
        SourceFile x = a.source();
        SourceFile y = b.source();
        return x == y || x.name().equals(y.name()) && (x.path() == null) == (y.path() == null);
    }
}
