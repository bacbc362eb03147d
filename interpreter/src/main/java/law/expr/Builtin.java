package law.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import law.numeric.Elementary;

/**
 * The builtin functions of the language, with their scalar values and symbolic derivatives.
 *
 * <p>{@code lse}, {@code softplus} and {@code sigmoid} are computed stably: no overflow for large
 * arguments and no loss of the small terms. Three functions exist only as derivatives of others
 * and are not part of the language ({@link #inLanguage()} is false): {@code sign(x)} (of
 * {@code abs}), and {@code ismin(k, a1, ..., an)} / {@code ismax(...)}, which are 1 where
 * {@code a_k} is the first argument attaining the minimum (maximum) and 0 elsewhere (of
 * {@code min} and {@code max}).
 *
 * <p>The trigonometric functions work in radians with {@link Math}'s accuracy (within 1-2 ulps);
 * {@code erf} is Apache Commons Numbers' port of Boost's, within 2 ulps everywhere, subnormal
 * arguments included. Their derivatives are written with builtins only, so a printed derivative
 * is itself a callable {@code .law} expression: {@code d tan(x) = tan(x)^2 + 1},
 * {@code d asin(x) = 1 / sqrt(1 - x^2)}, {@code d atan2(y, x) = (x dy - y dx) / (x^2 + y^2)},
 * {@code d erf(x) = 2 / sqrt(pi) exp(-x^2)}.
 */
public enum Builtin implements PointFunction {
    /** {@code exp(x)}. */
    EXP("exp", 1, 1, true),
    /** Natural logarithm. */
    LOG("log", 1, 1, true),
    /** Logarithm to base 10. */
    LOG10("log10", 1, 1, true),
    /** Logarithm to base 2, exact on powers of two. */
    LOG2("log2", 1, 1, true),
    /** Square root. */
    SQRT("sqrt", 1, 1, true),
    /** Absolute value; its derivative is {@link #SIGN}. */
    ABS("abs", 1, 1, true),
    /** Smallest argument (one or more); NaN if any argument is NaN. */
    MIN("min", 1, Integer.MAX_VALUE, true),
    /** Largest argument (one or more); NaN if any argument is NaN. */
    MAX("max", 1, Integer.MAX_VALUE, true),
    /** {@code pow(a, b) = a^b}; simplified to a power on construction. */
    POW("pow", 2, 2, true),
    /** {@code lse(a, b, ...) = log(exp(a) + exp(b) + ...)}, shifted by the maximum. */
    LSE("lse", 1, Integer.MAX_VALUE, true),
    /** {@code softplus(x) = log(1 + exp(x))}. */
    SOFTPLUS("softplus", 1, 1, true),
    /** {@code sigmoid(x) = 1 / (1 + exp(-x))}. */
    SIGMOID("sigmoid", 1, 1, true),
    /** Sign: -1, 0 or 1 (the derivative of {@code abs}). */
    SIGN("sign", 1, 1, true),
    /** {@code ismin(k, a1, ..., an)} (internal: the derivative of {@code min}). */
    ISMIN("ismin", 2, Integer.MAX_VALUE, false),
    /** {@code ismax(k, a1, ..., an)} (internal: the derivative of {@code max}). */
    ISMAX("ismax", 2, Integer.MAX_VALUE, false),
    /** Sine (radians). */
    SIN("sin", 1, 1, true),
    /** Cosine (radians). */
    COS("cos", 1, 1, true),
    /** Tangent (radians). */
    TAN("tan", 1, 1, true),
    /** Arc sine, in {@code [-pi/2, pi/2]}; NaN outside {@code [-1, 1]}. */
    ASIN("asin", 1, 1, true),
    /** Arc cosine, in {@code [0, pi]}; NaN outside {@code [-1, 1]}. */
    ACOS("acos", 1, 1, true),
    /** Arc tangent, in {@code (-pi/2, pi/2)}. */
    ATAN("atan", 1, 1, true),
    /** {@code atan2(y, x)}: the angle of the point {@code (x, y)}, in {@code [-pi, pi]}. */
    ATAN2("atan2", 2, 2, true),
    /** The error function {@code erf(x) = 2/sqrt(pi) * integral from 0 to x of exp(-t^2) dt}. */
    ERF("erf", 1, 1, true);

    private static final double LN2 = Math.log(2);
    /** {@code 2 / sqrt(pi)}, the slope of {@code erf} at 0. */
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private final String symbol;
    private final int minArity;
    private final int maxArity;
    private final boolean inLanguage;

    Builtin(String symbol, int minArity, int maxArity, boolean inLanguage) {
        this.symbol = symbol;
        this.minArity = minArity;
        this.maxArity = maxArity;
        this.inLanguage = inLanguage;
    }

    /** The name used in {@code .law} source, e.g. {@code "log10"}. */
    public String symbol() {
        return symbol;
    }

    /** The least number of arguments. */
    public int minArity() {
        return minArity;
    }

    /** The greatest number of arguments ({@link Integer#MAX_VALUE} when variadic). */
    public int maxArity() {
        return maxArity;
    }

    /** Whether any number of arguments from {@link #minArity()} up is accepted. */
    public boolean isVariadic() {
        return maxArity == Integer.MAX_VALUE;
    }

    /** Whether a call with {@code n} arguments is well formed. */
    public boolean accepts(int n) {
        return n >= minArity && n <= maxArity;
    }

    /** The arity in words, for messages: {@code "1"}, {@code "2"}, {@code "1 or more"}. */
    public String arityText() {
        return isVariadic() ? minArity + " or more" : Integer.toString(minArity);
    }

    /** Whether a {@code .law} program may call this function by name. */
    public boolean inLanguage() {
        return inLanguage;
    }

    /** The function a {@code .law} program calls by {@code name}, if any. */
    public static Optional<Builtin> byName(String name) {
        for (Builtin b : values()) {
            if (b.inLanguage && b.symbol.equals(name)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The value at the given arguments (the arity is not checked). */
    public double apply(double... x) {
        switch (this) {
            case EXP: return Elementary.exp(x[0]);
            case LOG: return Elementary.log(x[0]);
            case LOG10: return Math.log10(x[0]);
            case LOG2: return log2(x[0]);
            case SQRT: return Math.sqrt(x[0]);
            case ABS: return Math.abs(x[0]);
            case MIN: {
                double m = x[0];
                for (int i = 1; i < x.length; i++) {
                    m = Math.min(m, x[i]);
                }
                return m;
            }
            case MAX: {
                double m = x[0];
                for (int i = 1; i < x.length; i++) {
                    m = Math.max(m, x[i]);
                }
                return m;
            }
            case POW: return Math.pow(x[0], x[1]);
            case LSE: return lse(x);
            case SOFTPLUS: return softplus(x[0]);
            case SIGMOID: return sigmoid(x[0]);
            case SIGN: return Math.signum(x[0]);
            case ISMIN: return select(x, -1);
            case ISMAX: return select(x, 1);
            case SIN: return Math.sin(x[0]);
            case COS: return Math.cos(x[0]);
            case TAN: return Math.tan(x[0]);
            case ASIN: return Math.asin(x[0]);
            case ACOS: return Math.acos(x[0]);
            case ATAN: return Math.atan(x[0]);
            case ATAN2: return Math.atan2(x[0], x[1]);
            case ERF: return erf(x[0]);
            default: throw new AssertionError(this);
        }
    }

    /** The derivative of {@code f(args)} with respect to its argument {@code i}, simplified. */
    public Expr partial(int i, List<Expr> args) {
        Expr a = args.get(i);
        switch (this) {
            case EXP: return Ops.call(EXP, a);
            case LOG: return Ops.pow(a, Expr.num(-1));
            case LOG10: return Ops.mul(Expr.num(1 / Math.log(10)), Ops.pow(a, Expr.num(-1)));
            case LOG2: return Ops.mul(Expr.num(1 / LN2), Ops.pow(a, Expr.num(-1)));
            case SQRT: return Ops.mul(Expr.num(0.5), Ops.pow(Ops.call(SQRT, a), Expr.num(-1)));
            case ABS: return Ops.call(SIGN, a);
            case MIN: return Ops.call(ISMIN, indexed(i, args));
            case MAX: return Ops.call(ISMAX, indexed(i, args));
            case POW: {
                Expr b = args.get(1);
                Expr base = args.get(0);
                return i == 0
                        ? Ops.mul(b, Ops.pow(base, Ops.add(b, Expr.num(-1))))
                        : Ops.mul(Ops.pow(base, b), Ops.call(LOG, base));
            }
            case LSE: return Ops.call(EXP, Ops.sub(a, Ops.call(LSE, args)));
            case SOFTPLUS: return Ops.call(SIGMOID, a);
            case SIGMOID: {
                Expr s = Ops.call(SIGMOID, a);
                return Ops.mul(s, Ops.sub(Expr.ONE, s));
            }
            case SIGN:
            case ISMIN:
            case ISMAX:
                return Expr.ZERO;
            default: return trigonometric(i, args);
        }
    }

    /** The partial derivatives of the trigonometric functions and {@code erf}. */
    private Expr trigonometric(int i, List<Expr> args) {
        Expr a = args.get(i);
        switch (this) {
            case SIN: return Ops.call(COS, a);
            case COS: return Ops.neg(Ops.call(SIN, a));
            case TAN: return Ops.add(Expr.ONE, Ops.pow(Ops.call(TAN, a), Expr.num(2)));
            case ASIN: return Ops.pow(Ops.call(SQRT, Ops.sub(Expr.ONE, Ops.pow(a, Expr.num(2)))), Expr.num(-1));
            case ACOS: return Ops.neg(ASIN.partial(i, args));
            case ATAN: return Ops.pow(Ops.add(Expr.ONE, Ops.pow(a, Expr.num(2))), Expr.num(-1));
            case ATAN2: {
                Expr y = args.get(0);
                Expr x = args.get(1);
                Expr r2 = Ops.add(Ops.pow(x, Expr.num(2)), Ops.pow(y, Expr.num(2)));
                return Ops.div(i == 0 ? x : Ops.neg(y), r2);
            }
            case ERF: return Ops.mul(Expr.num(TWO_OVER_SQRT_PI), Ops.call(EXP, Ops.neg(Ops.pow(a, Expr.num(2)))));
            default: throw new AssertionError(this);
        }
    }

    /** The error function, within 2 ulps (Apache Commons Numbers, after Boost). */
    static double erf(double x) {
        return org.apache.commons.numbers.gamma.Erf.value(x);
    }

    private static List<Expr> indexed(int i, List<Expr> args) {
        List<Expr> xs = new ArrayList<>(args.size() + 1);
        xs.add(Expr.num(i + 1));
        xs.addAll(args);
        return xs;
    }

    /** {@code log2(x)}, exact for powers of two. */
    static double log2(double x) {
        if (x > 0 && x <= Double.MAX_VALUE) {
            int e = Math.getExponent(x);
            if (e >= Double.MIN_EXPONENT) {
                double m = Math.scalb(x, -e);
                return m == 1 ? e : e + Math.log(m) / LN2;
            }
        }
        return Math.log(x) / LN2;
    }

    /** {@code log(exp(a) + exp(b) + ...)}, shifted by the maximum. */
    static double lse(double[] x) {
        int top = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                return Double.NaN;
            }
            if (x[i] > x[top]) {
                top = i;
            }
        }
        double m = x[top];
        if (Double.isInfinite(m)) {
            return m;
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (i != top) {
                s += Math.exp(x[i] - m);
            }
        }
        return m + Math.log1p(s);
    }

    /** {@code lse(a, b)}; bit-identical to {@link #lse(double[])} on two arguments. */
    static double lse2(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        double m = Math.max(a, b);
        if (Double.isInfinite(m)) {
            return m;
        }
        return m + Math.log1p(Math.exp(Math.min(a, b) - m));
    }

    /** {@code log(1 + exp(x))} without overflow. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** {@code 1 / (1 + exp(-x))} without overflow. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** 1 if {@code x[k]} (1-based among {@code x[1..]}) is the first extreme argument, else 0. */
    private static double select(double[] x, int direction) {
        int k = (int) x[0];
        int best = 1;
        for (int j = 1; j < x.length; j++) {
            if (Double.isNaN(x[j])) {
                return Double.NaN;
            }
            if (direction * x[j] > direction * x[best]) {
                best = j;
            }
        }
        if (k < 1 || k >= x.length || k != x[0]) {
            return Double.NaN;
        }
        return best == k ? 1 : 0;
    }
}
