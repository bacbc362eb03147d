package law.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact symbolic differentiation. Results are built with {@link Ops}, so they come out
 * simplified; a second derivative is the derivative of the first.
 *
 * <p>For {@code a^b} with {@code b} free of the symbol the rule is {@code b * a^(b - 1) * a'}
 * (no logarithm, so it stays valid for {@code a <= 0}); otherwise {@code a^b * log(a) * b'} is
 * added. Calls use {@link Builtin#partial} and the chain rule; an {@link Expr.Implicit} root the
 * implicit function theorem.
 */
public final class Derivative {
    private final String symbol;
    private final Map<Expr, Expr> memo = new HashMap<>();
    private final Map<Expr, Boolean> depends = new HashMap<>();

    private Derivative(String symbol) {
        this.symbol = symbol;
    }

    /** {@code d e / d symbol}. */
    public static Expr of(Expr e, String symbol) {
        return new Derivative(symbol).d(e);
    }

    /** {@code d^2 e / (d s1 d s2)}. */
    public static Expr second(Expr e, String s1, String s2) {
        return of(of(e, s1), s2);
    }

    private boolean dependsOn(Expr e) {
        Boolean b = depends.get(e);
        if (b == null) {
            b = e.dependsOn(symbol);
            depends.put(e, b);
        }
        return b;
    }

    private Expr d(Expr e) {
        if (!dependsOn(e)) {
            return Expr.ZERO;
        }
        if (e instanceof Expr.Sym) {
            return Expr.ONE;
        }
        Expr done = memo.get(e);
        if (done != null) {
            return done;
        }
        Expr r;
        if (e instanceof Expr.Sum s) {
            List<Expr> xs = new ArrayList<>();
            for (Expr t : s.terms()) {
                xs.add(d(t));
            }
            r = Ops.add(xs);
        } else if (e instanceof Expr.Product p) {
            r = product(p);
        } else if (e instanceof Expr.Pow p) {
            r = power(p);
        } else if (e instanceof Expr.Implicit m) {
            r = implicit(m);
        } else {
            r = call((Expr.Call) e);
        }
        memo.put(e, r);
        return r;
    }

    private Expr product(Expr.Product p) {
        List<Expr> terms = new ArrayList<>();
        List<Expr> fs = p.factors();
        for (int i = 0; i < fs.size(); i++) {
            if (!dependsOn(fs.get(i))) {
                continue;
            }
            List<Expr> xs = new ArrayList<>(fs.size() + 1);
            xs.add(Expr.num(p.coefficient()));
            for (int j = 0; j < fs.size(); j++) {
                xs.add(j == i ? d(fs.get(j)) : fs.get(j));
            }
            terms.add(Ops.mul(xs));
        }
        return Ops.add(terms);
    }

    private Expr power(Expr.Pow p) {
        Expr a = p.base();
        Expr b = p.exponent();
        List<Expr> terms = new ArrayList<>(2);
        if (dependsOn(a)) {
            terms.add(Ops.mul(b, Ops.pow(a, Ops.add(b, Expr.num(-1))), d(a)));
        }
        if (dependsOn(b)) {
            terms.add(Ops.mul(p, Ops.call(Builtin.LOG, a), d(b)));
        }
        return Ops.add(terms);
    }

    /**
     * The implicit function theorem: {@code du/dv = -(df/dv) / (df/du)} with the node itself for
     * {@code u} (the bracket does not move a simple root; a free symbol named like the bound
     * unknown occurs only in the bracket).
     */
    private Expr implicit(Expr.Implicit m) {
        String u = m.unknown();
        Expr f = m.f();
        if (u.equals(symbol)) {
            return Expr.ZERO;
        }
        Expr fv = Derivative.of(f, symbol);
        if (fv.equals(Expr.ZERO)) {
            return Expr.ZERO;
        }
        Expr fu = Derivative.of(f, u);
        Expr ratio = Ops.neg(Ops.div(fv, fu));
        return ratio.substitute(Map.of(u, m));
    }

    private Expr call(Expr.Call c) {
        List<Expr> terms = new ArrayList<>();
        List<Expr> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            if (dependsOn(args.get(i))) {
                terms.add(Ops.mul(c.function().partial(i, args), d(args.get(i))));
            }
        }
        return Ops.add(terms);
    }
}
