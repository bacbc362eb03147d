package law.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers expressions to a shared DAG of {@link Op} nodes, numbered in topological order.
 *
 * <p>Nodes are hash-consed, so a subexpression appearing in several outputs (a law, its gradient,
 * its Hessian) becomes one node; operands of commutative operations are ordered so that
 * {@code a + b} and {@code b + a} meet. Nodes whose operands are all constants are folded.
 * Sums and products gather their scalar-only operands first, so the scalar part is one node that
 * the {@link Compiler} hoists out of the per-point loop; {@code x^e} with varying {@code x}
 * becomes {@code exp(e * log(x))} with {@code log(x)} shared.
 */
final class Lowering {
    /** One node; {@code a, b, c} are operand ids or -1, {@code value} the constant or index. */
    record Node(Op op, int a, int b, int c, List<Integer> args, PointFunction fn, double value) {
    }

    /** Dependency bit: the node varies with the data columns. */
    static final int COLUMN = 1;
    /** Dependency bit: the node depends on a scalar input. */
    static final int SCALAR = 2;

    final List<Node> nodes = new ArrayList<>();
    final List<Integer> deps = new ArrayList<>();
    private final Map<Node, Integer> ids = new HashMap<>();
    private final Map<Expr, Integer> memo = new HashMap<>();
    private final Map<String, Integer> columns;
    private final Map<String, Integer> scalars;

    Lowering(Map<String, Integer> columns, Map<String, Integer> scalars) {
        this.columns = columns;
        this.scalars = scalars;
    }

    boolean varying(int id) {
        return (deps.get(id) & COLUMN) != 0;
    }

    /** The node computing {@code e}. */
    int lower(Expr e) {
        Integer done = memo.get(e);
        if (done != null) {
            return done;
        }
        int id;
        if (e instanceof Expr.Num n) {
            id = konst(n.value());
        } else if (e instanceof Expr.Sym s) {
            id = symbol(s.name());
        } else if (e instanceof Expr.Sum s) {
            id = sum(s);
        } else if (e instanceof Expr.Product p) {
            id = product(p);
        } else if (e instanceof Expr.Pow p) {
            int b = lower(p.base());
            if (p.exponent() instanceof Expr.Num n) {
                id = powNum(b, n.value());
            } else {
                int x = lower(p.exponent());
                id = varying(b) || varying(x) ? powl(b, x) : binary(Op.POW, b, x);
            }
        } else if (e instanceof Expr.Implicit m) {
            id = implicit(m);
        } else {
            id = call((Expr.Call) e);
        }
        memo.put(e, id);
        return id;
    }

    private int symbol(String name) {
        Integer k = columns.get(name);
        if (k != null) {
            return add(new Node(Op.COL, -1, -1, -1, List.of(), null, k), COLUMN);
        }
        k = scalars.get(name);
        if (k != null) {
            return add(new Node(Op.SCALAR, -1, -1, -1, List.of(), null, k), SCALAR);
        }
        throw new IllegalArgumentException("unknown symbol '" + name + "': neither a column nor a scalar");
    }

    private int sum(Expr.Sum s) {
        int scalar = -1;
        int positive = -1;
        List<Integer> negative = new ArrayList<>();
        for (Expr t : s.terms()) {
            boolean neg = Order.coefficient(t) < 0;
            int id = lower(neg ? Ops.neg(t) : t);
            if (!varying(id)) {
                scalar = scalar < 0 ? (neg ? unary(Op.NEG, id) : id) : binary(neg ? Op.SUB : Op.ADD, scalar, id);
            } else if (neg) {
                negative.add(id);
            } else {
                positive = positive < 0 ? id : binary(Op.ADD, positive, id);
            }
        }
        if (s.constant() != 0) {
            int k = konst(s.constant());
            scalar = scalar < 0 ? k : binary(Op.ADD, scalar, k);
        }
        int acc = positive;
        for (int id : negative) {
            if (acc >= 0) {
                acc = binary(Op.SUB, acc, id);
            } else if (scalar >= 0) {
                acc = binary(Op.SUB, scalar, id);
                scalar = -1;
            } else {
                acc = unary(Op.NEG, id);
            }
        }
        if (acc < 0) {
            return scalar;
        }
        return scalar >= 0 ? binary(Op.ADD, acc, scalar) : acc;
    }

    private int product(Expr.Product p) {
        int scalar = -1;
        int num = -1;
        int den = -1;
        for (Expr f : p.factors()) {
            if (f instanceof Expr.Pow pw && pw.exponent() instanceof Expr.Num n && n.value() < 0) {
                int base = lower(pw.base());
                if (varying(base)) {
                    int d = powNum(base, -n.value());
                    den = den < 0 ? d : binary(Op.MUL, den, d);
                    continue;
                }
            }
            int id = lower(f);
            if (varying(id)) {
                num = num < 0 ? id : binary(Op.MUL, num, id);
            } else {
                scalar = scalar < 0 ? id : binary(Op.MUL, scalar, id);
            }
        }
        double c = p.coefficient();
        boolean negate = c == -1 && scalar < 0 && (num >= 0 || den >= 0);
        if (c != 1 && !negate) {
            int k = konst(c);
            scalar = scalar < 0 ? k : binary(Op.MUL, scalar, k);
        }
        int r = num;
        if (den >= 0) {
            if (num >= 0) {
                r = binary(Op.DIV, num, den);
            } else if (scalar >= 0) {
                r = binary(Op.DIV, scalar, den);
                scalar = -1;
            } else {
                r = binary(Op.DIV, konst(negate ? -1 : 1), den);
                negate = false;
            }
        }
        if (r < 0) {
            return scalar;
        }
        if (scalar >= 0) {
            r = binary(Op.MUL, r, scalar);
        }
        return negate ? unary(Op.NEG, r) : r;
    }

    /** {@code x^n} for a numeric exponent, with cheap forms for common exponents. */
    private int powNum(int x, double n) {
        if (!varying(x)) {
            return binary(Op.POW, x, konst(n));
        }
        if (n == 1) {
            return x;
        } else if (n == 2) {
            return binary(Op.MUL, x, x);
        } else if (n == 3) {
            return binary(Op.MUL, binary(Op.MUL, x, x), x);
        } else if (n == 0.5) {
            return unary(Op.SQRT, x);
        } else if (n == -0.5) {
            return binary(Op.DIV, konst(1), unary(Op.SQRT, x));
        } else if (n == -1) {
            return binary(Op.DIV, konst(1), x);
        } else if (n == -2) {
            return binary(Op.DIV, konst(1), binary(Op.MUL, x, x));
        } else if (n == Math.rint(n)) {
            return binary(Op.POW, x, konst(n));
        }
        return powl(x, konst(n));
    }

    private int powl(int x, int e) {
        return node(Op.POWL, x, e, unary(Op.LOG, x), List.of(), null);
    }

    private int call(Expr.Call c) {
        List<Integer> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(lower(a));
        }
        Builtin f = c.function();
        Op u = Op.of(f);
        if (u != null) {
            return unary(u, args.get(0));
        }
        if (f == Builtin.MIN || f == Builtin.MAX) {
            Op op = f == Builtin.MIN ? Op.MIN : Op.MAX;
            int acc = args.get(0);
            for (int i = 1; i < args.size(); i++) {
                acc = binary(op, acc, args.get(i));
            }
            return acc;
        }
        if (f == Builtin.LSE && args.size() == 2) {
            return binary(Op.LSE2, args.get(0), args.get(1));
        }
        return node(Op.CALL, -1, -1, -1, args, f);
    }

    /** A root solve: a call of {@link Roots} on the node's free symbols. */
    private int implicit(Expr.Implicit m) {
        List<String> names = Roots.arguments(m);
        List<Integer> args = new ArrayList<>();
        for (String n : names) {
            args.add(lower(Expr.sym(n)));
        }
        return node(Op.CALL, -1, -1, -1, args, new Roots(m, names));
    }

    int konst(double v) {
        return add(new Node(Op.CONST, -1, -1, -1, List.of(), null, v), 0);
    }

    private int unary(Op op, int a) {
        return node(op, a, -1, -1, List.of(), null);
    }

    private int binary(Op op, int a, int b) {
        if (op.commutative() && b < a) {
            return node(op, b, a, -1, List.of(), null);
        }
        return node(op, a, b, -1, List.of(), null);
    }

    /** Interns a node, folding it when all operands are constants. */
    private int node(Op op, int a, int b, int c, List<Integer> args, PointFunction fn) {
        List<Integer> operands = new ArrayList<>(args);
        for (int x : new int[] {a, b, c}) {
            if (x >= 0) {
                operands.add(x);
            }
        }
        int d = 0;
        boolean constant = true;
        for (int x : operands) {
            d |= deps.get(x);
            constant &= nodes.get(x).op() == Op.CONST;
        }
        if (constant) {
            return konst(op == Op.CALL ? fn.apply(values(args)) : op.apply(value(a), value(b), value(c)));
        }
        return add(new Node(op, a, b, c, List.copyOf(args), fn, 0), d);
    }

    private double value(int id) {
        return id < 0 ? Double.NaN : nodes.get(id).value();
    }

    private double[] values(List<Integer> ids) {
        double[] xs = new double[ids.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = value(ids.get(i));
        }
        return xs;
    }

    private int add(Node n, int dependencies) {
        Integer id = ids.get(n);
        if (id != null) {
            return id;
        }
        nodes.add(n);
        deps.add(dependencies);
        ids.put(n, nodes.size() - 1);
        return nodes.size() - 1;
    }
}
