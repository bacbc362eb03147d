package law.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import law.numeric.BracketedNewton;

/**
 * The value of an {@link Expr.Implicit} at given arguments: the root {@code u} of {@code f = 0} in
 * the bracket {@code (lo, hi)}, found per point by Newton's method safeguarded by bisection
 * ({@link BracketedNewton}), to full double precision. {@code f} and {@code df/du} are compiled once into a
 * {@link Program} over the unknown and the arguments, and every iteration evaluates the points of a
 * block that have not converged yet; each point's result depends only on its own arguments.
 *
 * <p>NaN where the bracket is not finite, or {@code f} has the same sign at both ends (no root,
 * or an even number of them, inside); a bracket end where {@code f} is NaN (as {@code (e0 - u)^a}
 * at {@code u = e0} for a non-integer a can be) is moved inside by 1e-12 of the bracket.
 */
final class Roots implements PointFunction {
    private static final int MAX_ITERATIONS = 200;
    private static final double NUDGE = 1e-12;

    private final Expr.Implicit node;
    private final List<String> args;
    private volatile Program program;
    private final ThreadLocal<Workspace> workspace = new ThreadLocal<>();

    /** The root of {@code node} as a function of the symbols {@code args}, in that order. */
    Roots(Expr.Implicit node, List<String> args) {
        this.node = node;
        this.args = List.copyOf(args);
    }

    /** The free symbols of the node, in the order its function takes them. */
    static List<String> arguments(Expr.Implicit node) {
        return List.copyOf(node.symbols());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Roots r && r.node.equals(node) && r.args.equals(args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, args);
    }

    @Override
    public String toString() {
        return Printer.print(node);
    }

    @Override
    public double apply(double... x) {
        double[][] cols = new double[x.length][1];
        for (int j = 0; j < x.length; j++) {
            cols[j][0] = x[j];
        }
        double[] out = new double[1];
        block(cols, 1, out, 0);
        return out[0];
    }

    /** Outputs: f, df/du, lo, hi over the columns (unknown, args...). */
    private Program program() {
        Program p = program;
        if (p == null) {
            synchronized (this) {
                p = program;
                if (p == null) {
                    String u = node.unknown();
                    List<String> cols = new java.util.ArrayList<>();
                    cols.add(u);
                    cols.addAll(args);
                    p = Compiler.compile(List.of(node.f(), Derivative.of(node.f(), u), node.lo(), node.hi()), cols,
                            List.of(), 64);
                    program = p;
                }
            }
        }
        return p;
    }

    private Workspace workspace(Program p) {
        Workspace ws = workspace.get();
        if (ws == null) {
            ws = p.newWorkspace();
            workspace.set(ws);
        }
        return ws;
    }

    /** The state of one block: per point the bracket [a, b] with f's value at a, then the iteration ({@link BracketedNewton}). */
    private final class Solve {
        final int n;
        final double[][] cols;
        final double[][] outs;
        final double[] a;
        final double[] b;
        final double[] fa;
        final BracketedNewton newton;
        final boolean[] done;
        final double[] out;
        final int off;

        Solve(double[][] x, int n, double[] out, int off) {
            this.n = n;
            this.out = out;
            this.off = off;
            cols = new double[args.size() + 1][];
            cols[0] = new double[n];
            for (int j = 0; j < args.size(); j++) {
                cols[j + 1] = x[j];
            }
            outs = new double[4][n];
            a = new double[n];
            b = new double[n];
            fa = new double[n];
            newton = new BracketedNewton(n);
            done = new boolean[n];
        }

        void evaluate() {
            Program p = program();
            p.evaluate(cols, n, new double[0], outs, workspace(p));
        }

        /** f at the bracket ends; settles the points whose bracket holds no sign change or an exact root. */
        void bracket() {
            evaluate();
            double[] fb = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = outs[2][i];
                b[i] = outs[3][i];
                if (!(Double.isFinite(a[i]) && Double.isFinite(b[i]) && a[i] < b[i])) {
                    finish(i, Double.NaN);
                }
            }
            ends(a, fa, b);
            ends(b, fb, a);
            for (int i = 0; i < n; i++) {
                if (done[i]) {
                    continue;
                }
                if (fa[i] == 0 || fb[i] == 0) {
                    finish(i, fa[i] == 0 ? a[i] : b[i]);
                } else if (!(Math.signum(fa[i]) * Math.signum(fb[i]) < 0)) {
                    finish(i, Double.NaN);
                } else {
                    cols[0][i] = newton.open(i, a[i], b[i], fa[i]);
                }
            }
        }

        /** f at the ends {@code at} (moved towards {@code other} by a hair where f is NaN there). */
        private void ends(double[] at, double[] f, double[] other) {
            for (int i = 0; i < n; i++) {
                cols[0][i] = done[i] ? 0 : at[i];
            }
            evaluate();
            boolean again = false;
            for (int i = 0; i < n; i++) {
                f[i] = outs[0][i];
                if (!done[i] && Double.isNaN(f[i])) {
                    at[i] += NUDGE * (other[i] - at[i]);
                    cols[0][i] = at[i];
                    again = true;
                }
            }
            if (again) {
                evaluate();
                for (int i = 0; i < n; i++) {
                    f[i] = outs[0][i];
                }
            }
        }

        /** One safeguarded Newton step at every open point; true while any point is open. */
        boolean iterate() {
            evaluate();
            boolean open = false;
            for (int i = 0; i < n; i++) {
                if (done[i]) {
                    continue;
                }
                double f = outs[0][i];
                if (Double.isNaN(f)) {
                    finish(i, Double.NaN);
                } else if (newton.step(i, f, outs[1][i])) {
                    finish(i, newton.iterate(i));
                } else {
                    cols[0][i] = newton.iterate(i);
                    open = true;
                }
            }
            return open;
        }

        void finish(int i, double root) {
            done[i] = true;
            out[off + i] = root;
            cols[0][i] = 0;
        }

        void giveUp() {
            for (int i = 0; i < n; i++) {
                if (!done[i]) {
                    finish(i, Double.NaN);
                }
            }
        }
    }

    @Override
    public void block(double[][] x, int n, double[] out, int off) {
        Arrays.fill(out, off, off + n, Double.NaN);
        Solve s = new Solve(x, n, out, off);
        s.bracket();
        for (int k = 0; k < MAX_ITERATIONS && s.iterate(); k++) {
            continue;
        }
        s.giveUp();
    }
}
