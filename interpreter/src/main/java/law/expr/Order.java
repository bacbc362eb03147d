package law.expr;

import java.util.Comparator;
import java.util.List;

/**
 * The canonical total order on expressions, used to sort the operands of sums, products and
 * commutative calls so that equal expressions have equal records and print the same way.
 */
final class Order {
    private Order() {
    }

    /** Orders whole expressions: numbers, symbols, calls, powers, products, sums, implicit roots. */
    static final Comparator<Expr> EXPR = Order::compare;

    /** Orders the factors of a product by their base (a factor {@code x^k} sorts with {@code x}). */
    static final Comparator<Expr> FACTOR = (a, b) -> {
        int c = compare(base(a), base(b));
        return c != 0 ? c : compare(a, b);
    };

    /** Orders the terms of a sum by the term without its numeric coefficient. */
    static final Comparator<Expr> TERM = (a, b) -> {
        int c = compare(rest(a), rest(b));
        return c != 0 ? c : compare(a, b);
    };

    static Expr base(Expr e) {
        return e instanceof Expr.Pow p ? p.base() : e;
    }

    /** A term without its numeric coefficient. */
    static Expr rest(Expr e) {
        if (e instanceof Expr.Product p && p.coefficient() != 1) {
            return p.factors().size() == 1 ? p.factors().get(0) : new Expr.Product(1, p.factors());
        }
        return e;
    }

    /** The numeric coefficient of a term. */
    static double coefficient(Expr e) {
        return e instanceof Expr.Product p ? p.coefficient() : 1;
    }

    private static int rank(Expr e) {
        if (e instanceof Expr.Num) {
            return 0;
        } else if (e instanceof Expr.Sym) {
            return 1;
        } else if (e instanceof Expr.Call) {
            return 2;
        } else if (e instanceof Expr.Pow) {
            return 3;
        } else if (e instanceof Expr.Product) {
            return 4;
        } else if (e instanceof Expr.Sum) {
            return 5;
        }
        return 6;
    }

    static int compare(Expr a, Expr b) {
        if (a == b) {
            return 0;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a instanceof Expr.Num x) {
            return Double.compare(x.value(), ((Expr.Num) b).value());
        } else if (a instanceof Expr.Sym x) {
            return x.name().compareTo(((Expr.Sym) b).name());
        } else if (a instanceof Expr.Call x) {
            Expr.Call y = (Expr.Call) b;
            int c = x.function().compareTo(y.function());
            return c != 0 ? c : compareLists(x.args(), y.args());
        } else if (a instanceof Expr.Pow x) {
            Expr.Pow y = (Expr.Pow) b;
            int c = compare(x.base(), y.base());
            return c != 0 ? c : compare(x.exponent(), y.exponent());
        } else if (a instanceof Expr.Product x) {
            Expr.Product y = (Expr.Product) b;
            int c = compareLists(x.factors(), y.factors());
            return c != 0 ? c : Double.compare(x.coefficient(), y.coefficient());
        }
        if (a instanceof Expr.Implicit x) {
            Expr.Implicit y = (Expr.Implicit) b;
            int c = x.unknown().compareTo(y.unknown());
            return c != 0 ? c : compareLists(List.of(x.f(), x.lo(), x.hi()), List.of(y.f(), y.lo(), y.hi()));
        }
        Expr.Sum x = (Expr.Sum) a;
        Expr.Sum y = (Expr.Sum) b;
        int c = compareLists(x.terms(), y.terms());
        return c != 0 ? c : Double.compare(x.constant(), y.constant());
    }

    private static int compareLists(List<Expr> a, List<Expr> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
