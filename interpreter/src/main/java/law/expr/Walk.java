package law.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plain recursive walks over an expression tree: symbols, substitution, scalar evaluation. */
final class Walk {
    private Walk() {
    }

    /** The direct children of a node, in canonical order. */
    static List<Expr> children(Expr e) {
        if (e instanceof Expr.Sum s) {
            return s.terms();
        } else if (e instanceof Expr.Product p) {
            return p.factors();
        } else if (e instanceof Expr.Pow p) {
            return List.of(p.base(), p.exponent());
        } else if (e instanceof Expr.Call c) {
            return c.args();
        } else if (e instanceof Expr.Implicit m) {
            return List.of(m.f(), m.lo(), m.hi());
        }
        return List.of();
    }

    static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.Sym s) {
            out.add(s.name());
            return;
        }
        if (e instanceof Expr.Implicit m) {
            Set<String> inner = new java.util.LinkedHashSet<>();
            collect(m.f(), inner);
            inner.remove(m.unknown());
            out.addAll(inner);
            collect(m.lo(), out);
            collect(m.hi(), out);
            return;
        }
        for (Expr c : children(e)) {
            collect(c, out);
        }
    }

    static boolean dependsOn(Expr e, String name) {
        if (e instanceof Expr.Sym s) {
            return s.name().equals(name);
        }
        if (e instanceof Expr.Implicit m) {
            return !m.unknown().equals(name) && dependsOn(m.f(), name) || dependsOn(m.lo(), name)
                    || dependsOn(m.hi(), name);
        }
        for (Expr c : children(e)) {
            if (dependsOn(c, name)) {
                return true;
            }
        }
        return false;
    }

    static Expr substitute(Expr e, Map<String, Expr> bindings) {
        if (e instanceof Expr.Num) {
            return e;
        } else if (e instanceof Expr.Sym s) {
            return bindings.getOrDefault(s.name(), e);
        } else if (e instanceof Expr.Sum s) {
            List<Expr> xs = new ArrayList<>();
            xs.add(Expr.num(s.constant()));
            for (Expr t : s.terms()) {
                xs.add(substitute(t, bindings));
            }
            return Ops.add(xs);
        } else if (e instanceof Expr.Product p) {
            List<Expr> xs = new ArrayList<>();
            xs.add(Expr.num(p.coefficient()));
            for (Expr f : p.factors()) {
                xs.add(substitute(f, bindings));
            }
            return Ops.mul(xs);
        } else if (e instanceof Expr.Pow p) {
            return Ops.pow(substitute(p.base(), bindings), substitute(p.exponent(), bindings));
        } else if (e instanceof Expr.Implicit m) {
            return implicit(m, bindings);
        }
        Expr.Call c = (Expr.Call) e;
        List<Expr> xs = new ArrayList<>();
        for (Expr a : c.args()) {
            xs.add(substitute(a, bindings));
        }
        return Ops.call(c.function(), xs);
    }

    static double evaluate(Expr e, Map<String, Double> values) {
        if (e instanceof Expr.Num n) {
            return n.value();
        } else if (e instanceof Expr.Sym s) {
            Double v = values.get(s.name());
            if (v == null) {
                throw new IllegalArgumentException("no value for symbol '" + s.name() + "'");
            }
            return v;
        } else if (e instanceof Expr.Sum s) {
            double acc = 0;
            boolean first = true;
            for (Expr t : s.terms()) {
                double v = evaluate(t, values);
                acc = first ? v : acc + v;
                first = false;
            }
            return s.constant() == 0 ? acc : acc + s.constant();
        } else if (e instanceof Expr.Product p) {
            double acc = p.coefficient();
            for (Expr f : p.factors()) {
                acc *= evaluate(f, values);
            }
            return acc;
        } else if (e instanceof Expr.Pow p) {
            return Math.pow(evaluate(p.base(), values), evaluate(p.exponent(), values));
        } else if (e instanceof Expr.Implicit m) {
            List<String> names = Roots.arguments(m);
            double[] xs = new double[names.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = evaluate(Expr.sym(names.get(i)), values);
            }
            return new Roots(m, names).apply(xs);
        }
        Expr.Call c = (Expr.Call) e;
        double[] xs = new double[c.args().size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = evaluate(c.args().get(i), values);
        }
        return c.function().apply(xs);
    }

    /**
     * Substitution under the bound unknown: bindings of the unknown's name do not apply inside
     * {@code f}, and the unknown is renamed first when a substituted value mentions its name.
     */
    private static Expr implicit(Expr.Implicit m, Map<String, Expr> bindings) {
        Map<String, Expr> inner = new java.util.HashMap<>(bindings);
        inner.remove(m.unknown());
        String u = m.unknown();
        boolean captured = false;
        for (Map.Entry<String, Expr> b : inner.entrySet()) {
            captured |= dependsOn(m.f(), b.getKey()) && b.getValue().dependsOn(u);
        }
        Expr f = m.f();
        if (captured) {
            String fresh;
            int k = 1;
            do {
                fresh = u + "_" + k++;
            } while (f.symbols().contains(fresh) || mentions(inner, fresh));
            f = substitute(f, Map.of(u, Expr.sym(fresh)));
            u = fresh;
        }
        return Ops.implicit(u, substitute(f, inner), substitute(m.lo(), bindings), substitute(m.hi(), bindings));
    }

    private static boolean mentions(Map<String, Expr> bindings, String name) {
        for (Map.Entry<String, Expr> b : bindings.entrySet()) {
            if (b.getKey().equals(name) || b.getValue().dependsOn(name)) {
                return true;
            }
        }
        return false;
    }
}
