package law.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A law compiled together with its exact gradient (and optionally Hessian) with respect to its
 * parameters, for least-squares and Newton fits.
 *
 * <p>Layout, chosen so that fits need no copying:
 * <ul>
 *   <li>{@code value[i]}: the law at point {@code i};</li>
 *   <li>{@code jacobian[j][i]}: d value / d param {@code j} at point {@code i}, one array per
 *       parameter (column-major: the columns of the Levenberg-Marquardt Jacobian, whose rows are
 *       points; {@code J^T J} is a dot product of two arrays);</li>
 *   <li>{@code hessian[hessianIndex(j, k)][i]} for {@code j <= k}: d2 value / (d param j d param k)
 *       at point {@code i}, the upper triangle packed row by row, one array per pair, so a
 *       Newton step accumulates {@code sum_i w_i * hessian[h][i]} per pair.</li>
 * </ul>
 * All share work: {@code log(N)} or {@code N^-alpha} is computed once per point for the value,
 * the gradient and the Hessian. Immutable and thread-safe; each thread needs its own
 * {@link Workspace}.
 */
public final class LawKernel {
    private final Expr law;
    private final List<String> variables;
    private final List<String> params;
    private final List<Expr> gradient;
    private final List<Expr> hessian;
    private final boolean withHessian;
    private final Program program;

    private LawKernel(Expr law, List<String> variables, List<String> params, List<Expr> gradient,
                      List<Expr> hessian, boolean withHessian, Program program) {
        this.law = law;
        this.variables = List.copyOf(variables);
        this.params = List.copyOf(params);
        this.gradient = List.copyOf(gradient);
        this.hessian = List.copyOf(hessian);
        this.withHessian = withHessian;
        this.program = program;
    }

    /**
     * Differentiates {@code law} with respect to each of {@code params} (and twice if
     * {@code withHessian}) and compiles all of it into one program over the data
     * {@code variables}.
     *
     * @throws IllegalArgumentException if the law uses a name that is neither a variable nor a parameter
     */
    public static LawKernel of(Expr law, List<String> variables, List<String> params, boolean withHessian) {
        List<Expr> gradient = new ArrayList<>();
        for (String p : params) {
            gradient.add(Derivative.of(law, p));
        }
        List<Expr> hessian = new ArrayList<>();
        if (withHessian) {
            for (int j = 0; j < params.size(); j++) {
                for (int k = j; k < params.size(); k++) {
                    hessian.add(Derivative.of(gradient.get(j), params.get(k)));
                }
            }
        }
        List<Expr> outputs = new ArrayList<>();
        outputs.add(law);
        outputs.addAll(gradient);
        outputs.addAll(hessian);
        Program program = Compiler.compile(outputs, variables, params);
        return new LawKernel(law, variables, params, gradient, hessian, withHessian, program);
    }

    /** The position of the pair {@code (j, k)} (either order) in the packed upper triangle. */
    public static int hessianIndex(int j, int k, int parameterCount) {
        int a = Math.min(j, k);
        int b = Math.max(j, k);
        return a * parameterCount - a * (a - 1) / 2 + (b - a);
    }

    /** The law. */
    public Expr law() {
        return law;
    }

    /** The data variables, in the order of the column arrays. */
    public List<String> variables() {
        return variables;
    }

    /** The parameters, in the order of the parameter values and Jacobian columns. */
    public List<String> params() {
        return params;
    }

    /** The simplified first derivatives, one per parameter. */
    public List<Expr> gradient() {
        return gradient;
    }

    /** The simplified second derivatives, upper triangle packed as by {@link #hessianIndex}; empty without Hessian. */
    public List<Expr> hessian() {
        return hessian;
    }

    /** Whether the Hessian is computed. */
    public boolean hasHessian() {
        return withHessian;
    }

    /** The compiled program: outputs value, gradient, then Hessian. */
    public Program program() {
        return program;
    }

    /** Fresh registers for one thread. */
    public Workspace newWorkspace() {
        return program.newWorkspace();
    }

    /** Binds data columns and caches their parameter-free subexpressions (see {@link Prepared}). */
    public Prepared prepare(double[][] columns, int n) {
        return program.prepare(columns, n);
    }

    /** Evaluates points {@code 0 .. n-1}; {@code hessian} must be null exactly when there is none. */
    public void evaluate(double[][] columns, int n, double[] paramValues, double[] value,
                         double[][] jacobian, double[][] hessian, Workspace ws) {
        program.evaluate(columns, 0, n, paramValues, outputs(value, jacobian, hessian), ws);
    }

    /** Evaluates points {@code from .. to-1} only. */
    public void evaluate(double[][] columns, int from, int to, double[] paramValues, double[] value,
                         double[][] jacobian, double[][] hessian, Workspace ws) {
        program.evaluate(columns, from, to, paramValues, outputs(value, jacobian, hessian), ws);
    }

    /** Evaluates points {@code from .. to-1} of prepared data. */
    public void evaluate(Prepared data, int from, int to, double[] paramValues, double[] value,
                         double[][] jacobian, double[][] hessian, Workspace ws) {
        program.evaluate(data, from, to, paramValues, outputs(value, jacobian, hessian), ws);
    }

    private double[][] outputs(double[] value, double[][] jacobian, double[][] hess) {
        if (jacobian.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " Jacobian columns, got " + jacobian.length);
        }
        if ((hess != null) != withHessian || (hess != null && hess.length != hessian.size())) {
            throw new IllegalArgumentException(withHessian
                    ? "expected " + hessian.size() + " Hessian arrays" : "this kernel has no Hessian");
        }
        double[][] outs = new double[program.outputCount()][];
        outs[0] = value;
        System.arraycopy(jacobian, 0, outs, 1, jacobian.length);
        if (hess != null) {
            System.arraycopy(hess, 0, outs, 1 + jacobian.length, hess.length);
        }
        return outs;
    }
}
