package law.fit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import law.ast.Expr;
import law.data.Table;
import law.expr.Builtin;
import law.model.Law;
import law.model.Param;

/**
 * The names a fitted law's variables take: a fit made from columns answers in those columns'
 * names. {@code fit kap = kaplan_power(N) ~ L in runs} gives a law whose variable is {@code N}
 * (the form calls it {@code x}; {@code x} stays accepted as an alias, see {@link Law#variable}).
 *
 * <p>An argument is renamed only when it is a plain column name of the fitted data that is not a
 * parameter of the law, not a builtin, and not the name another variable keeps; otherwise (an
 * expression such as {@code 6 * N}, a constant, a clash) the variable keeps the form's name.
 */
final class BoundNames {
    private BoundNames() {
    }

    /** The variable names for a fit of {@code form} called as {@code call} on {@code table}. */
    static List<String> of(Law form, Expr.Call call, Table table) {
        Set<String> taken = new HashSet<>();
        for (Param p : form.params()) {
            taken.add(p.name());
        }
        for (Builtin b : Builtin.values()) {
            taken.add(b.symbol());
        }
        taken.addAll(List.of("pi", "inf"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < form.vars().size(); i++) {
            Expr arg = call.args().get(i).value();
            String column = arg instanceof Expr.Name n && !call.args().get(i).named() && table.hasColumn(n.text())
                    ? n.text() : null;
            names.add(column != null && !taken.contains(column) ? column : form.vars().get(i));
        }
        // a name used twice (f(N, N), or a renamed variable meeting one that kept its name) reverts to the form's
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                if (!n.equals(form.vars().get(i)) && names.indexOf(n) != names.lastIndexOf(n)) {
                    names.set(i, form.vars().get(i));
                    changed = true;
                }
            }
        }
        return names;
    }
}
