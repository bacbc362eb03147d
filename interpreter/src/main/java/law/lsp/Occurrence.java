package law.lsp;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import law.ast.Expr;
import law.ast.Ident;
import law.ast.LawItem;
import law.ast.Program;
import law.ast.Stmt;

/**
 * A name written in a document that defines or refers to a top-level definition (a law, let,
 * constraint, dataset, fit or IsoFLOP analysis), or to a variable or parameter of the law it is in.
 *
 * @param ident      the name as written
 * @param definition whether it is the defining occurrence
 * @param law        the {@code law NAME(VARS) = ...} statement it stands in, or {@code null}
 */
record Occurrence(Ident ident, boolean definition, Stmt.LawForm law) {

    /** Components of type {@link Ident} that refer to a top-level name. */
    private static final Set<String> REFERS = Set.of("data", "law", "base", "callee");

    /** Every occurrence in a program, in order. */
    static List<Occurrence> all(Program program) {
        List<Occurrence> out = new ArrayList<>();
        for (Stmt s : program.statements()) {
            Stmt.LawForm law = s instanceof Stmt.LawForm l ? l : null;
            walk(s, law, true, out);
        }
        return out;
    }

    /** The occurrence at an offset, or {@code null}. */
    static Occurrence at(List<Occurrence> all, int offset) {
        for (Occurrence o : all) {
            if (Positions.touches(o.ident().span(), offset)) {
                return o;
            }
        }
        return null;
    }

    /** True when the name is a variable or parameter of the law it stands in (not a top-level name). */
    boolean local() {
        return law != null && localNames(law).contains(ident.text()) && !(definition && law.name() == ident);
    }

    /** The variables and parameters a law statement declares. */
    static List<Ident> locals(Stmt.LawForm law) {
        List<Ident> out = new ArrayList<>(law.vars());
        for (LawItem item : law.items()) {
            Ident p = declared(item);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** The parameter (or local let) a law block item is about, or {@code null} for a citation. */
    static Ident declared(LawItem item) {
        return item instanceof LawItem.Bound b ? b.param() : item instanceof LawItem.In i ? i.param()
                : item instanceof LawItem.Assign a ? a.param() : item instanceof LawItem.Declare d ? d.param()
                : item instanceof LawItem.Describe d ? d.name() : item instanceof LawItem.LocalLet l ? l.name() : null;
    }

    private static Set<String> localNames(Stmt.LawForm law) {
        Set<String> out = new java.util.HashSet<>();
        locals(law).forEach(i -> out.add(i.text()));
        return out;
    }

    private static void walk(Object node, Stmt.LawForm law, boolean top, List<Occurrence> out) {
        if (node instanceof List<?> list) {
            list.forEach(x -> walk(x, law, false, out));
            return;
        }
        if (node == null || !node.getClass().isRecord() || !node.getClass().getPackageName().equals("law.ast")) {
            return;
        }
        if (node instanceof Expr.Name n) {
            out.add(new Occurrence(n.name(), false, law));
            return;
        }
        for (RecordComponent c : node.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (v instanceof Ident id) {
                boolean def = top && c.getName().equals("name") && node instanceof Stmt;
                if (def || REFERS.contains(c.getName())) {
                    out.add(new Occurrence(id, def, law));
                } else if (law != null && node instanceof LawItem) {
                    out.add(new Occurrence(id, false, law));
                } else if (law != null && node == law && c.getName().equals("vars")) {
                    out.add(new Occurrence(id, false, law));
                }
            } else if (law == node && c.getName().equals("vars") && v instanceof List<?> vars) {
                vars.forEach(x -> out.add(new Occurrence((Ident) x, false, law)));
            } else {
                walk(v, law, false, out);
            }
        }
    }
}
