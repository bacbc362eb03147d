package law.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.ast.Arg;
import law.ast.Expr;
import law.diag.Code;
import law.diag.Span;
import law.diag.Suggest;
import law.expr.Builtin;
import law.expr.Derivative;
import law.expr.Ops;
import law.expr.Sizes;
import law.model.Law;

/**
 * The calls of {@link Evaluator}: a law applied to arguments (substituted into its closed body,
 * within the size limits), {@code diff(F, x)}, {@code root(F, u, LO, HI)} and the builtins, each
 * element-wise over list arguments.
 */
final class Calls {
    private final Evaluator ev;
    private final Env env;

    Calls(Evaluator ev, Env env) {
        this.ev = ev;
        this.env = env;
    }

    /** A call: of a law, {@code diff}, {@code root} or a builtin, else an error naming what the callee is. */
    Value call(Expr.Call c, Scope scope) {
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
            out.add(ev.eval(a.value(), scope));
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
                xs.add(ev.scalar(args.get(i), c.args().get(i)).expr());
            }
            return new Value.Scalar(f.apply(xs));
        }
        List<law.expr.Expr> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<law.expr.Expr> xs = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                Value v = args.get(i);
                xs.add(v instanceof Value.Items is ? is.items().get(k) : ev.scalar(v, c.args().get(i)).expr());
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
        Value f = ev.eval(c.args().get(0).value(), sym);
        String x = var.text();
        return ev.map(f, c.args().get(0), e -> {
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
        law.expr.Expr f = ev.scalar(ev.eval(c.args().get(0).value(), inner), c.args().get(0).value()).expr();
        law.expr.Expr lo = ev.scalar(ev.eval(c.args().get(2).value(), scope), c.args().get(2).value()).expr();
        law.expr.Expr hi = ev.scalar(ev.eval(c.args().get(3).value(), scope), c.args().get(3).value()).expr();
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
}
