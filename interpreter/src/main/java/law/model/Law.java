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
 */
public record Law(String name, List<String> vars, List<Param> params, Expr body, Map<String, Double> values,
                  String doc, String cite, Map<String, String> descriptions, Fitted fitted) {

    public Law {
        vars = List.copyOf(vars);
        params = List.copyOf(params);
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        descriptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
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
        return new Law(newName, vars, params, body, values, doc, cite, descriptions, fitted);
    }

    /** A copy with more parameter values (and optionally fit results). */
    public Law withValues(String newName, Map<String, Double> more, Fitted fit, String newDoc) {
        Map<String, Double> all = new LinkedHashMap<>(values);
        all.putAll(more);
        return new Law(newName, vars, params, body, all, newDoc != null ? newDoc : doc, cite, descriptions, fit);
    }

    /** The signature as written: {@code chinchilla(N, D)}. */
    public String signature() {
        return name + "(" + String.join(", ", vars) + ")";
    }
}
