package law.expr;

import java.util.Arrays;
import java.util.List;

/**
 * A compiled tape that evaluates several expressions over data columns, block by block.
 *
 * <p>Per call, the prelude computes everything that depends only on scalars (once, not per
 * point); then each block of {@link #blockSize()} points runs the column code and the mixed
 * code, each instruction one loop over the block, writing results straight into the caller's
 * output arrays. Results do not depend on the block size or on where blocks start.
 *
 * <p>A program is immutable and thread-safe; the mutable registers live in a {@link Workspace},
 * one per thread. Output arrays must not alias each other or the columns.
 */
public final class Program {
    private static final Op[] OPS = Op.values();

    private final List<String> columns;
    private final List<String> scalars;
    private final int nOutputs;
    private final int blockSize;
    private final double[] initialScalars;
    private final Code prelude;
    private final Code columnCode;
    private final Code mixedCode;
    private final int exportBase;
    private final int nExports;
    private final int tempBase;
    private final int nTemps;
    private final int[] copy;

    Program(List<String> columns, List<String> scalars, int nOutputs, int blockSize,
            double[] initialScalars, Code prelude, Code columnCode, Code mixedCode, int exportBase,
            int nExports, int tempBase, int nTemps, int[] copy) {
        this.columns = List.copyOf(columns);
        this.scalars = List.copyOf(scalars);
        this.nOutputs = nOutputs;
        this.blockSize = blockSize;
        this.initialScalars = initialScalars;
        this.prelude = prelude;
        this.columnCode = columnCode;
        this.mixedCode = mixedCode;
        this.exportBase = exportBase;
        this.nExports = nExports;
        this.tempBase = tempBase;
        this.nTemps = nTemps;
        this.copy = copy;
    }

    /** The column names, in the order {@code evaluate} expects the column arrays. */
    public List<String> columns() {
        return columns;
    }

    /** The scalar names, in the order {@code evaluate} expects their values. */
    public List<String> scalars() {
        return scalars;
    }

    /** The number of outputs. */
    public int outputCount() {
        return nOutputs;
    }

    /** The number of points per block. */
    public int blockSize() {
        return blockSize;
    }

    /** Fresh registers for one thread. */
    public Workspace newWorkspace() {
        return new Workspace(this, initialScalars.clone(), tempBase + nTemps, exportBase, nExports, tempBase, nTemps, blockSize);
    }

    /** Evaluates points {@code 0 .. n-1}: {@code outputs[k][i]} = output k at point i. */
    public void evaluate(double[][] columns, int n, double[] scalars, double[][] outputs, Workspace ws) {
        evaluate(columns, 0, n, scalars, outputs, ws);
    }

    /**
     * Evaluates points {@code from .. to-1}, writing {@code outputs[k][i]} for those points only;
     * threads sharing the arrays can split a data set into ranges.
     *
     * @throws IllegalArgumentException if an array is missing or too short, or {@code ws} belongs
     *     to another program
     */
    public void evaluate(double[][] columns, int from, int to, double[] scalars, double[][] outputs, Workspace ws) {
        checkColumns(columns, to);
        check(from, to, scalars, outputs, ws);
        begin(ws, columns, scalars, outputs);
        for (int j = 0; j < nExports; j++) {
            ws.arrays[exportBase + j] = ws.exports[j];
            ws.offsets[exportBase + j] = 0;
        }
        blocks(ws, from, to, outputs, true, false);
        end(ws);
    }

    /** Binds {@code columns} and computes the column-only values of all {@code n} points once. */
    public Prepared prepare(double[][] columns, int n) {
        checkColumns(columns, n);
        double[][] cache = new double[nExports][n];
        Workspace ws = newWorkspace();
        begin(ws, columns, null, null);
        System.arraycopy(cache, 0, ws.arrays, exportBase, nExports);
        blocks(ws, 0, n, null, true, true);
        return new Prepared(this, columns.clone(), cache, n);
    }

    /** Like {@link #evaluate(double[][], int, int, double[], double[][], Workspace)} on prepared data. */
    public void evaluate(Prepared data, int from, int to, double[] scalars, double[][] outputs, Workspace ws) {
        if (data.program != this) {
            throw new IllegalArgumentException("data prepared for another program");
        }
        if (to > data.size) {
            throw new IllegalArgumentException("range ends at " + to + " but data has " + data.size + " points");
        }
        check(from, to, scalars, outputs, ws);
        begin(ws, data.columns, scalars, outputs);
        System.arraycopy(data.cache, 0, ws.arrays, exportBase, nExports);
        blocks(ws, from, to, outputs, false, true);
        end(ws);
    }

    private void checkColumns(double[][] cols, int to) {
        if (cols.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " columns, got " + cols.length);
        }
        for (int k = 0; k < cols.length; k++) {
            if (cols[k] == null || cols[k].length < to) {
                throw new IllegalArgumentException("column '" + columns.get(k) + "' has fewer than " + to + " points");
            }
        }
    }

    private void check(int from, int to, double[] s, double[][] outputs, Workspace ws) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("bad range " + from + " .. " + to);
        }
        if (s.length != scalars.size()) {
            throw new IllegalArgumentException("expected " + scalars.size() + " scalars, got " + s.length);
        }
        if (outputs.length != nOutputs) {
            throw new IllegalArgumentException("expected " + nOutputs + " outputs, got " + outputs.length);
        }
        for (double[] out : outputs) {
            if (out == null || out.length < to) {
                throw new IllegalArgumentException("an output array has fewer than " + to + " points");
            }
        }
        if (ws.program != this) {
            throw new IllegalArgumentException("workspace belongs to another program");
        }
    }

    private void begin(Workspace ws, double[][] cols, double[] s, double[][] outputs) {
        System.arraycopy(cols, 0, ws.arrays, 0, cols.length);
        if (outputs != null) {
            System.arraycopy(outputs, 0, ws.arrays, cols.length, outputs.length);
        }
        if (s != null) {
            System.arraycopy(s, 0, ws.scalars, 0, s.length);
            runPrelude(ws.scalars);
        }
    }

    private void end(Workspace ws) {
        Arrays.fill(ws.arrays, 0, tempBase, null);
    }

    private void blocks(Workspace ws, int from, int to, double[][] outputs, boolean columnCode, boolean atPoint) {
        int bound = columns.size() + nOutputs;
        for (int start = from; start < to; start += blockSize) {
            int len = Math.min(blockSize, to - start);
            Arrays.fill(ws.offsets, 0, bound, start);
            if (atPoint) {
                Arrays.fill(ws.offsets, exportBase, exportBase + nExports, start);
            }
            if (columnCode) {
                Kernels.run(this.columnCode, ws, len);
            }
            if (outputs != null) {
                Kernels.run(mixedCode, ws, len);
                copyOutputs(ws, outputs, start, len);
            }
        }
    }

    private void copyOutputs(Workspace ws, double[][] outputs, int start, int len) {
        for (int k = 0; k < nOutputs; k++) {
            int r = copy[k];
            if (r == Integer.MIN_VALUE) {
                continue;
            }
            if (r >= 0) {
                System.arraycopy(ws.arrays[r], ws.offsets[r], outputs[k], start, len);
            } else {
                Arrays.fill(outputs[k], start, start + len, ws.scalars[-r - 1]);
            }
        }
    }

    private void runPrelude(double[] s) {
        Op[] ops = OPS;
        for (int k = 0; k < prelude.size(); k++) {
            Op op = ops[prelude.op()[k]];
            double v;
            if (op == Op.CALL) {
                int[] args = prelude.args()[k];
                double[] xs = new double[args.length];
                for (int j = 0; j < xs.length; j++) {
                    xs[j] = s[args[j]];
                }
                v = prelude.fn()[k].apply(xs);
            } else {
                int a = prelude.a()[k];
                int b = prelude.b()[k];
                int c = prelude.c()[k];
                v = op.apply(s[a], b < 0 ? Double.NaN : s[b], c < 0 ? Double.NaN : s[c]);
            }
            s[prelude.dst()[k]] = v;
        }
    }

    /** A one-line summary: outputs, instruction counts per stage, registers. */
    @Override
    public String toString() {
        return "Program[outputs=" + nOutputs + ", prelude=" + prelude.size() + ", column=" + columnCode.size()
                + ", mixed=" + mixedCode.size() + ", cached=" + nExports + ", temps=" + nTemps
                + ", block=" + blockSize + "]";
    }

    /** The number of vector instructions with the given code (for tests). */
    int count(int code) {
        int n = 0;
        for (Code c : List.of(columnCode, mixedCode)) {
            for (int op : c.op()) {
                n += op == code ? 1 : 0;
            }
        }
        return n;
    }
}
