package law.expr;

import law.numeric.Elementary;
/**
 * The vector instruction set of a {@link Program} and its interpreter: every instruction is one
 * tight loop over a block of points. Operand suffixes name the operand kinds: {@code VV} two
 * vectors, {@code VS} vector and scalar, {@code SV} scalar and vector.
 *
 * <p>The commonest loops have a second copy for operands that all start at index 0 (every
 * block of a data set of at most one block, and every temporary): the JIT vectorises
 * {@code d[i] = a[i] * b[i]} but not the same loop over offsets {@code d[od + i] = a[oa + i] * b[ob + i]},
 * which ran about four times slower per point in a JMH comparison. Same operations, same results.
 * Powers and exponentials of such blocks take {@link Elementary#exps}, whose first loop the JIT
 * vectorises (a block's value, gradient and Hessian under log residuals about 29 instead of 37 ns
 * per point in one thread-CPU-time comparison); with offsets they take {@link Elementary#exp} point by point.
 */
final class Kernels {
    static final int ADD_VV = 0;
    static final int ADD_VS = 1;
    static final int SUB_VV = 2;
    static final int SUB_VS = 3;
    static final int SUB_SV = 4;
    static final int MUL_VV = 5;
    static final int MUL_VS = 6;
    static final int DIV_VV = 7;
    static final int DIV_VS = 8;
    static final int DIV_SV = 9;
    static final int POW_VV = 10;
    static final int POW_VS = 11;
    static final int POW_SV = 12;
    static final int MIN_VV = 13;
    static final int MIN_VS = 14;
    static final int MAX_VV = 15;
    static final int MAX_VS = 16;
    static final int LSE_VV = 17;
    static final int LSE_VS = 18;
    static final int POWL_VV = 19;
    static final int POWL_VS = 20;
    static final int POWL_SV = 21;
    static final int UNARY = 22;
    static final int NEG = UNARY;
    static final int EXP = UNARY + 1;
    static final int LOG = UNARY + 2;
    /** After every unary code ({@code UNARY + k} for the k-th unary {@link Op}; fewer than 32). */
    static final int CALL = UNARY + 32;

    private static final Op[] OPS = Op.values();

    private Kernels() {
    }

    /** The code of a binary operation given which operands are scalars (SV only if not commutative). */
    static int binary(Op op, boolean aScalar, boolean bScalar) {
        if (aScalar && (op.commutative() || bScalar)) {
            throw new AssertionError("operands of " + op + " must be swapped or folded");
        }
        int mode = aScalar ? 2 : bScalar ? 1 : 0;
        switch (op) {
            case ADD: return ADD_VV + mode;
            case SUB: return SUB_VV + mode;
            case MUL: return MUL_VV + mode;
            case DIV: return DIV_VV + mode;
            case POW: return POW_VV + mode;
            case MIN: return MIN_VV + mode;
            case MAX: return MAX_VV + mode;
            case LSE2: return LSE_VV + mode;
            case POWL: return POWL_VV + mode;
            default: throw new AssertionError(op);
        }
    }

    /** The code of a unary operation. */
    static int unary(Op op) {
        return UNARY + op.ordinal() - Op.NEG.ordinal();
    }

    /** Runs {@code code} on the first {@code len} points of the block bound in {@code ws}. */
    static void run(Code code, Workspace ws, int len) {
        double[][] v = ws.arrays;
        int[] o = ws.offsets;
        double[] s = ws.scalars;
        int[] ops = code.op();
        int[] dst = code.dst();
        int[] as = code.a();
        int[] bs = code.b();
        int[] cs = code.c();
        for (int k = 0; k < ops.length; k++) {
            double[] d = v[dst[k]];
            int od = o[dst[k]];
            int a = as[k];
            int b = bs[k];
            int op = ops[k];
            switch (op) {
                case ADD_VV: add(d, od, v[a], o[a], v[b], o[b], len); break;
                case ADD_VS: addS(d, od, v[a], o[a], s[b], len); break;
                case SUB_VV: sub(d, od, v[a], o[a], v[b], o[b], len); break;
                case SUB_VS: addS(d, od, v[a], o[a], -s[b], len); break;
                case SUB_SV: rsubS(d, od, s[a], v[b], o[b], len); break;
                case MUL_VV: mul(d, od, v[a], o[a], v[b], o[b], len); break;
                case MUL_VS: mulS(d, od, v[a], o[a], s[b], len); break;
                case DIV_VV: div(d, od, v[a], o[a], v[b], o[b], len); break;
                case DIV_VS: divS(d, od, v[a], o[a], s[b], len); break;
                case DIV_SV: rdivS(d, od, s[a], v[b], o[b], len); break;
                case POWL_VV: powl(d, od, v[a], o[a], v[b], o[b], v[cs[k]], o[cs[k]], len, ws.expScratch); break;
                case POWL_VS: powlS(d, od, v[a], o[a], s[b], v[cs[k]], o[cs[k]], len, ws.expScratch); break;
                case POWL_SV: for (int i = 0, y = o[b]; i < len; i++) { d[od + i] = Op.powl(s[a], v[b][y + i], s[cs[k]]); } break;
                case CALL: call(code.fn()[k], code.args()[k], d, od, ws, len); break;
                default:
                    if (op >= UNARY) {
                        unary(op, d, od, v[a], o[a], len, ws);
                    } else {
                        other(op, d, od, v, o, s, a, b, len);
                    }
            }
        }
    }

    private static void add(double[] d, int od, double[] a, int oa, double[] b, int ob, int n) {
        if ((od | oa | ob) == 0) {
            for (int i = 0; i < n; i++) {
                d[i] = a[i] + b[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            d[od + i] = a[oa + i] + b[ob + i];
        }
    }

    private static void addS(double[] d, int od, double[] a, int oa, double s, int n) {
        if ((od | oa) == 0) {
            for (int i = 0; i < n; i++) {
                d[i] = a[i] + s;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            d[od + i] = a[oa + i] + s;
        }
    }

    private static void sub(double[] d, int od, double[] a, int oa, double[] b, int ob, int n) {
        if ((od | oa | ob) == 0) {
            for (int i = 0; i < n; i++) {
                d[i] = a[i] - b[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            d[od + i] = a[oa + i] - b[ob + i];
        }
    }

    private static void rsubS(double[] d, int od, double s, double[] b, int ob, int n) {
        for (int i = 0; i < n; i++) {
            d[od + i] = s - b[ob + i];
        }
    }

    private static void mul(double[] d, int od, double[] a, int oa, double[] b, int ob, int n) {
        if ((od | oa | ob) == 0) {
            for (int i = 0; i < n; i++) {
                d[i] = a[i] * b[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            d[od + i] = a[oa + i] * b[ob + i];
        }
    }

    private static void mulS(double[] d, int od, double[] a, int oa, double s, int n) {
        if ((od | oa) == 0) {
            for (int i = 0; i < n; i++) {
                d[i] = a[i] * s;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            d[od + i] = a[oa + i] * s;
        }
    }

    private static void div(double[] d, int od, double[] a, int oa, double[] b, int ob, int n) {
        for (int i = 0; i < n; i++) {
            d[od + i] = a[oa + i] / b[ob + i];
        }
    }

    private static void divS(double[] d, int od, double[] a, int oa, double s, int n) {
        for (int i = 0; i < n; i++) {
            d[od + i] = a[oa + i] / s;
        }
    }

    private static void rdivS(double[] d, int od, double s, double[] b, int ob, int n) {
        for (int i = 0; i < n; i++) {
            d[od + i] = s / b[ob + i];
        }
    }

    /**
     * {@code x^e} as {@code exp(e * log x)}, with {@code Math.pow} where {@code x} is not positive
     * and finite, so results match {@link Op#powl}. That is exactly where {@code log x} is not
     * finite, a branch that is (almost) never taken.
     */
    private static void powl(double[] d, int od, double[] x, int ox, double[] e, int oe, double[] lx, int ol, int n, double[] p) {
        if ((od | oe | ol) == 0) {
            for (int i = 0; i < n; i++) {
                d[i] = e[i] * lx[i];
            }
            Elementary.exps(d, n, p);
            for (int i = 0; i < n; i++) {
                if (!(Math.abs(lx[i]) <= Double.MAX_VALUE)) {
                    d[i] = Math.pow(x[ox + i], e[i]);
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double l = lx[ol + i];
            d[od + i] = Math.abs(l) <= Double.MAX_VALUE ? Elementary.exp(e[oe + i] * l) : Math.pow(x[ox + i], e[oe + i]);
        }
    }

    private static void powlS(double[] d, int od, double[] x, int ox, double e, double[] lx, int ol, int n, double[] p) {
        if ((od | ol) == 0) {
            for (int i = 0; i < n; i++) {
                d[i] = e * lx[i];
            }
            Elementary.exps(d, n, p);
            for (int i = 0; i < n; i++) {
                if (!(Math.abs(lx[i]) <= Double.MAX_VALUE)) {
                    d[i] = Math.pow(x[ox + i], e);
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double l = lx[ol + i];
            d[od + i] = Math.abs(l) <= Double.MAX_VALUE ? Elementary.exp(e * l) : Math.pow(x[ox + i], e);
        }
    }

    private static void exp(double[] d, int od, double[] a, int oa, int n, double[] p) {
        if (od == 0) {
            System.arraycopy(a, oa, d, 0, n);
            Elementary.exps(d, n, p);
            return;
        }
        for (int i = 0; i < n; i++) {
            d[od + i] = Elementary.exp(a[oa + i]);
        }
    }

    private static void log(double[] d, int od, double[] a, int oa, int n, Workspace ws) {
        if ((od | oa) == 0) {
            Elementary.logs(a, n, d, ws.logU, ws.logLo);
            return;
        }
        for (int i = 0; i < n; i++) {
            d[od + i] = Elementary.log(a[oa + i]);
        }
    }

    /** The less frequent binary operations. */
    private static void other(int op, double[] d, int od, double[][] v, int[] o, double[] s, int a, int b, int n) {
        switch (op) {
            case POW_VV: for (int i = 0; i < n; i++) { d[od + i] = Math.pow(v[a][o[a] + i], v[b][o[b] + i]); } break;
            case POW_VS: for (int i = 0; i < n; i++) { d[od + i] = Math.pow(v[a][o[a] + i], s[b]); } break;
            case POW_SV: for (int i = 0; i < n; i++) { d[od + i] = Math.pow(s[a], v[b][o[b] + i]); } break;
            case MIN_VV: for (int i = 0; i < n; i++) { d[od + i] = Math.min(v[a][o[a] + i], v[b][o[b] + i]); } break;
            case MIN_VS: for (int i = 0; i < n; i++) { d[od + i] = Math.min(v[a][o[a] + i], s[b]); } break;
            case MAX_VV: for (int i = 0; i < n; i++) { d[od + i] = Math.max(v[a][o[a] + i], v[b][o[b] + i]); } break;
            case MAX_VS: for (int i = 0; i < n; i++) { d[od + i] = Math.max(v[a][o[a] + i], s[b]); } break;
            case LSE_VV: for (int i = 0; i < n; i++) { d[od + i] = Builtin.lse2(v[a][o[a] + i], v[b][o[b] + i]); } break;
            case LSE_VS: for (int i = 0; i < n; i++) { d[od + i] = Builtin.lse2(v[a][o[a] + i], s[b]); } break;
            default: throw new AssertionError(op);
        }
    }

    private static void unary(int op, double[] d, int od, double[] a, int oa, int n, Workspace ws) {
        switch (op) {
            case NEG: for (int i = 0; i < n; i++) { d[od + i] = -a[oa + i]; } break;
            case EXP: exp(d, od, a, oa, n, ws.expScratch); break;
            case LOG: log(d, od, a, oa, n, ws); break;
            default:
                Op u = OPS[op - UNARY + Op.NEG.ordinal()];
                for (int i = 0; i < n; i++) {
                    d[od + i] = Op.unary(u, a[oa + i]);
                }
        }
    }

    /**
     * A builtin applied point by point, or another {@link PointFunction} (an implicit root) applied
     * to the whole block; scalar operands are encoded as {@code -(register + 1)}.
     */
    private static void call(PointFunction f, int[] args, double[] d, int od, Workspace ws, int n) {
        double[][] v = ws.arrays;
        int[] o = ws.offsets;
        double[] s = ws.scalars;
        if (!(f instanceof Builtin)) {
            double[][] x = new double[args.length][n];
            for (int j = 0; j < args.length; j++) {
                int r = args[j];
                for (int i = 0; i < n; i++) {
                    x[j][i] = r >= 0 ? v[r][o[r] + i] : s[-r - 1];
                }
            }
            f.block(x, n, d, od);
            return;
        }
        double[] g = new double[args.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < args.length; j++) {
                int r = args[j];
                g[j] = r >= 0 ? v[r][o[r] + i] : s[-r - 1];
            }
            d[od + i] = f.apply(g);
        }
    }
}
