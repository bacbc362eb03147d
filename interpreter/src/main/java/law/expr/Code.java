package law.expr;

import java.util.List;

/**
 * A straight-line list of instructions in parallel arrays: instruction {@code k} computes
 * {@code op[k]} of registers {@code a[k], b[k], c[k]} (or {@code args[k]} for a builtin call of
 * {@code fn[k]}) into register {@code dst[k]}. The arrays are never modified after construction.
 */
record Code(int[] op, int[] dst, int[] a, int[] b, int[] c, int[][] args, PointFunction[] fn) {

    /** One instruction while a list is being built. */
    record Instr(int op, int dst, int a, int b, int c, int[] args, PointFunction fn) {
    }

    static Code of(List<Instr> xs) {
        int n = xs.size();
        Code code = new Code(new int[n], new int[n], new int[n], new int[n], new int[n], new int[n][], new PointFunction[n]);
        for (int k = 0; k < n; k++) {
            Instr x = xs.get(k);
            code.op[k] = x.op();
            code.dst[k] = x.dst();
            code.a[k] = x.a();
            code.b[k] = x.b();
            code.c[k] = x.c();
            code.args[k] = x.args();
            code.fn[k] = x.fn();
        }
        return code;
    }

    int size() {
        return op.length;
    }
}
