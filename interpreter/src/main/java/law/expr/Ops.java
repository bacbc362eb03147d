package law.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simplifying constructors of {@link Expr}: every result is in canonical form.
 *
 * <p>Rules are sound in this sense: where the original expression has a defined (non-NaN) value,
 * the simplified one has the same value. Some rules extend the domain, as computer algebra
 * systems usually do: {@code x - x -> 0}, {@code x / x -> 1}, {@code x * 0 -> 0} and
 * {@code x^a * x^b -> x^(a + b)} also give numbers where the original is NaN or 0/0.
 * {@code exp(log(x))} is left alone because positivity is not tracked.
 *
 * <p>Constant calls and powers are folded when the result is finite (or an input already was not),
 * so {@code log(0)} and {@code 1 / 0} stay visible instead of becoming infinities (any
 * {@code 0^k} with {@code k < 0} is written {@code 1 / 0}).
 */
public final class Ops {
    private Ops() {
    }

    /** {@code a + b}. */
    public static Expr add(Expr a, Expr b) {
        return add(List.of(a, b));
    }

    /** The sum of all operands, with constants folded and like terms collected. */
    public static Expr add(List<Expr> operands) {
        if (constant(operands)) {
            double v = 0;
            for (Expr x : operands) {
                v += x.evaluate(Map.of());
            }
            if (Double.isNaN(v)) {
                return Expr.num(v);
            }
        }
        double constant = 0;
        Map<Expr, Double> coefficients = new LinkedHashMap<>();
        for (Expr x : operands) {
            if (x instanceof Expr.Num n) {
                constant += n.value();
            } else if (x instanceof Expr.Sum s) {
                constant += s.constant();
                for (Expr t : s.terms()) {
                    coefficients.merge(Order.rest(t), Order.coefficient(t), Double::sum);
                }
            } else {
                coefficients.merge(Order.rest(x), Order.coefficient(x), Double::sum);
            }
        }
        List<Expr> terms = new ArrayList<>();
        for (Map.Entry<Expr, Double> e : coefficients.entrySet()) {
            double c = e.getValue();
            if (c != 0) {
                terms.add(scale(c, e.getKey()));
            }
        }
        if (terms.isEmpty()) {
            return Expr.num(constant);
        }
        if (terms.size() == 1 && constant == 0) {
            return terms.get(0);
        }
        terms.sort(Order.TERM);
        return new Expr.Sum(constant, terms);
    }

    /** {@code a - b}. */
    public static Expr sub(Expr a, Expr b) {
        return add(a, neg(b));
    }

    /** {@code -a}. */
    public static Expr neg(Expr a) {
        return mul(Expr.num(-1), a);
    }

    /** {@code a * b}. */
    public static Expr mul(Expr a, Expr b) {
        return mul(List.of(a, b));
    }

    /** {@code a * b * c ...}. */
    public static Expr mul(Expr... operands) {
        return mul(Arrays.asList(operands));
    }

    /** The product of all operands, with constants folded and powers of equal bases merged. */
    public static Expr mul(List<Expr> operands) {
        if (constant(operands)) {
            double v = 1;
            for (Expr x : operands) {
                v *= x.evaluate(Map.of());
            }
            if (Double.isNaN(v)) {
                return Expr.num(v);
            }
        }
        double c = 1;
        Map<Expr, List<Expr>> exponents = new LinkedHashMap<>();
        for (Expr x : operands) {
            if (x instanceof Expr.Num n) {
                c *= n.value();
            } else if (x instanceof Expr.Product p) {
                c *= p.coefficient();
                for (Expr f : p.factors()) {
                    c *= addFactor(exponents, f);
                }
            } else {
                c *= addFactor(exponents, x);
            }
        }
        if (c == 0) {
            return Expr.ZERO;
        }
        List<Expr> factors = new ArrayList<>();
        List<Expr> again = new ArrayList<>();
        for (Map.Entry<Expr, List<Expr>> e : exponents.entrySet()) {
            List<Expr> es = e.getValue();
            Expr f = pow(e.getKey(), es.size() == 1 ? es.get(0) : add(es));
            if (f instanceof Expr.Num n) {
                c *= n.value();
            } else if (f instanceof Expr.Product) {
                again.add(f);
            } else {
                factors.add(f);
            }
        }
        if (!again.isEmpty()) {
            again.addAll(factors);
            again.add(Expr.num(c));
            return mul(again);
        }
        if (c == 0 || factors.isEmpty()) {
            return Expr.num(c);
        }
        if (factors.size() == 1) {
            Expr f = factors.get(0);
            if (c == 1) {
                return f;
            }
            if (f instanceof Expr.Sum s) {
                return distribute(c, s);
            }
        }
        factors.sort(Order.FACTOR);
        return new Expr.Product(c, factors);
    }

    /** {@code a / b}. */
    public static Expr div(Expr a, Expr b) {
        return mul(a, pow(b, Expr.num(-1)));
    }

    /**
     * Whether {@code (c * x * ...)^n} may be rewritten as {@code c^n * x^n * ...}: only for small
     * exponents whose coefficient power stays a normal number. Otherwise a large exponent would
     * overflow one factor and underflow another ({@code (x/1e22)^20} at x = 1e22) where the
     * original is a harmless 1.
     */
    private static boolean distributes(Expr.Product p, double n) {
        double c = Math.pow(Math.abs(p.coefficient()), n);
        return Math.abs(n) <= 3 && c >= Double.MIN_NORMAL && c < Double.MAX_VALUE;
    }

    /**
     * True when no operand has a symbol: the expression is a number, and arithmetic that meets
     * 0/0, inf - inf or 0 * inf must give NaN as IEEE arithmetic does, not a value an algebraic
     * rule such as {@code x * 0 = 0} would give.
     */
    private static boolean constant(List<Expr> operands) {
        for (Expr x : operands) {
            if (!isConstant(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an expression is a plain number, or a power of plain numbers left unevaluated because
     * it is infinite ({@code 0^-1}, i.e. {@code 1/0}). Calls such as {@code log(-1)} stay symbolic.
     */
    private static boolean isConstant(Expr x) {
        return x instanceof Expr.Num
                || (x instanceof Expr.Pow p && p.base() instanceof Expr.Num b && b.value() == 0
                    && p.exponent() instanceof Expr.Num e && e.value() < 0);
    }

    /** {@code base ^ exponent}. */
    public static Expr pow(Expr base, Expr exponent) {
        if (exponent instanceof Expr.Num e) {
            if (base instanceof Expr.Num b) {
                double v = Math.pow(b.value(), e.value());
                boolean underflow = v == 0 && b.value() != 0;
                if ((Double.isFinite(v) && !underflow) || !Double.isFinite(b.value()) || !Double.isFinite(e.value())) {
                    return Expr.num(v);
                }
                if (b.value() == 0 && e.value() < 0) {
                    return new Expr.Pow(Expr.ZERO, Expr.num(-1));
                }
                return new Expr.Pow(base, exponent);
            }
            if (e.value() == 0) {
                return Expr.ONE;
            }
            if (e.value() == 1) {
                return base;
            }
        }
        if (base instanceof Expr.Num b && b.value() == 1) {
            return Expr.ONE;
        }
        if (isInteger(exponent)) {
            if (base instanceof Expr.Sum s && readsNegative(s)) {
                Expr p = pow(negate(s), exponent);
                return ((Expr.Num) exponent).value() % 2 == 0 ? p : neg(p);
            }
            if (base instanceof Expr.Pow p) {
                return pow(p.base(), mul(p.exponent(), exponent));
            }
            if (base instanceof Expr.Product p && distributes(p, ((Expr.Num) exponent).value())) {
                List<Expr> xs = new ArrayList<>();
                xs.add(pow(Expr.num(p.coefficient()), exponent));
                for (Expr f : p.factors()) {
                    xs.add(pow(f, exponent));
                }
                return mul(xs);
            }
        }
        return new Expr.Pow(base, exponent);
    }

    /**
     * The root in {@code unknown} of {@code f = 0} within {@code (lo, hi)}; a number when nothing
     * else is free.
     *
     * @throws IllegalArgumentException if {@code f} does not involve the unknown, or the bracket does
     */
    public static Expr implicit(String unknown, Expr f, Expr lo, Expr hi) {
        if (!f.dependsOn(unknown)) {
            throw new IllegalArgumentException("the equation does not involve '" + unknown + "'");
        }
        if (lo.dependsOn(unknown) || hi.dependsOn(unknown)) {
            throw new IllegalArgumentException("the bracket of '" + unknown + "' cannot depend on it");
        }
        Expr node = new Expr.Implicit(unknown, f, lo, hi);
        if (node.symbols().isEmpty()) {
            double v = node.evaluate(Map.of());
            if (Double.isFinite(v)) {
                return Expr.num(v);
            }
        }
        return node;
    }

    /** A call of {@code f}; {@code pow(a, b)} becomes {@code a ^ b}. */
    public static Expr call(Builtin f, Expr... args) {
        return call(f, Arrays.asList(args));
    }

    /**
     * A call of {@code f}, simplified.
     *
     * @throws IllegalArgumentException if the number of arguments does not fit the arity
     */
    public static Expr call(Builtin f, List<Expr> args) {
        if (!f.accepts(args.size())) {
            throw new IllegalArgumentException(f.symbol() + " takes " + f.arityText()
                    + " argument(s), not " + args.size());
        }
        if (f == Builtin.POW) {
            return pow(args.get(0), args.get(1));
        }
        if (f == Builtin.MIN || f == Builtin.MAX || f == Builtin.LSE) {
            return Calls.variadic(f, args);
        }
        Expr folded = fold(f, args);
        if (folded != null) {
            return folded;
        }
        return Calls.simplify(f, args);
    }

    /** The value of {@code f} on numeric arguments, or null if not all are numbers or it is not finite. */
    static Expr fold(Builtin f, List<Expr> args) {
        double[] xs = new double[args.size()];
        boolean finiteIn = true;
        for (int i = 0; i < xs.length; i++) {
            if (!(args.get(i) instanceof Expr.Num n)) {
                return null;
            }
            xs[i] = n.value();
            finiteIn &= Double.isFinite(xs[i]);
        }
        double v = f.apply(xs);
        return Double.isFinite(v) || !finiteIn ? Expr.num(v) : null;
    }

    /** Whether {@code e} is a finite whole number. */
    static boolean isInteger(Expr e) {
        return e instanceof Expr.Num n && Double.isFinite(n.value()) && n.value() == Math.rint(n.value());
    }

    /**
     * Records factor {@code f} as base and exponent and returns the sign taken out of it. A sum
     * factor is negated if that makes it read better (see {@link #readsNegative}), also under an
     * integer power, so that {@code (x - 1) * y} and {@code -(1 - x) * y} have one form.
     */
    private static double addFactor(Map<Expr, List<Expr>> exponents, Expr f) {
        Expr base = f instanceof Expr.Pow p ? p.base() : f;
        Expr exponent = f instanceof Expr.Pow p ? p.exponent() : Expr.ONE;
        double sign = 1;
        if (base instanceof Expr.Sum s && readsNegative(s) && isInteger(exponent)) {
            base = negate(s);
            sign = ((Expr.Num) exponent).value() % 2 == 0 ? 1 : -1;
        }
        exponents.computeIfAbsent(base, k -> new ArrayList<>()).add(exponent);
        return sign;
    }

    /** {@code c * rest} for a canonical coefficient-free term {@code rest}. */
    private static Expr scale(double c, Expr rest) {
        if (c == 1) {
            return rest;
        }
        if (rest instanceof Expr.Product p) {
            return new Expr.Product(c, p.factors());
        }
        return new Expr.Product(c, List.of(rest));
    }

    /**
     * Whether {@code -s} is the preferred sign of a sum factor: when more of its parts are negative
     * than positive; on a tie, when its constant is negative ({@code 1 - x} is kept, {@code x - 1}
     * negated), or without a constant when its first term is.
     */
    private static boolean readsNegative(Expr.Sum s) {
        int balance = (int) Math.signum(s.constant());
        for (Expr t : s.terms()) {
            balance += (int) Math.signum(Order.coefficient(t));
        }
        if (balance != 0) {
            return balance < 0;
        }
        return s.constant() != 0 ? s.constant() < 0 : Order.coefficient(s.terms().get(0)) < 0;
    }

    /** {@code -s}, built directly (terms keep their order, since it ignores coefficients). */
    private static Expr negate(Expr.Sum s) {
        List<Expr> terms = new ArrayList<>();
        for (Expr t : s.terms()) {
            terms.add(scale(-Order.coefficient(t), Order.rest(t)));
        }
        return new Expr.Sum(-s.constant(), terms);
    }

    private static Expr distribute(double c, Expr.Sum s) {
        List<Expr> xs = new ArrayList<>();
        xs.add(Expr.num(c * s.constant()));
        for (Expr t : s.terms()) {
            xs.add(scale(c * Order.coefficient(t), Order.rest(t)));
        }
        return add(xs);
    }
}
