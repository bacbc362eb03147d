package law.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Simplification rules for calls of builtins (after arity checks and constant folding). */
final class Calls {
    private Calls() {
    }

    /**
     * {@code min}, {@code max} and {@code lse}: nested calls of the same function are flattened,
     * numeric arguments folded into one, arguments sorted (and deduplicated for min and max), and
     * a call of one argument is that argument.
     */
    static Expr variadic(Builtin f, List<Expr> args) {
        List<Expr> flat = new ArrayList<>();
        for (Expr a : args) {
            if (a instanceof Expr.Call c && c.function() == f) {
                flat.addAll(c.args());
            } else {
                flat.add(a);
            }
        }
        List<Double> numbers = new ArrayList<>();
        Set<Expr> rest = f == Builtin.LSE ? null : new LinkedHashSet<>();
        List<Expr> out = new ArrayList<>();
        for (Expr a : flat) {
            if (a instanceof Expr.Num n) {
                numbers.add(n.value());
            } else if (rest == null || rest.add(a)) {
                out.add(a);
            }
        }
        if (!numbers.isEmpty()) {
            double[] xs = numbers.stream().mapToDouble(Double::doubleValue).toArray();
            out.add(Expr.num(f.apply(xs)));
        }
        if (out.size() == 1) {
            return out.get(0);
        }
        out.sort(Order.EXPR);
        return new Expr.Call(f, out);
    }

    /** Rules for the other builtins; arguments are not all numbers. */
    static Expr simplify(Builtin f, List<Expr> args) {
        Expr a = args.isEmpty() ? null : args.get(0);
        if (f == Builtin.LOG && a instanceof Expr.Call c && c.function() == Builtin.EXP) {
            return c.args().get(0);
        }
        if (f == Builtin.ABS) {
            if (nonNegative(a)) {
                return a;
            }
            if (a instanceof Expr.Product p && p.coefficient() != 1) {
                return Ops.mul(Expr.num(Math.abs(p.coefficient())), Ops.call(Builtin.ABS, Order.rest(a)));
            }
        }
        return new Expr.Call(f, args);
    }

    /** Whether {@code e} is provably >= 0 wherever it is defined. */
    static boolean nonNegative(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value() >= 0;
        }
        if (e instanceof Expr.Call c) {
            Builtin f = c.function();
            return f == Builtin.EXP || f == Builtin.SQRT || f == Builtin.ABS
                    || f == Builtin.SOFTPLUS || f == Builtin.SIGMOID;
        }
        if (e instanceof Expr.Pow p && Ops.isInteger(p.exponent())) {
            return ((Expr.Num) p.exponent()).value() % 2 == 0;
        }
        return false;
    }
}
