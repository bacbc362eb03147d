package law.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.expr.Expr;

/**
 * A law: a form over variables with parameters, some of which may have values (a published
 * coefficient set, fixed parameters, or the result of a fit). Immutable; binding parameters
 * gives a new law.
 *
 * @param name         the law's name
 * @param vars         its variables, in call order
 * @param params       every declared parameter still in the body (bound or free), in order
 * @param body         the symbolic body over variables and parameters (ties already substituted)
 * @param values       values of the bound parameters
 * @param doc          documentation, or {@code null}
 * @param cite         citation, or {@code null}
 * @param descriptions documentation of variables and parameters, by name
 * @param fitted       fit results when the law came from a fit, else {@code null}
 * @param aliases      former names of variables that were renamed ({@link #withVariables}), old to new:
 *                     a fit of {@code kaplan_power(N)} has the variable {@code N} and the alias {@code x -> N}
 * @param ties         parameters tied by {@code with} ({@code beta = alpha}) and the expressions that replaced
 *                     them in the body, so {@code compare} can tell that such a law is nested in its base
 */
public record Law(String name, List<String> vars, List<Param> params, Expr body, Map<String, Double> values,
                  String doc, String cite, Map<String, String> descriptions, Fitted fitted,
                  Map<String, String> aliases, Map<String, Expr> ties) {

    public Law {
        vars = List.copyOf(vars);
        params = List.copyOf(params);
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        descriptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
        aliases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(aliases == null ? Map.of() : aliases));
        ties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ties == null ? Map.of() : ties));
    }

    /** A law whose variables have their declared names. */
    public Law(String name, List<String> vars, List<Param> params, Expr body, Map<String, Double> values,
               String doc, String cite, Map<String, String> descriptions, Fitted fitted) {
        this(name, vars, params, body, values, doc, cite, descriptions, fitted, Map.of(), Map.of());
    }

    /**
     * The variable {@code written} names: itself when it is one, else the variable it was renamed
     * to (the form's name still works: {@code x} for a fit of {@code kaplan_power(N)}), else {@code null}.
     */
    public String variable(String written) {
        if (vars.contains(written)) {
            return written;
        }
        String renamed = aliases.get(written);
        return renamed != null && vars.contains(renamed) ? renamed : null;
    }

    /**
     * A copy whose variables are called {@code names} (in order): the body, the descriptions and
     * the aliases follow, and each old name becomes an alias of the new one.
     */
    public Law withVariables(List<String> names) {
        if (names.equals(vars)) {
            return this;
        }
        Map<String, String> renames = new LinkedHashMap<>();
        Map<String, Expr> subst = new LinkedHashMap<>();
        for (int i = 0; i < vars.size(); i++) {
            if (!vars.get(i).equals(names.get(i))) {
                renames.put(vars.get(i), names.get(i));
                subst.put(vars.get(i), Expr.sym(names.get(i)));
            }
        }
        Map<String, String> al = new LinkedHashMap<>();
        aliases.forEach((old, now) -> al.put(old, renames.getOrDefault(now, now)));
        al.putAll(renames);
        al.keySet().removeAll(names);
        Map<String, String> desc = new LinkedHashMap<>();
        descriptions.forEach((k, d) -> desc.put(renames.getOrDefault(k, k), d));
        return new Law(name, names, params, body.substitute(subst), values, doc, cite, desc, fitted, al, ties);
    }

    /** {@code constraints} written in this law's variables: a former variable name becomes the new one. */
    public List<Constraint> speaking(java.util.Collection<Constraint> constraints) {
        Map<String, Expr> subst = new LinkedHashMap<>();
        aliases.forEach((old, now) -> {
            if (!vars.contains(old) && vars.contains(now)) {
                subst.put(old, Expr.sym(now));
            }
        });
        List<Constraint> out = new ArrayList<>();
        for (Constraint c : constraints) {
            boolean touched = c.symbols().stream().anyMatch(subst::containsKey);
            out.add(touched ? new Constraint(c.name(), c.left().substitute(subst), c.right().substitute(subst), c.text())
                    : c);
        }
        return out;
    }

    /** The parameters without a value, in order. */
    public List<Param> freeParams() {
        List<Param> out = new ArrayList<>();
        for (Param p : params) {
            if (!values.containsKey(p.name())) {
                out.add(p);
            }
        }
        return out;
    }

    /** The declared parameter with a name, or {@code null}. */
    public Param param(String paramName) {
        for (Param p : params) {
            if (p.name().equals(paramName)) {
                return p;
            }
        }
        return null;
    }

    /** The body with every bound parameter replaced by its value. */
    public Expr closedBody() {
        Map<String, Expr> subst = new LinkedHashMap<>();
        values.forEach((k, v) -> subst.put(k, Expr.num(v)));
        return subst.isEmpty() ? body : body.substitute(subst);
    }

    /** A copy under another name (for {@code law X = Y with {}} and fits). */
    public Law renamed(String newName) {
        return new Law(newName, vars, params, body, values, doc, cite, descriptions, fitted, aliases, ties);
    }

    /** A copy with more parameter values (and optionally fit results). */
    public Law withValues(String newName, Map<String, Double> more, Fitted fit, String newDoc) {
        Map<String, Double> all = new LinkedHashMap<>(values);
        all.putAll(more);
        return new Law(newName, vars, params, body, all, newDoc != null ? newDoc : doc, cite, descriptions, fit,
                aliases, ties);
    }

    /** The signature as written: {@code chinchilla(N, D)}. */
    public String signature() {
        return name + "(" + String.join(", ", vars.stream().map(law.expr.Printer::name).toList()) + ")";
    }
}
