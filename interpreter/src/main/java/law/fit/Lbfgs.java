package law.fit;

/**
 * Limited-memory BFGS (10 pairs) with exact gradients and a backtracking Armijo line search, in
 * unconstrained coordinates. Hipparchus has no L-BFGS; this is here for comparison with scipy's
 * {@code L-BFGS-B} runs, which most published scaling-law fits used. Newton is the better default.
 */
final class Lbfgs {
    private static final int MEMORY = 10;

    private Lbfgs() {
    }

    static Run minimize(Problem pr, int start, double[] u0, double[] w, Settings st) {
        int m = pr.m;
        Problem.Scratch s = pr.scratch();
        double[] u = u0.clone();
        double[] p = new double[m];
        double[] g = new double[m];
        double[] gp = new double[m];
        double[] un = new double[m];
        double[] gn = new double[m];
        double[] dir = new double[m];
        double[][] sHist = new double[MEMORY][m];
        double[][] yHist = new double[MEMORY][m];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int evals = 1;
        double f = gradient(pr, u, w, s, p, g, gp);
        if (!Double.isFinite(f)) {
            return new Run(start, p, Double.POSITIVE_INFINITY, 0, evals, Stop.NOT_FINITE, s.badRow);
        }
        for (int iter = 0; iter < st.maxIterations(); iter++) {
            double scale = Math.max(Math.abs(f), 1e-300);
            if (Linalg.maxAbs(g) <= 1e-3 * st.tolerance() * scale) {
                return new Run(start, p, f, iter, evals, Stop.GRADIENT, -1);
            }
            for (int j = 0; j < m; j++) {
                dir[j] = -g[j];
            }
            for (int k = stored - 1; k >= 0; k--) {
                int c = k % MEMORY;
                alpha[c] = rho[c] * Linalg.dot(sHist[c], dir);
                for (int j = 0; j < m; j++) {
                    dir[j] -= alpha[c] * yHist[c][j];
                }
            }
            if (stored > 0) {
                int c = (stored - 1) % MEMORY;
                double gamma = Linalg.dot(sHist[c], yHist[c]) / Linalg.dot(yHist[c], yHist[c]);
                for (int j = 0; j < m; j++) {
                    dir[j] *= gamma;
                }
            } else {
                double norm = Math.sqrt(Linalg.dot(g, g));
                for (int j = 0; j < m; j++) {
                    dir[j] /= Math.max(norm, 1e-300);
                }
            }
            for (int k = Math.max(0, stored - MEMORY); k < stored; k++) {
                int c = k % MEMORY;
                double beta = rho[c] * Linalg.dot(yHist[c], dir);
                for (int j = 0; j < m; j++) {
                    dir[j] += sHist[c][j] * (alpha[c] - beta);
                }
            }
            double slope = Linalg.dot(g, dir);
            if (!(slope < 0)) {
                for (int j = 0; j < m; j++) {
                    dir[j] = -g[j];
                }
                slope = -Linalg.dot(g, g);
                stored = 0;
            }
            double t = 1;
            double fn = Double.POSITIVE_INFINITY;
            for (int ls = 0; ls < 60; ls++) {
                for (int j = 0; j < m; j++) {
                    un[j] = u[j] + t * dir[j];
                }
                fn = gradient(pr, un, w, s, p, gn, gp);
                evals++;
                if (fn <= f + 1e-4 * t * slope) {
                    break;
                }
                t *= 0.5;
            }
            if (!(fn <= f + 1e-4 * t * slope)) {
                f = gradient(pr, u, w, s, p, g, gp);
                return new Run(start, p, f, iter, evals, Stop.STEP, -1);
            }
            int c = stored % MEMORY;
            for (int j = 0; j < m; j++) {
                sHist[c][j] = un[j] - u[j];
                yHist[c][j] = gn[j] - g[j];
            }
            double sy = Linalg.dot(sHist[c], yHist[c]);
            if (sy > 1e-300) {
                rho[c] = 1 / sy;
                stored++;
            }
            double decrease = f - fn;
            System.arraycopy(un, 0, u, 0, m);
            System.arraycopy(gn, 0, g, 0, m);
            f = fn;
            if (decrease <= st.tolerance() * Math.max(Math.abs(f), 1e-300) && stored > 1) {
                return new Run(start, p, f, iter + 1, evals, Stop.OBJECTIVE, -1);
            }
        }
        return new Run(start, p, f, st.maxIterations(), evals, Stop.ITERATION_LIMIT, -1);
    }

    private static double gradient(Problem pr, double[] u, double[] w, Problem.Scratch s, double[] p, double[] g,
                                   double[] gp) {
        pr.toP(u, p);
        double f = pr.evaluate(p, w, s, gp, null);
        if (Double.isFinite(f)) {
            for (int j = 0; j < pr.m; j++) {
                g[j] = gp[j] * pr.transforms[j].d1(u[j]);
            }
        }
        return f;
    }
}
