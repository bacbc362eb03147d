package law.expr;

import law.numeric.Elementary;
/**
 * The low-level operations of a compiled {@link Program}: expression nodes lowered to binary,
 * unary and a few special forms. {@code POWL(x, e, lx)} is {@code x^e} computed as
 * {@code exp(e * lx)}, where {@code lx = log(x)} is a separate node shared with other uses of
 * {@code log(x)}; it falls back to {@code Math.pow} unless {@code x} is positive and finite. Its
 * relative error is about {@code |e * lx|} ulps (1e-15 for Chinchilla-sized terms), against one
 * ulp for {@code Math.pow}. {@code CALL} applies any {@link Builtin} point by point.
 */
enum Op {
    CONST, COL, SCALAR,
    ADD, SUB, MUL, DIV, POW, MIN, MAX, LSE2,
    POWL,
    NEG, EXP, LOG, LOG10, LOG2, SQRT, ABS, SOFTPLUS, SIGMOID, SIGN, SIN, COS, TAN, ASIN, ACOS, ATAN, ERF,
    CALL;

    /** Whether {@code op(a, b) == op(b, a)} bit for bit. */
    boolean commutative() {
        return this == ADD || this == MUL || this == MIN || this == MAX || this == LSE2;
    }

    /** Whether the operation takes exactly one operand. */
    boolean unary() {
        return ordinal() >= NEG.ordinal() && this != CALL;
    }

    /** The scalar value; operands {@code a, b, c} as in the node ({@code CALL} is not handled here). */
    double apply(double a, double b, double c) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case POW: return Math.pow(a, b);
            case MIN: return Math.min(a, b);
            case MAX: return Math.max(a, b);
            case LSE2: return Builtin.lse2(a, b);
            case POWL: return powl(a, b, c);
            default: return unary(this, a);
        }
    }

    /** {@code x^e} given {@code lx = log(x)}. */
    static double powl(double x, double e, double lx) {
        return x > 0 && x <= Double.MAX_VALUE ? Elementary.exp(e * lx) : Math.pow(x, e);
    }

    static double unary(Op op, double x) {
        switch (op) {
            case NEG: return -x;
            case EXP: return Elementary.exp(x);
            case LOG: return Elementary.log(x);
            case LOG10: return Math.log10(x);
            case LOG2: return Builtin.log2(x);
            case SQRT: return Math.sqrt(x);
            case ABS: return Math.abs(x);
            case SOFTPLUS: return Builtin.softplus(x);
            case SIGMOID: return Builtin.sigmoid(x);
            case SIGN: return Math.signum(x);
            case SIN: return Math.sin(x);
            case COS: return Math.cos(x);
            case TAN: return Math.tan(x);
            case ASIN: return Math.asin(x);
            case ACOS: return Math.acos(x);
            case ATAN: return Math.atan(x);
            case ERF: return Builtin.erf(x);
            default: throw new AssertionError(op);
        }
    }

    /** The unary operation computing a one-argument builtin, or null. */
    static Op of(Builtin f) {
        switch (f) {
            case EXP: return EXP;
            case LOG: return LOG;
            case LOG10: return LOG10;
            case LOG2: return LOG2;
            case SQRT: return SQRT;
            case ABS: return ABS;
            case SOFTPLUS: return SOFTPLUS;
            case SIGMOID: return SIGMOID;
            case SIGN: return SIGN;
            case SIN: return SIN;
            case COS: return COS;
            case TAN: return TAN;
            case ASIN: return ASIN;
            case ACOS: return ACOS;
            case ATAN: return ATAN;
            case ERF: return ERF;
            default: return null;
        }
    }
}
