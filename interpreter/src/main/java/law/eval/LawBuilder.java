package law.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.ast.Expr;
import law.ast.Interval;
import law.ast.LawItem;
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Span;
import law.model.Domain;
import law.model.Law;
import law.model.Param;
import law.report.Fmt;

/** Builds {@link Law}s from {@code law} declarations and {@code with} bindings, checking every name. */
final class LawBuilder {
    private final Context ctx;

    LawBuilder(Context ctx) {
        this.ctx = ctx;
    }

    /** {@code law NAME(VARS) = BODY { ITEMS }}. */
    Law form(Stmt.LawForm s) {
        List<String> vars = variables(s);
        String unknown = unknown(s, vars);
        Items items = new Items();
        for (LawItem item : s.items()) {
            items.add(item, s, vars, unknown);
        }
        Scope scope = localScope(s, vars, items.domains.keySet());
        law.expr.Expr body = unknown == null ? ctx.evaluator().scalar(s.body(), scope).expr()
                : implicitBody(s, unknown, items.bracket, scope);
        Limits.checkSize(body, "the body of '" + s.name().text() + "'", Limits.CALLS_HELP, s.body().span());
        Map<String, Param> params = new LinkedHashMap<>();
        for (String name : body.symbols()) {
            if (!vars.contains(name) && !items.domains.containsKey(name)) {
                params.put(name, inherited(name, s.name().span()));
            }
        }
        items.domains.forEach((name, d) -> params.put(name, new Param(name, d, items.descriptions.get(name))));
        Law law = new Law(s.name().text(), vars, new ArrayList<>(params.values()), body, Map.of(), s.doc(), items.cite,
                items.descriptions, null);
        law = bind(law, items.assigns, scope);
        warnUnused(law, items.declaredAt);
        return law;
    }

    /** The law's variables, each once. */
    private static List<String> variables(Stmt.LawForm s) {
        List<String> vars = new ArrayList<>();
        for (law.ast.Ident v : s.vars()) {
            if (vars.contains(v.text())) {
                throw Failure.at(Code.NAME_CLASH, v.span(), "variable '" + v.text() + "' is listed twice");
            }
            vars.add(v.text());
        }
        return vars;
    }

    /** What a law's items declare: parameters with their domains, values, descriptions, the citation and the implicit bracket. */
    private final class Items {
        final Map<String, Domain> domains = new LinkedHashMap<>();
        final Map<String, Expr> assigns = new LinkedHashMap<>();
        final Map<String, String> descriptions = new LinkedHashMap<>();
        final Map<String, Span> declaredAt = new LinkedHashMap<>();
        String cite;
        Interval bracket;

        /** Takes in one item of law {@code s} (with variables {@code vars}, implicit in {@code unknown} or null). */
        void add(LawItem item, Stmt.LawForm s, List<String> vars, String unknown) {
            if (unknown != null && ofUnknown(item, unknown)) {
                return;
            }
            if (item instanceof LawItem.Cite c) {
                cite = c.text();
            } else if (item instanceof LawItem.Describe d) {
                descriptions.put(d.name().text(), d.text());
                if (!vars.contains(d.name().text())) {
                    declaredAt.putIfAbsent(d.name().text(), d.name().span());
                    domains.putIfAbsent(d.name().text(), Domain.REAL);
                }
            } else if (item instanceof LawItem.Declare d) {
                declare(d.param(), s, vars);
            } else if (!(item instanceof LawItem.LocalLet)) {
                law.ast.Ident p = paramOf(item);
                declare(p, s, vars);
                if (item instanceof LawItem.Assign a) {
                    assigns.put(p.text(), a.value());
                } else {
                    domains.put(p.text(), narrow(domains.get(p.text()), item));
                }
            }
        }

        /** Takes in the implicit unknown's bracket or description; true when {@code item} was one of them. */
        private boolean ofUnknown(LawItem item, String unknown) {
            if (item instanceof LawItem.In in && in.param().text().equals(unknown)) {
                bracket = in.interval();
                return true;
            }
            if (item instanceof LawItem.Describe d && d.name().text().equals(unknown)) {
                descriptions.put(unknown, d.text());
                return true;
            }
            if (!(item instanceof LawItem.Cite || item instanceof LawItem.LocalLet || item instanceof LawItem.Describe)
                    && paramName(item).equals(unknown)) {
                throw Failure.at(Code.BAD_DOMAIN, item.span(), "'" + unknown + "' is the law's implicit value; "
                        + "give it only a bracket: " + unknown + " in (LO, HI)");
            }
            return false;
        }

        private void declare(law.ast.Ident p, Stmt.LawForm s, List<String> vars) {
            if (vars.contains(p.text())) {
                throw Failure.at(Code.NAME_CLASH, p.span(), "'" + p.text() + "' is a variable of '"
                        + s.name().text() + "', so it cannot also be a parameter");
            }
            declaredAt.putIfAbsent(p.text(), p.span());
            domains.putIfAbsent(p.text(), Domain.REAL);
        }
    }

    /** A scope with the variables and parameters as symbols and the law's local {@code let}s bound. */
    private Scope localScope(Stmt.LawForm s, List<String> vars, Set<String> params) {
        Scope scope = Scope.strict();
        vars.forEach(scope::symbol);
        params.forEach(scope::symbol);
        for (LawItem item : s.items()) {
            if (item instanceof LawItem.LocalLet l) {
                Value.Scalar v = ctx.evaluator().scalar(l.value(), scope);
                Limits.checkSize(v.expr(), "'" + l.name().text() + "'", Limits.CALLS_HELP, l.value().span());
                scope.bind(l.name().text(), v);
            }
        }
        return scope;
    }

    /** Warns of a declared parameter the law's body does not use (and that has no value). */
    private void warnUnused(Law law, Map<String, Span> declaredAt) {
        for (Map.Entry<String, Span> e : declaredAt.entrySet()) {
            if (!law.body().symbols().contains(e.getKey()) && law.param(e.getKey()) != null
                    && !law.values().containsKey(e.getKey())) {
                ctx.report(Diagnostic.warning(Code.UNKNOWN_PARAMETER, e.getValue(), "parameter '" + e.getKey()
                        + "' is declared but the law does not use it"));
            }
        }
    }

    /** The unknown of an implicit law ({@code law f(x) = u where ...}), or null for an explicit one. */
    private static String unknown(Stmt.LawForm s, List<String> vars) {
        if (s.where() == null) {
            return null;
        }
        if (!(s.body() instanceof Expr.Name n)) {
            throw Failure.at(Code.BAD_DOMAIN, s.body().span(), "an implicit law is the value of one name: write "
                    + "law " + s.name().text() + "(...) = u where LHS = RHS { u in (LO, HI) }");
        }
        if (vars.contains(n.text())) {
            throw Failure.at(Code.NAME_CLASH, n.span(), "'" + n.text() + "' is a variable of '" + s.name().text()
                    + "', so it cannot also be its implicit value");
        }
        if (s.where().op() != law.ast.RelOp.EQ) {
            throw Failure.at(Code.BAD_DOMAIN, s.where().span(), "an implicit law is defined by an equation (=)");
        }
        return n.text();
    }

    /** The root in {@code unknown} of LHS - RHS within the bracket. */
    private law.expr.Expr implicitBody(Stmt.LawForm s, String unknown, Interval bracket, Scope scope) {
        if (bracket == null) {
            throw Failure.at(Code.BAD_DOMAIN, s.body().span(), "an implicit law needs a bracket for '" + unknown
                    + "'", "add { " + unknown + " in (LO, HI) }: the root is sought between LO and HI");
        }
        Scope inner = scope.copy().symbol(unknown);
        law.expr.Expr lhs = ctx.evaluator().scalar(s.where().left(), inner).expr();
        law.expr.Expr rhs = ctx.evaluator().scalar(s.where().right(), inner).expr();
        law.expr.Expr lo = ctx.evaluator().scalar(bracket.lo(), scope).expr();
        law.expr.Expr hi = ctx.evaluator().scalar(bracket.hi(), scope).expr();
        return Calls.implicit(unknown, law.expr.Ops.sub(lhs, rhs), lo, hi, s.where().span());
    }

    private static String paramName(LawItem item) {
        if (item instanceof LawItem.Declare d) {
            return d.param().text();
        }
        return paramOf(item).text();
    }

    /** {@code law NAME = BASE with { ITEMS }}. */
    Law with(Stmt.LawWith s, Law base) {
        Map<String, Expr> assigns = new LinkedHashMap<>();
        Map<String, Domain> narrowed = new LinkedHashMap<>();
        String cite = base.cite();
        Map<String, String> descriptions = new LinkedHashMap<>(base.descriptions());
        for (LawItem item : s.items()) {
            if (item instanceof LawItem.Cite c) {
                cite = c.text();
                continue;
            } else if (item instanceof LawItem.Describe d) {
                descriptions.put(d.name().text(), d.text());
                continue;
            } else if (item instanceof LawItem.LocalLet l) {
                throw Failure.at(Code.BAD_OPTION, l.span(), "a 'with' block binds parameters; it cannot define lets");
            } else if (item instanceof LawItem.Declare d) {
                throw Failure.at(Code.BAD_OPTION, d.span(), "a 'with' block binds parameters: write "
                        + d.param().text() + " = VALUE");
            }
            law.ast.Ident p = paramOf(item);
            if (base.param(p.text()) == null) {
                if (base.vars().contains(p.text())) {
                    throw Failure.at(Code.UNKNOWN_PARAMETER, p.span(), "'" + p.text() + "' is a variable of '"
                            + base.name() + "', not a parameter", "variables get their values when the law is called");
                }
                List<String> names = base.params().stream().map(Param::name).toList();
                String help = law.diag.Suggest.didYouMean(p.text(), names);
                throw Failure.at(Code.UNKNOWN_PARAMETER, p.span(), "'" + base.name() + "' has no parameter '"
                        + p.text() + "'", help != null ? help : "its parameters are " + String.join(", ", names));
            }
            if (item instanceof LawItem.Assign a) {
                assigns.put(p.text(), a.value());
            } else {
                Domain d = narrowed.getOrDefault(p.text(), base.param(p.text()).domain());
                narrowed.put(p.text(), narrow(d, item));
            }
        }
        List<Param> params = new ArrayList<>();
        for (Param p : base.params()) {
            params.add(new Param(p.name(), narrowed.getOrDefault(p.name(), p.domain()),
                    descriptions.getOrDefault(p.name(), p.doc())));
        }
        String doc = s.doc() != null ? s.doc() : base.doc();
        Law law = new Law(s.name().text(), base.vars(), params, base.body(), base.values(), doc, cite, descriptions,
                null, base.aliases(), base.ties());
        Scope scope = Scope.strict();
        base.params().forEach(p -> scope.symbol(p.name()));
        return bind(law, assigns, scope);
    }

    /** Applies {@code p = value} (fix) and {@code p = q} (tie) bindings. */
    private Law bind(Law law, Map<String, Expr> assigns, Scope scope) {
        Map<String, Double> values = new LinkedHashMap<>(law.values());
        Map<String, law.expr.Expr> ties = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> a : assigns.entrySet()) {
            String p = a.getKey();
            law.expr.Expr v = ctx.evaluator().scalar(a.getValue(), scope).expr();
            if (v.symbols().isEmpty()) {
                double x = v.evaluate(Map.of());
                Domain d = law.param(p).domain();
                if (!d.contains(x)) {
                    throw Failure.at(Code.BAD_DOMAIN, a.getValue().span(), p + " = " + Fmt.num(x)
                            + " is outside its domain " + p + " " + d.describe());
                }
                values.put(p, x);
            } else {
                for (String sym : v.symbols()) {
                    if (law.param(sym) == null) {
                        throw Failure.at(Code.UNKNOWN_PARAMETER, a.getValue().span(), "'" + p
                                + "' can only be tied to parameters of '" + law.name() + "', and '" + sym
                                + "' is not one");
                    }
                }
                ties.put(p, v);
            }
        }
        if (ties.isEmpty()) {
            return new Law(law.name(), law.vars(), law.params(), law.body(), values, law.doc(), law.cite(),
                    law.descriptions(), null, law.aliases(), law.ties());
        }
        law.expr.Expr body = law.body().substitute(ties);
        Set<String> left = new HashSet<>(body.symbols());
        left.retainAll(ties.keySet());
        if (!left.isEmpty()) {
            throw Failure.at(Code.BAD_DOMAIN, assigns.get(left.iterator().next()).span(),
                    "parameters are tied to each other in a circle: " + String.join(", ", ties.keySet()));
        }
        List<Param> params = law.params().stream().filter(p -> !ties.containsKey(p.name())).toList();
        Map<String, law.expr.Expr> allTies = new LinkedHashMap<>();
        law.ties().forEach((p, e) -> allTies.put(p, e.substitute(ties)));
        allTies.putAll(ties);
        return new Law(law.name(), law.vars(), params, body, values, law.doc(), law.cite(), law.descriptions(), null,
                law.aliases(), allTies);
    }

    private Param inherited(String name, Span at) {
        for (Entry e : ctx.env().entries()) {
            if (e.value() instanceof Value.LawRef l && l.law().param(name) != null) {
                return l.law().param(name);
            }
        }
        throw Failure.at(Code.UNKNOWN_NAME, at, "the law uses '" + name + "', which is not declared");
    }

    private static law.ast.Ident paramOf(LawItem item) {
        if (item instanceof LawItem.Bound b) {
            return b.param();
        } else if (item instanceof LawItem.In i) {
            return i.param();
        } else if (item instanceof LawItem.Assign a) {
            return a.param();
        }
        throw new IllegalArgumentException(item.toString());
    }

    private Domain narrow(Domain d, LawItem item) {
        Domain more;
        if (item instanceof LawItem.Bound b) {
            double v = ctx.evaluator().number(b.value(), Scope.strict());
            more = switch (b.op()) {
                case GT -> new Domain(v, false, Double.POSITIVE_INFINITY, false);
                case GE -> new Domain(v, true, Double.POSITIVE_INFINITY, false);
                case LT -> new Domain(Double.NEGATIVE_INFINITY, false, v, false);
                case LE -> new Domain(Double.NEGATIVE_INFINITY, false, v, true);
                default -> throw Failure.at(Code.BAD_DOMAIN, b.span(), "a parameter bound uses <, <=, > or >=");
            };
        } else {
            Interval i = ((LawItem.In) item).interval();
            double lo = ctx.evaluator().number(i.lo(), Scope.strict());
            double hi = ctx.evaluator().number(i.hi(), Scope.strict());
            more = new Domain(lo, i.loClosed() && Double.isFinite(lo), hi, i.hiClosed() && Double.isFinite(hi));
        }
        Domain out = d.intersect(more);
        if (out.isEmpty()) {
            throw Failure.at(Code.BAD_DOMAIN, item.span(), "no value satisfies this domain"
                    + (d.equals(Domain.REAL) ? "" : " together with " + d.describe()));
        }
        return out;
    }
}
