package law.fit;

import law.numeric.Elementary;
/**
 * The objective of a {@link Problem} and its derivatives, summed over points from the law's
 * values and derivatives in a {@link Problem.Scratch}.
 *
 * <p>With {@code r} the residual, {@code f} the law's value and {@code J}, {@code K} its first and
 * second derivatives at a point, the point contributes {@code w rho(r)} and, through per-point
 * weights computed once ({@code a = w psi dr/df}, {@code b}, {@code c}), the sums
 * {@code g_j = sum a J_j}, {@code H_jk = sum b J_j J_k + sum a K_jk} and the Gauss-Newton
 * {@code G_jk = sum c J_j J_k}. Under log residuals {@code dr/df = 1/f} and
 * {@code d2r/df2 = -1/f^2}; under linear ones 1 and 0. Each entry is one contiguous loop over
 * the points with four independent accumulators; a derivative that is a constant (E's 1 in
 * {@code E + A/N^alpha}) is multiplied in once instead of per point.
 */
final class Sums {
    private Sums() {
    }

    /** The objective from the law's values alone; +inf (setting the bad row) where a residual is not finite. */
    static double objective(Problem pr, double[] w, Problem.Scratch s) {
        double sum = 0;
        s.badRow = -1;
        double[] r = residuals(pr, s);
        Loss loss = pr.loss;
        double delta = loss.huberThreshold();
        boolean huber = !Double.isNaN(delta);
        for (int i = 0; i < pr.n; i++) {
            double wi = w[i];
            if (wi == 0) {
                continue;
            }
            double ri = r[i];
            if (!(Math.abs(ri) <= Double.MAX_VALUE)) {
                s.badRow = i;
                return Double.POSITIVE_INFINITY;
            }
            sum += wi * (huber ? Loss.huberRho(ri, delta) : loss.rho(ri));
        }
        return Double.isNaN(sum) ? Double.POSITIVE_INFINITY : sum;
    }

    /**
     * The residuals at every point into {@code s.r}, in loops of their own: under log residuals
     * the loop that then uses them has no logarithm in it, and {@link Elementary#logs} takes them
     * in two loops, the second of which the JIT vectorises. Not finite where the law's value has no
     * residual ({@code log} of a value that is not positive).
     */
    private static double[] residuals(Problem pr, Problem.Scratch s) {
        double[] f = s.f;
        double[] z = pr.z;
        double[] r = s.r;
        if (pr.log) {
            Elementary.logs(f, pr.n, r, s.logU, s.logLo);
            for (int i = 0; i < pr.n; i++) {
                r[i] -= z[i];
            }
        } else {
            for (int i = 0; i < pr.n; i++) {
                r[i] = f[i] - z[i];
            }
        }
        return r;
    }

    /** The objective, filling the per-point weights of the sums ({@code b} and {@code c} with {@code curvature}). */
    static double weights(Problem pr, double[] w, Problem.Scratch s, boolean curvature) {
        return weights(pr, w, s, curvature, false);
    }

    /**
     * {@link #weights(Problem, double[], Problem.Scratch, boolean)}, with the residuals already in
     * {@code s.r} when {@code haveResiduals} (under log residuals that saves a log per point).
     */
    static double weights(Problem pr, double[] w, Problem.Scratch s, boolean curvature, boolean haveResiduals) {
        s.badRow = -1;
        double delta = pr.loss.huberThreshold();
        double[] r = haveResiduals ? s.r : residuals(pr, s);
        double sum = Double.isNaN(delta) ? lossWeights(pr, w, s, r, curvature) : huberWeights(pr, w, s, r, delta);
        return Double.isNaN(sum) ? Double.POSITIVE_INFINITY : sum;
    }

    /** {@link #weights} through the loss's methods. */
    private static double lossWeights(Problem pr, double[] w, Problem.Scratch s, double[] r, boolean curvature) {
        double sum = 0;
        double[] f = s.f;
        Loss loss = pr.loss;
        boolean log = pr.log;
        for (int i = 0; i < pr.n; i++) {
            double wi = w[i];
            double fi = f[i];
            double ri = r[i];
            if (wi == 0 || !(Math.abs(ri) <= Double.MAX_VALUE)) {
                if (skip(s, i, wi)) {
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            sum += wi * loss.rho(ri);
            double psi = wi * loss.d1(ri);
            double inv = log ? 1 / fi : 1;
            s.a[i] = psi * inv;
            if (curvature) {
                double curv = wi * loss.d2(ri);
                double inv2 = inv * inv;
                s.b[i] = (log ? curv - psi : curv) * inv2;
                s.c[i] = (ri == 0 ? wi * loss.d2(0) : psi / ri) * inv2;
            }
        }
        return sum;
    }

    /**
     * {@link #weights} for Huber's loss and squared loss ({@link Loss#huber}, branch-free); under
     * log residuals {@code dr/df = 1/f} and {@code d2r/df2 = -1/f^2} turn {@code w psi},
     * {@code w psi'} and {@code w psi/r} into {@code a = w psi/f}, {@code b = (w psi' - w psi)/f^2}
     * and {@code c = w psi/r /f^2}.
     */
    private static double huberWeights(Problem pr, double[] w, Problem.Scratch s, double[] r, double delta) {
        double sum = 0;
        double[] f = s.f;
        double[] a = s.a;
        double[] b = s.b;
        double[] c = s.c;
        boolean log = pr.log;
        for (int i = 0; i < pr.n; i++) {
            double wi = w[i];
            double ri = r[i];
            if (wi == 0 || !(Math.abs(ri) <= Double.MAX_VALUE)) {
                if (skip(s, i, wi)) {
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            sum += Loss.huber(ri, wi, delta, a, b, c, i);
            if (log) {
                double inv = 1 / f[i];
                double psi = a[i];
                double inv2 = inv * inv;
                a[i] = psi * inv;
                b[i] = (b[i] - psi) * inv2;
                c[i] *= inv2;
            }
        }
        return sum;
    }

    /** A point without weight gets zero weights; one without a finite residual stops the sum (true). */
    private static boolean skip(Problem.Scratch s, int i, double wi) {
        s.a[i] = 0;
        s.b[i] = 0;
        s.c[i] = 0;
        if (wi == 0) {
            return false;
        }
        s.badRow = i;
        return true;
    }

    /** {@code g_j = sum_i a_i J_j(i)}. */
    static void gradient(Problem pr, Problem.Scratch s, double[] g) {
        Dots.dots(s.a, s.jac, pr.vectorJac, pr.n, g);
        for (int j = 0; j < pr.m; j++) {
            if (pr.flat[j]) {
                g[j] = 0;
            } else if (!Double.isNaN(pr.constant[j])) {
                g[j] = pr.constant[j] * Dots.sum(s.a, pr.n);
            }
        }
    }

    /** The Hessian, symmetric. */
    static void hessian(Problem pr, Problem.Scratch s, double[][] h) {
        hessian(pr, s, h, null);
    }

    /**
     * The Hessian, symmetric, and with {@code gn} also the Gauss-Newton matrix. Where the
     * curvature weights are mostly zero (Huber's loss puts most points on its linear part) the
     * Hessian's outer product runs over the others only; where it runs over all points the two
     * outer products share their passes ({@link Dots#dots2}), or one is a copy of the other when
     * their weights are the same. Either way each matrix gets the bits it gets alone.
     */
    static void hessian(Problem pr, Problem.Scratch s, double[][] h, double[][] gn) {
        int nb = 0;
        double[] b = s.b;
        int[] idx = s.index;
        for (int i = 0; i < pr.n; i++) {
            if (b[i] != 0) {
                idx[nb++] = i;
            }
        }
        if (nb < pr.n / 2) {
            for (int t = 0; t < nb; t++) {
                s.gathered[t] = b[idx[t]];
            }
            for (int j = 0; j < pr.m; j++) {
                double[] jj = s.jac[j];
                double[] gj = s.gatheredJac[j];
                for (int t = 0; t < nb; t++) {
                    gj[t] = jj[idx[t]];
                }
            }
            outer(pr, s.gatheredJac, s.gathered, null, nb, s, h, null);
            if (gn != null) {
                outer(pr, s.jac, s.c, null, pr.n, s, gn, null);
            }
        } else if (gn != null && java.util.Arrays.equals(b, 0, pr.n, s.c, 0, pr.n)) {
            outer(pr, s.jac, b, null, pr.n, s, h, null);
            for (int j = 0; j < pr.m; j++) {
                System.arraycopy(h[j], j, gn[j], j, pr.m - j);
            }
        } else {
            outer(pr, s.jac, b, gn == null ? null : s.c, pr.n, s, h, gn);
        }
        double[] k = s.pairSums;
        Dots.dots(s.a, s.hess, pr.allPairs, pr.n, k);
        for (int q = 0; q < pr.pairs.length; q++) {
            int[] jk = pr.pairs[q];
            h[jk[0]][jk[1]] += k[q];
        }
        law.numeric.Dense.symmetrize(h);
        if (gn != null) {
            law.numeric.Dense.symmetrize(gn);
        }
    }

    /** The Gauss-Newton matrix {@code sum c J J^T}, symmetric. */
    static void gaussNewton(Problem pr, Problem.Scratch s, double[][] gn) {
        outer(pr, s.jac, s.c, null, pr.n, s, gn, null);
        law.numeric.Dense.symmetrize(gn);
    }

    /**
     * The upper triangle of {@code sum_i v_i J(i) J(i)^T} over points {@code 0 .. n-1} of {@code jac}
     * into {@code out}, and with {@code v2} that of {@code sum_i v2_i J(i) J(i)^T} into {@code out2}
     * in the same passes: row j is {@code dots(v J_j, J_k)} (or {@code c_j dots(v, J_k)} for a
     * constant derivative {@code c_j}), with one call of each loop (the JIT compiles each loop once
     * per call site).
     */
    private static void outer(Problem pr, double[][] jac, double[] v, double[] v2, int n, Problem.Scratch s,
                              double[][] out, double[][] out2) {
        boolean two = v2 != null;
        for (int j = 0; j < pr.m; j++) {
            boolean vj = Double.isNaN(pr.constant[j]);
            double[] x = v;
            double[] x2 = v2;
            if (vj) {
                x = s.work;
                x2 = two ? s.work2 : null;
                scale(v, v2, jac[j], n, x, x2);
            }
            double xs = Double.NaN;
            double xs2 = Double.NaN;
            if (two) {
                Dots.dots2(x, x2, jac, pr.vectorFrom[j], n, s.row, s.row2);
                if (pr.constantFrom[j]) {
                    Dots.sum2(x, x2, n, s.total);
                    xs = s.total[0];
                    xs2 = s.total[1];
                }
            } else {
                Dots.dots(x, jac, pr.vectorFrom[j], n, s.row);
                xs = pr.constantFrom[j] ? Dots.sum(x, n) : Double.NaN;
            }
            row(pr, j, s.row, xs, out[j]);
            if (two) {
                row(pr, j, s.row2, xs2, out2[j]);
            }
        }
    }

    /** {@code x = v J_j}, and {@code x2 = v2 J_j} with {@code v2}, in one loop. */
    private static void scale(double[] v, double[] v2, double[] jj, int n, double[] x, double[] x2) {
        if (v2 == null) {
            for (int i = 0; i < n; i++) {
                x[i] = v[i] * jj[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                double ji = jj[i];
                x[i] = v[i] * ji;
                x2[i] = v2[i] * ji;
            }
        }
    }

    /**
     * Row j of an outer product, entries {@code k >= j}, from the dots of its varying derivatives
     * in {@code dots} and the sum {@code xs} of the row's weights (times {@code J_j} when that
     * varies) for its constant ones.
     */
    private static void row(Problem pr, int j, double[] dots, double xs, double[] out) {
        double cj = pr.constant[j];
        boolean vj = Double.isNaN(cj);
        for (int k = j; k < pr.m; k++) {
            double ck = pr.constant[k];
            if (pr.flat[j] || pr.flat[k]) {
                out[k] = 0;
            } else if (Double.isNaN(ck)) {
                out[k] = vj ? dots[k] : cj * dots[k];
            } else {
                out[k] = vj ? ck * xs : cj * ck * xs;
            }
        }
    }
}
