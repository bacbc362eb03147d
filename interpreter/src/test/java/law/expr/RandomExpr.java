package law.expr;

import java.util.Random;

/**
 * Random expressions over x = 1.3, y = 0.7, z = 2.2 for property tests, built through {@link Ops}
 * together with the plain double value of the unsimplified tree and a magnitude bound of its parts.
 */
final class RandomExpr {
    private RandomExpr() {
    }

    /** An expression, its value computed without simplification, and the size of its intermediates. */
    record Pair(Expr expr, double raw, double scale) {
    }

    private static final String[] NAMES = {"x", "y", "z"};
    private static final double[] VALUES = {1.3, 0.7, 2.2};
    private static final double[] NUMBERS = {0, 1, 2, 3, 0.5, -1, -2.5, 1e-3, 10};

    static Pair generate(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            if (r.nextBoolean()) {
                int k = r.nextInt(NAMES.length);
                return new Pair(Expr.sym(NAMES[k]), VALUES[k], VALUES[k]);
            }
            double v = NUMBERS[r.nextInt(NUMBERS.length)];
            return new Pair(Expr.num(v), v, Math.abs(v));
        }
        Pair a = generate(r, depth - 1);
        Pair b = generate(r, depth - 1);
        double s = Math.max(a.scale(), b.scale());
        switch (r.nextInt(12)) {
            case 0: return new Pair(Ops.add(a.expr(), b.expr()), a.raw() + b.raw(), s);
            case 1: return new Pair(Ops.sub(a.expr(), b.expr()), a.raw() - b.raw(), s);
            case 2: return new Pair(Ops.mul(a.expr(), b.expr()), a.raw() * b.raw(), a.scale() * b.scale());
            case 3: return new Pair(Ops.div(a.expr(), b.expr()), a.raw() / b.raw(), Math.abs(a.raw() / b.raw()) + s);
            case 4: {
                double k = r.nextInt(5) - 2;
                double v = Math.pow(a.raw(), k);
                return new Pair(Ops.pow(a.expr(), Expr.num(k)), v, Math.abs(v) + Math.pow(a.scale(), Math.abs(k)));
            }
            case 5: {
                double v = Math.pow(a.raw(), b.raw());
                return new Pair(Ops.pow(a.expr(), b.expr()), v, Math.abs(v) + s);
            }
            case 6: return new Pair(Ops.neg(a.expr()), -a.raw(), a.scale());
            case 7: return new Pair(Ops.call(Builtin.EXP, a.expr()), Math.exp(a.raw()), Math.exp(a.raw()) + s);
            case 8: return new Pair(Ops.call(Builtin.LOG, a.expr()), Math.log(a.raw()), Math.abs(Math.log(a.raw())) + s);
            case 9: return new Pair(Ops.call(Builtin.MIN, a.expr(), b.expr()), Math.min(a.raw(), b.raw()), s);
            case 10: return new Pair(Ops.call(Builtin.ABS, a.expr()), Math.abs(a.raw()), a.scale());
            default: {
                double v = Builtin.lse(new double[] {a.raw(), b.raw()});
                return new Pair(Ops.call(Builtin.LSE, a.expr(), b.expr()), v, Math.abs(v) + s);
            }
        }
    }
}
