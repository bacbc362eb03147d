package law.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.expr.Compiler;
import law.expr.Derivative;
import law.expr.Expr;
import law.expr.Prepared;
import law.expr.Program;
import law.expr.Workspace;

/**
 * A law split into the parameters it is linear in and the others, read off the symbolic IR:
 * {@code f = phi_0(theta) + sum_k c_k phi_k(theta)} ({@code E + A/N^alpha + B/D^beta} has
 * {@code c = (E, A, B)}, {@code theta = (alpha, beta)}). One compiled program evaluates the basis
 * functions {@code phi_b} and their first and second derivatives in {@code theta}; from them the
 * law's values and all its derivatives follow for any {@code c} by linear combination, without
 * another pass of the kernel. Used by {@link Projection}.
 */
final class Separable {
    /** Indices (into the problem's parameters) of the linear parameters c. */
    final int[] lin;
    /** Indices of the other parameters theta. */
    final int[] non;
    private final Problem pr;
    private final Program basis;
    private final Prepared data;
    private final ThreadLocal<Workspace> ws;
    /** Output index of phi_b, b = 0 (the part free of c) then one per linear parameter; -1 if zero. */
    private final int[] phi;
    /** Output index of d phi_b / d theta_q, {@code [b][q]}; -1 if zero. */
    private final int[][] dphi;
    /** Output index of d2 phi_b / d theta_q d theta_r for each of the problem's (theta, theta) pairs; -1 if zero. */
    private final int[][] ddphi;
    private final int outputs;

    private Separable(Problem pr, int[] lin, int[] non, Program basis, Prepared data, int[] phi, int[][] dphi,
                      int[][] ddphi, int outputs) {
        this.pr = pr;
        this.lin = lin;
        this.non = non;
        this.basis = basis;
        this.data = data;
        this.ws = ThreadLocal.withInitial(basis::newWorkspace);
        this.phi = phi;
        this.dphi = dphi;
        this.ddphi = ddphi;
        this.outputs = outputs;
    }

    /**
     * The split of {@code pr}'s law, or null when it has no linear parameter, no other one, or
     * the problem does not allow it: log residuals (the residual is then not linear in c) or a
     * loss that is not convex ({@code cauchy}: the inner problem could have several minima).
     */
    static Separable of(Problem pr, Expr body, List<String> columns, double[][] columnData) {
        if (pr.log || pr.loss.kind() == Loss.Kind.CAUCHY) {
            return null;
        }
        List<String> params = pr.params;
        List<Integer> linear = linearParameters(body, params);
        if (linear.isEmpty() || linear.size() == params.size()) {
            return null;
        }
        int[] lin = linear.stream().mapToInt(Integer::intValue).toArray();
        int[] non = java.util.stream.IntStream.range(0, params.size()).filter(j -> !linear.contains(j)).toArray();
        Map<String, Expr> zero = new LinkedHashMap<>();
        for (int j : lin) {
            zero.put(params.get(j), Expr.ZERO);
        }
        List<Expr> bases = new ArrayList<>();
        bases.add(body.substitute(zero));
        for (int j : lin) {
            bases.add(Derivative.of(body, params.get(j)));
        }
        List<String> theta = new ArrayList<>();
        for (int j : non) {
            theta.add(params.get(j));
        }
        List<Expr> outs = new ArrayList<>();
        int[] phi = new int[bases.size()];
        int[][] dphi = new int[bases.size()][non.length];
        int[][] ddphi = new int[bases.size()][pr.pairs.length];
        for (int b = 0; b < bases.size(); b++) {
            phi[b] = add(outs, bases.get(b));
            for (int q = 0; q < non.length; q++) {
                dphi[b][q] = add(outs, Derivative.of(bases.get(b), theta.get(q)));
            }
            java.util.Arrays.fill(ddphi[b], -1);
            for (int p = 0; p < pr.pairs.length; p++) {
                int qa = indexOf(non, pr.pairs[p][0]);
                int qb = indexOf(non, pr.pairs[p][1]);
                if (qa >= 0 && qb >= 0) {
                    Expr d = Derivative.of(Derivative.of(bases.get(b), theta.get(qa)), theta.get(qb));
                    ddphi[b][p] = add(outs, d);
                }
            }
        }
        Program basis = Compiler.compile(outs, columns, theta);
        return new Separable(pr, lin, non, basis, basis.prepare(columnData, pr.n), phi, dphi, ddphi, outs.size());
    }

    /**
     * The parameters the law is linear in, jointly: each one's derivative is free of all of
     * them. Candidates are those whose second derivative vanishes; one whose derivative involves
     * another candidate is dropped (the last such first), until the set is consistent.
     */
    private static List<Integer> linearParameters(Expr body, List<String> params) {
        List<Integer> cand = new ArrayList<>();
        List<Expr> first = new ArrayList<>();
        for (int j = 0; j < params.size(); j++) {
            Expr d = Derivative.of(body, params.get(j));
            first.add(d);
            if (Derivative.of(d, params.get(j)).equals(Expr.ZERO)) {
                cand.add(j);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int q = cand.size() - 1; q >= 0; q--) {
                int j = cand.get(q);
                boolean ok = true;
                for (int other : cand) {
                    ok &= !first.get(j).dependsOn(params.get(other));
                }
                if (!ok) {
                    cand.remove(q);
                    changed = true;
                    break;
                }
            }
        }
        return cand;
    }

    private static int add(List<Expr> outs, Expr e) {
        if (e.equals(Expr.ZERO)) {
            return -1;
        }
        outs.add(e);
        return outs.size() - 1;
    }

    private static int indexOf(int[] xs, int x) {
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** The number of basis functions: 1 + the number of linear parameters. */
    int bases() {
        return phi.length;
    }

    /** Per-thread arrays for the basis outputs. */
    double[][] newOutputs() {
        double[][] out = new double[outputs][pr.n];
        return out;
    }

    /** Evaluates the basis at {@code theta} (values of the parameters {@link #non}, in order). */
    void evaluate(double[] theta, double[][] out) {
        basis.evaluate(data, 0, pr.n, theta, out, ws.get());
    }

    /** The values of basis function {@code b} at every point, or null when it is zero. */
    double[] basis(double[][] out, int b) {
        return phi[b] < 0 ? null : out[phi[b]];
    }

    /**
     * Fills {@code s} with the law's values, Jacobian and second derivatives at the linear
     * values {@code c} (in {@link #lin} order), from the basis outputs.
     */
    void combine(double[][] out, double[] c, Problem.Scratch s) {
        int n = pr.n;
        double[] coef = new double[phi.length];
        coef[0] = 1;
        System.arraycopy(c, 0, coef, 1, c.length);
        combineInto(s.f, out, phi, coef, n);
        for (int k = 0; k < lin.length; k++) {
            int j = lin[k];
            if (Double.isNaN(pr.constant[j])) {
                copyOrZero(out, phi[k + 1], s.jac[j], n);
            }
        }
        for (int q = 0; q < non.length; q++) {
            int j = non[q];
            if (Double.isNaN(pr.constant[j])) {
                int[] col = new int[phi.length];
                for (int b = 0; b < phi.length; b++) {
                    col[b] = dphi[b][q];
                }
                combineInto(s.jac[j], out, col, coef, n);
            }
        }
        for (int p = 0; p < pr.pairs.length; p++) {
            int qa = indexOf(non, pr.pairs[p][0]);
            int qb = indexOf(non, pr.pairs[p][1]);
            if (qa >= 0 && qb >= 0) {
                int[] col = new int[phi.length];
                for (int b = 0; b < phi.length; b++) {
                    col[b] = ddphi[b][p];
                }
                combineInto(s.hess[p], out, col, coef, n);
            } else {
                int k = indexOf(lin, qa >= 0 ? pr.pairs[p][1] : pr.pairs[p][0]);
                copyOrZero(out, dphi[k + 1][qa >= 0 ? qa : qb], s.hess[p], n);
            }
        }
    }

    private static void combineInto(double[] dst, double[][] out, int[] col, double[] coef, int n) {
        java.util.Arrays.fill(dst, 0, n, 0);
        for (int b = 0; b < col.length; b++) {
            if (col[b] < 0 || coef[b] == 0) {
                continue;
            }
            double cb = coef[b];
            double[] src = out[col[b]];
            for (int i = 0; i < n; i++) {
                dst[i] += cb * src[i];
            }
        }
    }

    private static void copyOrZero(double[][] out, int col, double[] dst, int n) {
        if (col < 0) {
            java.util.Arrays.fill(dst, 0, n, 0);
        } else {
            System.arraycopy(out[col], 0, dst, 0, n);
        }
    }
}
