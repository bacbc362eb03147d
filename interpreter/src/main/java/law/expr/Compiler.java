package law.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Compiles expressions into a {@link Program} that evaluates them over whole data columns.
 *
 * <p>All outputs are lowered into one DAG, so subexpressions shared between outputs (a law, its
 * gradient and Hessian) are computed once per point. Nodes are then split three ways: nodes that
 * do not vary with the data (depending only on scalars and constants) form a prelude run once per
 * call; nodes that depend only on columns (such as {@code log(N)}) form the column code, which a
 * {@link Prepared} data set runs once and caches; the rest form the mixed code. Vector registers
 * are reused as soon as their last reader has run, to keep a block's working set in cache.
 */
public final class Compiler {
    /** The default number of points per block: 256. */
    public static final int DEFAULT_BLOCK = 256;

    private final Lowering low;
    private final int[] outs;
    private final int nColumns;
    private final int nScalars;
    private final int[] sreg;
    private final int[] vreg;

    private Compiler(Lowering low, int[] outs, int nColumns, int nScalars) {
        this.low = low;
        this.outs = outs;
        this.nColumns = nColumns;
        this.nScalars = nScalars;
        this.sreg = new int[low.nodes.size()];
        this.vreg = new int[low.nodes.size()];
        Arrays.fill(sreg, -1);
        Arrays.fill(vreg, -1);
    }

    /** Compiles with {@link #DEFAULT_BLOCK} points per block. */
    public static Program compile(List<Expr> outputs, List<String> columns, List<String> scalars) {
        return compile(outputs, columns, scalars, DEFAULT_BLOCK);
    }

    /**
     * Compiles {@code outputs} for data {@code columns} (varying per point) and {@code scalars}
     * (fixed per call, e.g. parameters).
     *
     * @throws IllegalArgumentException naming the symbol if an output uses a name that is neither
     *     a column nor a scalar, or if a name is listed twice
     */
    public static Program compile(List<Expr> outputs, List<String> columns, List<String> scalars, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive: " + blockSize);
        }
        Map<String, Integer> cols = index(columns, Map.of());
        Map<String, Integer> scs = index(scalars, cols);
        Lowering low = new Lowering(cols, scs);
        int[] outs = new int[outputs.size()];
        for (int k = 0; k < outs.length; k++) {
            outs[k] = low.lower(outputs.get(k));
        }
        return new Compiler(low, outs, columns.size(), scalars.size()).build(columns, scalars, blockSize);
    }

    private static Map<String, Integer> index(List<String> names, Map<String, Integer> taken) {
        Map<String, Integer> m = new HashMap<>();
        for (String s : names) {
            if (taken.containsKey(s) || m.put(s, m.size()) != null) {
                throw new IllegalArgumentException("name '" + s + "' is listed twice");
            }
        }
        return m;
    }

    private Lowering.Node node(int id) {
        return low.nodes.get(id);
    }

    private int deps(int id) {
        return low.deps.get(id);
    }

    private static int[] operands(Lowering.Node n) {
        int[] xs = new int[n.args().size() + 3];
        int k = 0;
        for (int x : n.args()) {
            xs[k++] = x;
        }
        for (int x : new int[] {n.a(), n.b(), n.c()}) {
            if (x >= 0) {
                xs[k++] = x;
            }
        }
        return Arrays.copyOf(xs, k);
    }

    /** The nodes split by what they depend on, in topological order; the scalar registers assigned. */
    private static final class Stages {
        final List<Code.Instr> prelude = new ArrayList<>();
        final List<Integer> columnOnly = new ArrayList<>();
        final List<Integer> mixed = new ArrayList<>();
        final Map<Integer, Double> constants = new HashMap<>();
        int scalarCount;
    }

    private Program build(List<String> columns, List<String> scalars, int blockSize) {
        Stages st = stages(live());
        int exportBase = nColumns + outs.length;
        List<Integer> exports = exports(st.mixed);
        for (int j = 0; j < exports.size(); j++) {
            vreg[exports.get(j)] = exportBase + j;
        }
        bindOutputs();
        int tempBase = exportBase + exports.size();
        int[] temps = {0};
        List<Integer> sequence = new ArrayList<>(st.columnOnly);
        sequence.addAll(st.mixed);
        List<Code.Instr> column = new ArrayList<>();
        List<Code.Instr> mix = new ArrayList<>();
        allocate(sequence, tempBase, temps, column, mix, st.columnOnly.size());
        double[] initial = new double[st.scalarCount];
        st.constants.forEach((r, v) -> initial[r] = v);
        return new Program(columns, scalars, outs.length, blockSize, initial,
                Code.of(st.prelude), Code.of(column), Code.of(mix), exportBase, exports.size(),
                tempBase, temps[0], copies());
    }

    /** The nodes some output needs. */
    private boolean[] live() {
        int n = low.nodes.size();
        boolean[] live = new boolean[n];
        for (int id : outs) {
            live[id] = true;
        }
        for (int id = n - 1; id >= 0; id--) {
            if (live[id]) {
                for (int x : operands(node(id))) {
                    live[x] = true;
                }
            }
        }
        return live;
    }

    /**
     * Gives constants, scalar inputs and scalar-only nodes their scalar registers (emitting the
     * prelude), columns their vector registers, and splits the rest into column-only and mixed.
     */
    private Stages stages(boolean[] live) {
        Stages st = new Stages();
        st.scalarCount = nScalars;
        for (int id = 0; id < live.length; id++) {
            if (!live[id]) {
                continue;
            }
            Lowering.Node nd = node(id);
            if (nd.op() == Op.CONST) {
                sreg[id] = st.scalarCount++;
                st.constants.put(sreg[id], nd.value());
            } else if (nd.op() == Op.SCALAR) {
                sreg[id] = (int) nd.value();
            } else if (nd.op() == Op.COL) {
                vreg[id] = (int) nd.value();
            } else if ((deps(id) & Lowering.COLUMN) == 0) {
                sreg[id] = st.scalarCount++;
                st.prelude.add(scalarInstr(id));
            } else if (deps(id) == Lowering.COLUMN) {
                st.columnOnly.add(id);
            } else {
                st.mixed.add(id);
            }
        }
        return st;
    }

    /** The column-only nodes that mixed code or an output reads (cached by {@link Prepared}), in id order. */
    private List<Integer> exports(List<Integer> mixed) {
        LinkedHashSet<Integer> exports = new LinkedHashSet<>();
        for (int id : mixed) {
            for (int x : operands(node(id))) {
                if (deps(x) == Lowering.COLUMN && node(x).op() != Op.COL) {
                    exports.add(x);
                }
            }
        }
        for (int id : outs) {
            if (deps(id) == Lowering.COLUMN && node(id).op() != Op.COL) {
                exports.add(id);
            }
        }
        List<Integer> sorted = new ArrayList<>(exports);
        sorted.sort(null);
        return sorted;
    }

    /** Lets each mixed output not bound yet compute straight into its output array. */
    private void bindOutputs() {
        for (int k = 0; k < outs.length; k++) {
            if (deps(outs[k]) == (Lowering.COLUMN | Lowering.SCALAR) && vreg[outs[k]] < 0) {
                vreg[outs[k]] = nColumns + k;
            }
        }
    }

    /**
     * Per output, where to copy it from after a block: {@code Integer.MIN_VALUE} when computed in
     * place, a vector register, or {@code -(scalar register + 1)}.
     */
    private int[] copies() {
        int[] copy = new int[outs.length];
        for (int k = 0; k < outs.length; k++) {
            int id = outs[k];
            if (vreg[id] == nColumns + k) {
                copy[k] = Integer.MIN_VALUE;
            } else {
                copy[k] = low.varying(id) ? vreg[id] : -sreg[id] - 1;
            }
        }
        return copy;
    }

    /** Assigns temporaries in order, reusing a register once its last reader has run, and emits code. */
    private void allocate(List<Integer> sequence, int tempBase, int[] temps,
                          List<Code.Instr> column, List<Code.Instr> mix, int columnCount) {
        Map<Integer, Integer> lastUse = new HashMap<>();
        for (int pos = 0; pos < sequence.size(); pos++) {
            for (int x : operands(node(sequence.get(pos)))) {
                lastUse.put(x, pos);
            }
        }
        boolean[] temp = new boolean[low.nodes.size()];
        Deque<Integer> free = new ArrayDeque<>();
        for (int pos = 0; pos < sequence.size(); pos++) {
            int id = sequence.get(pos);
            // POWL's fix-up pass rereads x and log(x) after writing its result: its result must not share their registers
            boolean late = node(id).op() == Op.POWL;
            if (!late) {
                release(id, pos, lastUse, temp, free);
            }
            if (vreg[id] < 0) {
                temp[id] = true;
                vreg[id] = free.isEmpty() ? tempBase + temps[0]++ : free.pop();
            }
            if (late) {
                release(id, pos, lastUse, temp, free);
            }
            (pos < columnCount ? column : mix).add(vectorInstr(id));
        }
    }

    /** Frees the temporaries whose last reader is the instruction at {@code pos}. */
    private void release(int id, int pos, Map<Integer, Integer> lastUse, boolean[] temp, Deque<Integer> free) {
        for (int x : new LinkedHashSet<>(asList(operands(node(id))))) {
            if (temp[x] && lastUse.get(x) == pos) {
                free.push(vreg[x]);
            }
        }
    }

    private static List<Integer> asList(int[] xs) {
        List<Integer> l = new ArrayList<>();
        for (int x : xs) {
            l.add(x);
        }
        return l;
    }

    private int reg(int id) {
        return low.varying(id) ? vreg[id] : sreg[id];
    }

    private int[] callArgs(Lowering.Node nd, boolean vector) {
        int[] args = new int[nd.args().size()];
        for (int j = 0; j < args.length; j++) {
            int x = nd.args().get(j);
            args[j] = vector && low.varying(x) ? vreg[x] : vector ? -sreg[x] - 1 : sreg[x];
        }
        return args;
    }

    private Code.Instr scalarInstr(int id) {
        Lowering.Node nd = node(id);
        int a = nd.a() < 0 ? -1 : sreg[nd.a()];
        int b = nd.b() < 0 ? -1 : sreg[nd.b()];
        int c = nd.c() < 0 ? -1 : sreg[nd.c()];
        return new Code.Instr(nd.op().ordinal(), sreg[id], a, b, c, callArgs(nd, false), nd.fn());
    }

    private Code.Instr vectorInstr(int id) {
        Lowering.Node nd = node(id);
        Op op = nd.op();
        int dst = vreg[id];
        if (op == Op.CALL) {
            return new Code.Instr(Kernels.CALL, dst, -1, -1, -1, callArgs(nd, true), nd.fn());
        }
        if (op.unary()) {
            return new Code.Instr(Kernels.unary(op), dst, vreg[nd.a()], -1, -1, null, null);
        }
        int a = nd.a();
        int b = nd.b();
        if (!low.varying(a) && op.commutative()) {
            a = nd.b();
            b = nd.a();
        }
        int code = Kernels.binary(op, !low.varying(a), !low.varying(b));
        int c = nd.c() < 0 ? -1 : reg(nd.c());
        return new Code.Instr(code, dst, reg(a), reg(b), c, null, null);
    }
}
