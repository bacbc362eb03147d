package law.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import law.ast.Binding;
import law.ast.Expr;
import law.ast.Query;
import law.diag.Code;
import law.diag.Suggest;
import law.expr.Ops;

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
    private final Calls calls;

    /** An evaluator over a session's definitions, with the default limit on range sizes. */
    public Evaluator(Env env, QueryRunner queries) {
        this(env, queries, MAX_ITEMS);
    }

    /** An evaluator over a session's definitions whose ranges have at most {@code maxItems} elements. */
    public Evaluator(Env env, QueryRunner queries, int maxItems) {
        this.env = env;
        this.queries = queries;
        this.maxItems = maxItems;
        this.calls = new Calls(this, env);
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
            return calls.call(c, scope);
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

    Value map(Value v, law.ast.Node where, java.util.function.UnaryOperator<law.expr.Expr> f) {
        if (v instanceof Value.Items is) {
            return new Value.Items(is.items().stream().map(f).toList());
        }
        return new Value.Scalar(f.apply(scalar(v, where).expr()));
    }
}
