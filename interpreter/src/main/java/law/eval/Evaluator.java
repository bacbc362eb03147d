package law.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import law.ast.Arg;
import law.ast.Binding;
import law.ast.Expr;
import law.ast.Query;
import law.diag.Code;
import law.diag.Span;
import law.diag.Suggest;
import law.expr.Builtin;
import law.expr.Derivative;
import law.expr.Ops;
import law.expr.Sizes;
import law.model.Law;

/**
 * Evaluates AST expressions to values. Arithmetic is done on symbolic expressions (which fold to
 * numbers when nothing is unknown), so the same code serves numbers, law bodies and the
 * objectives of queries. Lists apply element-wise. Every name is resolved here, with a
 * did-you-mean on failure.
 */
public final class Evaluator {
    /** The most elements a range may produce by default ({@link Limits#maxItems()}). */
    public static final int MAX_ITEMS = Limits.MAX_ITEMS;

    /** Runs query forms met inside expressions ({@code (optimal N for f at C = 1e24).N}). */
    public interface QueryRunner {
        /** Evaluates a query to a value. */
        Value run(Query q, Scope scope);
    }

    private final Env env;
    private final QueryRunner queries;
    private final int maxItems;

    /** An evaluator over a session's definitions, with the default limit on range sizes. */
    public Evaluator(Env env, QueryRunner queries) {
        this(env, queries, MAX_ITEMS);
    }

    /** An evaluator over a session's definitions whose ranges have at most {@code maxItems} elements. */
    public Evaluator(Env env, QueryRunner queries, int maxItems) {
        this.env = env;
        this.queries = queries;
        this.maxItems = maxItems;
    }

    /** The most elements a range may produce. */
    public int maxItems() {
        return maxItems;
    }

    /** Evaluates an expression. */
    public Value eval(Expr e, Scope scope) {
        if (e instanceof Expr.Num n) {
            return Value.Scalar.of(n.value());
        } else if (e instanceof Expr.Str s) {
            return new Value.Text(s.value());
        } else if (e instanceof Expr.Name n) {
            return name(n, scope);
        } else if (e instanceof Expr.Unary u) {
            Value v = eval(u.operand(), scope);
            return u.op() == Expr.Op.NEG ? map(v, u, Ops::neg) : numeric(v, u);
        } else if (e instanceof Expr.Binary b) {
            return binary(b, scope);
        } else if (e instanceof Expr.Call c) {
            return call(c, scope);
        } else if (e instanceof Expr.Member m) {
            return member(m, scope);
        } else if (e instanceof Expr.Range r) {
            return Ranges.range(this, r, scope);
        } else if (e instanceof Expr.ListLit l) {
            return list(l, scope);
        } else if (e instanceof Expr.RecordLit r) {
            Map<String, Value> fields = new LinkedHashMap<>();
            for (Binding b : r.fields()) {
                fields.put(b.name().text(), eval(b.value(), scope));
            }
            return new Value.Rec("record", fields, null);
        } else if (e instanceof Expr.QueryRef q) {
            return queries.run(q.query(), scope);
        }
        throw new IllegalStateException("unhandled expression " + e);
    }

    /**
     * A list literal: at most {@link #maxItems()} elements ({@code L0902}, checked before any is
     * evaluated), each a number or expression; a list inside a list is an error, not flattened.
     */
    private Value list(Expr.ListLit l, Scope scope) {
        Limits.check(l.items().size(), maxItems, "the number of elements of this list", "--max-items", l.span());
        List<law.expr.Expr> items = new ArrayList<>();
        for (Expr item : l.items()) {
            Value v = eval(item, scope);
            if (v instanceof Value.Items is) {
                throw Failure.at(Code.TYPE, item.span(), "a list cannot hold a list (this element is a list of "
                        + is.items().size() + "); lists are not nested or flattened",
                        "write the elements in one list, e.g. [1, 2, 3], or use the range alone: 1..3");
            }
            items.add(scalar(v, item).expr());
        }
        return new Value.Items(items);
    }

    /** Evaluates an expression that must give one scalar (number or symbolic). */
    public Value.Scalar scalar(Expr e, Scope scope) {
        return scalar(eval(e, scope), e);
    }

    /** Evaluates an expression that must give a number. */
    public double number(Expr e, Scope scope) {
        Value.Scalar s = scalar(e, scope);
        if (!s.isNumber()) {
            throw Failure.at(Code.NOT_CONSTANT, e.span(), "this must be a number, but it depends on "
                    + String.join(", ", s.expr().symbols()));
        }
        double v = s.number();
        if (Double.isNaN(v)) {
            throw Failure.at(Code.NOT_FINITE, e.span(), "this is not a number (NaN)",
                    "check for 0/0, log of a negative number or a square root of a negative number");
        }
        return v;
    }

    /** Converts a value to a scalar, or fails with a type error located at {@code where}. */
    public Value.Scalar scalar(Value v, law.ast.Node where) {
        if (v instanceof Value.Scalar s) {
            return s;
        }
        if (v instanceof Value.Rec r && r.primary() != null) {
            return scalar(r.fields().get(r.primary()), where);
        }
        if (v instanceof Value.LawRef l) {
            throw Failure.at(Code.TYPE, where.span(), "'" + l.law().name() + "' is a law, not a number",
                    "call it with its variables: " + l.law().signature());
        }
        if (v instanceof ConstraintValue c) {
            throw Failure.at(Code.TYPE, where.span(), "expected a number here, but this is the constraint "
                    + c.relation(), "a constraint relates variables for optimal, minimize and plots; it has no value "
                    + "of its own");
        }
        if (v instanceof Value.Rec r && !r.fields().isEmpty()) {
            throw Failure.at(Code.TYPE, where.span(), "expected a number here, but this gives several fields: "
                    + String.join(", ", r.fields().keySet()), "pick one, e.g. (...)." + r.fields().keySet().iterator().next());
        }
        String kind = v.kindName();
        String article = "aeiou".indexOf(Character.toLowerCase(kind.charAt(0))) >= 0 ? "an " : "a ";
        throw Failure.at(Code.TYPE, where.span(), "expected a number here, but this is " + article + kind);
    }

    private Value numeric(Value v, Expr where) {
        if (v instanceof Value.Items) {
            return v;
        }
        return scalar(v, where);
    }

    // ------------------------------------------------------------------ names and members

    private Value name(Expr.Name n, Scope scope) {
        String id = n.text();
        Value local = scope.local(id);
        if (local != null) {
            return local;
        }
        Entry e = env.get(id);
        if (e != null) {
            return e.value();
        }
        switch (id) {
            case "pi":
                return Value.Scalar.of(Math.PI);
            case "inf":
                return Value.Scalar.of(Double.POSITIVE_INFINITY);
            default:
                break;
        }
        if (env.isPoisoned(id)) {
            throw new Failure(law.diag.Diagnostic.error(Code.UNKNOWN_NAME, n.span(),
                    "'" + id + "' is not defined because its definition failed"));
        }
        if (scope.isSymbolic()) {
            scope.addFree(id);
            return new Value.Scalar(law.expr.Expr.sym(id));
        }
        throw Failure.at(Code.UNKNOWN_NAME, n.span(), "unknown name '" + id + "'",
                Suggest.didYouMean(id, visibleNames(scope)));
    }

    /** The fields {@code x.field} reads from a value (empty when it has none), e.g. for completion. */
    public static Map<String, Value> fields(Value v) {
        return Members.fields(v);
    }

    /** Every name an expression could refer to, for suggestions. */
    public Set<String> visibleNames(Scope scope) {
        Set<String> names = new LinkedHashSet<>(scope.localNames());
        names.addAll(env.names());
        names.add("pi");
        names.add("inf");
        return names;
    }

    private Value member(Expr.Member m, Scope scope) {
        Value target = eval(m.target(), scope);
        String field = m.member().text();
        Map<String, Value> fields = Members.fields(target);
        Value v = fields.get(field);
        if (v == null) {
            if (target instanceof Value.Other o) {
                o.explainMissing(field, m.member().span());
            }
            String what = m.target() instanceof Expr.Name n ? "'" + n.text() + "'" : "this " + target.kindName();
            String help = Suggest.didYouMean(field, fields.keySet());
            if (help == null && !fields.isEmpty()) {
                help = "it has: " + String.join(", ", fields.keySet());
            }
            if (target instanceof Value.LawRef l && l.law().param(field) != null) {
                throw Failure.at(Code.UNBOUND_PARAMETER, m.member().span(), "parameter '" + field + "' of '"
                        + l.law().name() + "' has no value", "bind it with 'with { " + field
                        + " = ... }' or fit the law");
            }
            throw Failure.at(Code.UNKNOWN_FIELD, m.member().span(), what + " has no field '" + field + "'", help);
        }
        return v;
    }

    // ------------------------------------------------------------------ arithmetic

    private Value binary(Expr.Binary b, Scope scope) {
        Value l = eval(b.left(), scope);
        Value r = eval(b.right(), scope);
        BinaryOperator<law.expr.Expr> op = switch (b.op()) {
            case ADD -> Ops::add;
            case SUB -> Ops::sub;
            case MUL -> Ops::mul;
            case DIV -> Ops::div;
            default -> Ops::pow;
        };
        return zip(l, r, b, op);
    }

    /** Applies a binary operation, element-wise when either side is a list. */
    Value zip(Value l, Value r, law.ast.Node where, BinaryOperator<law.expr.Expr> op) {
        if (l instanceof Value.Items li && r instanceof Value.Items ri) {
            if (li.items().size() != ri.items().size()) {
                throw Failure.at(Code.TYPE, where.span(), "lists of different lengths (" + li.items().size()
                        + " and " + ri.items().size() + ") cannot be combined element by element");
            }
            List<law.expr.Expr> out = new ArrayList<>();
            for (int i = 0; i < li.items().size(); i++) {
                out.add(op.apply(li.items().get(i), ri.items().get(i)));
            }
            return new Value.Items(out);
        } else if (l instanceof Value.Items li) {
            law.expr.Expr rs = scalar(r, where).expr();
            return new Value.Items(li.items().stream().map(x -> op.apply(x, rs)).toList());
        } else if (r instanceof Value.Items ri) {
            law.expr.Expr ls = scalar(l, where).expr();
            return new Value.Items(ri.items().stream().map(x -> op.apply(ls, x)).toList());
        }
        return new Value.Scalar(op.apply(scalar(l, where).expr(), scalar(r, where).expr()));
    }

    private Value map(Value v, law.ast.Node where, java.util.function.UnaryOperator<law.expr.Expr> f) {
        if (v instanceof Value.Items is) {
            return new Value.Items(is.items().stream().map(f).toList());
        }
        return new Value.Scalar(f.apply(scalar(v, where).expr()));
    }

    // ------------------------------------------------------------------ calls

    private Value call(Expr.Call c, Scope scope) {
        String fn = c.callee().text();
        Value local = scope.local(fn);
        Entry entry = local == null ? env.get(fn) : null;
        if (entry != null && entry.value() instanceof Value.LawRef l) {
            return applyLaw(l.law(), c, scope);
        }
        if (local instanceof Value.LawRef l) {
            return applyLaw(l.law(), c, scope);
        }
        if (fn.equals("diff")) {
            return diff(c, scope);
        }
        if (fn.equals("root")) {
            return root(c, scope);
        }
        Builtin b = Builtin.byName(fn).orElse(null);
        if (b != null && local == null && entry == null) {
            return builtin(b, c, scope);
        }
        if (entry != null || local != null) {
            Value v = local != null ? local : entry.value();
            throw Failure.at(Code.WRONG_KIND, c.callee().span(), "'" + fn + "' is a " + v.kindName()
                    + ", not a law or function, so it cannot be called");
        }
        if (env.isPoisoned(fn)) {
            throw Failure.at(Code.UNKNOWN_FUNCTION, c.callee().span(),
                    "'" + fn + "' is not defined because its definition failed");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Builtin x : Builtin.values()) {
            if (x.inLanguage()) {
                names.add(x.symbol());
            }
        }
        names.add("diff");
        names.add("root");
        env.entries().stream().filter(x -> x.value() instanceof Value.LawRef).forEach(x -> names.add(x.name()));
        throw Failure.at(Code.UNKNOWN_FUNCTION, c.callee().span(), "unknown function '" + fn + "'",
                Suggest.didYouMean(fn, names));
    }

    private List<Value> positional(Expr.Call c, Scope scope) {
        List<Value> out = new ArrayList<>();
        for (Arg a : c.args()) {
            if (a.named()) {
                throw Failure.at(Code.ARITY, a.span(), "'" + c.callee().text() + "' takes no named arguments");
            }
            out.add(eval(a.value(), scope));
        }
        return out;
    }

    private Value builtin(Builtin b, Expr.Call c, Scope scope) {
        List<Value> args = positional(c, scope);
        if (!b.accepts(args.size())) {
            throw Failure.at(Code.ARITY, c.span(), "'" + b.symbol() + "' takes " + b.arityText() + " argument"
                    + (b.maxArity() == 1 ? "" : "s") + ", not " + args.size());
        }
        return broadcast(args, c, xs -> Ops.call(b, xs));
    }

    /** Applies a function of scalars to arguments, element-wise over list arguments. */
    private Value broadcast(List<Value> args, Expr.Call c, java.util.function.Function<List<law.expr.Expr>, law.expr.Expr> f) {
        int n = -1;
        for (Value v : args) {
            if (v instanceof Value.Items is) {
                if (n >= 0 && n != is.items().size()) {
                    throw Failure.at(Code.TYPE, c.span(), "list arguments of different lengths");
                }
                n = is.items().size();
            }
        }
        if (n < 0) {
            List<law.expr.Expr> xs = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                xs.add(scalar(args.get(i), c.args().get(i)).expr());
            }
            return new Value.Scalar(f.apply(xs));
        }
        List<law.expr.Expr> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<law.expr.Expr> xs = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                Value v = args.get(i);
                xs.add(v instanceof Value.Items is ? is.items().get(k) : scalar(v, c.args().get(i)).expr());
            }
            out.add(f.apply(xs));
        }
        return new Value.Items(out);
    }

    private Value applyLaw(Law law, Expr.Call c, Scope scope) {
        List<Value> args = positional(c, scope);
        if (args.size() != law.vars().size()) {
            throw Failure.at(Code.ARITY, c.span(), "'" + law.name() + "' takes " + law.vars().size()
                    + " argument" + (law.vars().size() == 1 ? "" : "s") + " (" + String.join(", ", law.vars())
                    + "), not " + args.size());
        }
        law.expr.Expr body = law.closedBody();
        long bodyNodes = Sizes.nodes(body, Limits.MAX_NODES + 1L);
        return broadcast(args, c, xs -> {
            Map<String, law.expr.Expr> subst = new LinkedHashMap<>();
            long nodes = bodyNodes;
            for (int i = 0; i < xs.size(); i++) {
                String v = law.vars().get(i);
                if (xs.get(i) instanceof law.expr.Expr.Sym sym && sym.name().equals(v)) {
                    continue; // f(x) inside a law of x: nothing to substitute
                }
                subst.put(v, xs.get(i));
                long argNodes = Sizes.nodes(xs.get(i), Limits.MAX_NODES + 1L);
                if (argNodes > 1) {
                    nodes += Sizes.occurrences(body, v, Limits.MAX_NODES + 1L) * (argNodes - 1);
                }
            }
            Limits.checkSize(nodes, "this call of '" + law.name() + "'", Limits.CALLS_HELP, c.span());
            return subst.isEmpty() ? body : body.substitute(subst);
        });
    }

    private Value diff(Expr.Call c, Scope scope) {
        if (c.args().size() != 2 || c.args().get(1).named()
                || !(c.args().get(1).value() instanceof Expr.Name var)) {
            throw Failure.at(Code.ARITY, c.span(), "diff takes an expression and a variable name: diff(f(x), x)");
        }
        Scope sym = scope.asSymbolic();
        Value f = eval(c.args().get(0).value(), sym);
        String x = var.text();
        return map(f, c.args().get(0), e -> {
            law.expr.Expr d = Derivative.of(e, x);
            Limits.checkSize(d, "this derivative", "each derivative of a product or a power can double the "
                    + "size of an expression; take fewer derivatives", c.span());
            return d;
        });
    }

    /**
     * {@code root(F, u, LO, HI)}: the value of u where F = 0, between LO and HI (an implicit value,
     * {@link law.expr.Expr.Implicit}); u is bound inside F only.
     */
    private Value root(Expr.Call c, Scope scope) {
        if (c.args().size() != 4 || c.args().stream().anyMatch(Arg::named)
                || !(c.args().get(1).value() instanceof Expr.Name u)) {
            throw Failure.at(Code.ARITY, c.span(), "root takes an expression, the unknown's name and a bracket: "
                    + "root(f(u), u, lo, hi)");
        }
        Scope inner = scope.copy().symbol(u.text());
        law.expr.Expr f = scalar(eval(c.args().get(0).value(), inner), c.args().get(0).value()).expr();
        law.expr.Expr lo = scalar(eval(c.args().get(2).value(), scope), c.args().get(2).value()).expr();
        law.expr.Expr hi = scalar(eval(c.args().get(3).value(), scope), c.args().get(3).value()).expr();
        return new Value.Scalar(implicit(u.text(), f, lo, hi, c.span()));
    }

    /** The implicit value, or a diagnostic at {@code at} when the equation or bracket cannot define one. */
    static law.expr.Expr implicit(String u, law.expr.Expr f, law.expr.Expr lo, law.expr.Expr hi, Span at) {
        try {
            return Ops.implicit(u, f, lo, hi);
        } catch (IllegalArgumentException e) {
            throw Failure.at(Code.BAD_DOMAIN, at, e.getMessage());
        }
    }

    /** The span of a list of arguments, for messages about the whole call. */
    static Span argsSpan(Expr.Call c) {
        return c.args().isEmpty() ? c.span() : c.args().get(0).span().to(c.args().get(c.args().size() - 1).span());
    }
}
