package law.fit;

/**
 * A trust-region Newton method on the exact Hessian of the summed objective, in unconstrained
 * coordinates: each step solves {@code (H + lambda D) s = -g} (D the Hessian's diagonal, floored),
 * tries the pure Newton step first, and raises {@code lambda} (shortening and turning the step
 * towards steepest descent) whenever the Hessian is not positive definite or the objective does
 * not fall. It reaches a stationary point of the true objective, whatever the loss, with the
 * quadratic convergence of Newton's method near it.
 */
final class Newton {
    private static final double TINY = 1e-300;

    private Newton() {
    }

    static Run minimize(Problem pr, int start, double[] u0, double[] w, Settings st) {
        int m = pr.m;
        Problem.Scratch s = pr.scratch();
        double[] u = u0.clone();
        double[] p = new double[m];
        double[] g = new double[m];
        double[][] h = new double[m][m];
        double[] gp = new double[m];
        double[][] hp = new double[m][m];
        double[] step = new double[m];
        double[] un = new double[m];
        double[] pn = new double[m];
        double[] d = new double[m];
        double[][] l = new double[m][m];
        double f = pr.evaluateU(u, w, s, p, g, h, gp, hp);
        int evals = 1;
        if (!Double.isFinite(f)) {
            return new Run(start, p, Double.POSITIVE_INFINITY, 0, evals, Stop.NOT_FINITE, s.badRow);
        }
        double lambda = 0;
        int smallChanges = 0;
        for (int iter = 0; iter < st.maxIterations(); iter++) {
            double scale = Math.max(Math.abs(f), TINY);
            if (Linalg.maxAbs(g) <= st.tolerance() * scale) {
                return new Run(start, p, f, iter, evals, Stop.GRADIENT, -1);
            }
            double dmax = 0;
            for (int j = 0; j < m; j++) {
                dmax = Math.max(dmax, Math.abs(h[j][j]));
            }
            for (int j = 0; j < m; j++) {
                d[j] = Math.max(Math.abs(h[j][j]), 1e-10 * dmax + TINY);
            }
            double[] neg = new double[m];
            for (int j = 0; j < m; j++) {
                neg[j] = -g[j];
            }
            boolean accepted = false;
            double fn = f;
            for (int attempt = 0; attempt < 60 && !accepted; attempt++) {
                if (!Linalg.solve(h, lambda, d, neg, step, l)) {
                    lambda = lambda == 0 ? 1e-8 : lambda * 10;
                    continue;
                }
                double pred = -(Linalg.dot(g, step) + 0.5 * Linalg.quad(h, step));
                if (!(pred > 0)) {
                    lambda = lambda == 0 ? 1e-8 : lambda * 10;
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    un[j] = u[j] + step[j];
                }
                if (pred <= st.tolerance() * scale && lambda == 0) {
                    pr.toP(un, pn);
                    fn = pr.evaluate(pn, w, s, null, null);
                    evals++;
                    if (fn <= f) {
                        f = pr.evaluateU(un, w, s, p, g, h, gp, hp);
                        evals++;
                        return new Run(start, p, f, iter + 1, evals, Stop.OBJECTIVE, -1);
                    }
                }
                pr.toP(un, pn);
                fn = pr.evaluate(pn, w, s, null, null);
                evals++;
                if (fn < f) {
                    double ratio = (f - fn) / pred;
                    if (ratio > 0.75) {
                        lambda = lambda < 1e-10 ? 0 : lambda / 10;
                    } else if (ratio < 0.25) {
                        lambda = lambda == 0 ? 1e-8 : lambda * 4;
                    }
                    accepted = true;
                } else {
                    lambda = lambda == 0 ? 1e-6 : lambda * 8;
                }
            }
            if (!accepted) {
                return new Run(start, p, f, iter, evals, Stop.STEP, -1);
            }
            double decrease = f - fn;
            System.arraycopy(un, 0, u, 0, m);
            f = pr.evaluateU(u, w, s, p, g, h, gp, hp);
            evals++;
            smallChanges = decrease <= st.tolerance() * Math.max(Math.abs(f), TINY) ? smallChanges + 1 : 0;
            if (smallChanges >= 2) {
                return new Run(start, p, f, iter + 1, evals, Stop.OBJECTIVE, -1);
            }
        }
        return new Run(start, p, f, st.maxIterations(), evals, Stop.ITERATION_LIMIT, -1);
    }
}
