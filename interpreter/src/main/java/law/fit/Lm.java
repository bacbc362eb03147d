package law.fit;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * Levenberg-Marquardt from Hipparchus for squared loss, on the residuals {@code sqrt(w_i) r_i}
 * in unconstrained coordinates with the exact Jacobian (law gradient times the transforms'
 * derivatives). It stops at a stationary point, tested without units as MINPACK does: when the
 * residual vector is orthogonal to every column of the Jacobian to within the fit's tolerance
 * (the cosine of the angle), when the trust region shrinks below the tolerance relative to the
 * parameters, or when a step no longer lowers the sum of squares measurably
 * ({@link #COST_TOLERANCE}). A point where the residual is not finite (a non-positive prediction
 * under log residuals) gets a huge residual, so the step is rejected and shortened.
 */
final class Lm {
    private static final double INVALID = 1e10;
    /**
     * The relative decrease of the sum of squares below which a step counts as no progress: just
     * above 2 ulps, the least Hipparchus accepts. It is at rounding level, not the fit's
     * tolerance: the sum of squares is flat to second order at the optimum, so stopping when it
     * falls by less than {@code t} leaves the parameters right to only about {@code sqrt(t)}
     * (five digits on ENSO, MGH09 and Thurber at t = 1e-10).
     */
    static final double COST_TOLERANCE = 3e-16;

    private Lm() {
    }

    static Run minimize(Problem pr, Objective obj, int start, double[] u0, double[] w, Settings st) {
        int n = pr.n;
        int m = pr.m;
        Problem.Scratch s = pr.scratch();
        double[] p = new double[m];
        pr.toP(u0, p);
        double f0 = pr.evaluate(p, w, s, null, null);
        if (!Double.isFinite(f0)) {
            return new Run(start, p, Double.POSITIVE_INFINITY, 0, 1, Stop.NOT_FINITE, s.badRow);
        }
        double[] best = u0.clone();
        double[] bestCost = {f0};
        int[] evals = {1};
        MultivariateJacobianFunction model = point -> {
            double[] u = point.toArray();
            double[] pp = new double[m];
            pr.toP(u, pp);
            pr.derivatives(pp, s);
            evals[0]++;
            double[] r = new double[n];
            double[][] jac = new double[n][m];
            double cost = 0;
            for (int i = 0; i < n; i++) {
                double sw = Math.sqrt(w[i]);
                double f = s.f[i];
                double ri = pr.residual(i, f);
                if (!Double.isFinite(ri)) {
                    r[i] = sw == 0 ? 0 : INVALID;
                    cost = Double.POSITIVE_INFINITY;
                    continue;
                }
                r[i] = sw * ri;
                cost += 0.5 * r[i] * r[i];
                double inv = pr.log ? 1 / f : 1;
                for (int j = 0; j < m; j++) {
                    jac[i][j] = sw * s.jac[j][i] * inv * pr.transforms[j].d1(u[j]);
                }
            }
            if (cost < bestCost[0]) {
                bestCost[0] = cost;
                System.arraycopy(u, 0, best, 0, m);
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(r, false),
                    new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(u0)
                .model(model)
                .target(new double[n])
                .maxEvaluations(Math.max(100, 10 * st.maxIterations()))
                .maxIterations(st.maxIterations())
                .build();
        double tol = Math.max(st.tolerance(), COST_TOLERANCE);
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(COST_TOLERANCE)
                .withParameterRelativeTolerance(tol)
                .withOrthoTolerance(tol);
        Stop stop;
        int iterations;
        try {
            LeastSquaresOptimizer.Optimum o = lm.optimize(problem);
            iterations = o.getIterations();
            boolean orthogonal = orthogonal(o, tol);
            double[] u = o.getPoint().toArray();
            pr.toP(u, p);
            double f = pr.evaluate(p, w, s, null, null);
            if (!(f <= bestCost[0])) {
                u = best;
                pr.toP(best, p);
                f = pr.evaluate(p, w, s, null, null);
            }
            stop = orthogonal ? Stop.GRADIENT
                    : Stop.of(Stationarity.check(obj, u, st.tolerance(), law.numeric.Status.ROUNDING));
            return new Run(start, p, f, iterations, evals[0], stop, -1);
        } catch (MathIllegalStateException e) {
            pr.toP(best, p);
            double f = pr.evaluate(p, w, s, null, null);
            return new Run(start, p, f, st.maxIterations(), evals[0], Stop.ITERATION_LIMIT, -1);
        }
    }

    /**
     * Whether the residuals at the optimum are orthogonal to every Jacobian column within
     * {@code tol} (the cosine of the angle): the stationarity test Hipparchus stopped on, or
     * else it stopped because the sum of squares no longer fell.
     */
    private static boolean orthogonal(LeastSquaresOptimizer.Optimum o, double tol) {
        RealVector r = o.getResiduals();
        RealMatrix j = o.getJacobian();
        double rn = r.getNorm();
        if (rn == 0) {
            return true;
        }
        for (int k = 0; k < j.getColumnDimension(); k++) {
            RealVector c = j.getColumnVector(k);
            double cn = c.getNorm();
            if (cn > 0 && Math.abs(c.dotProduct(r)) > tol * cn * rn) {
                return false;
            }
        }
        return true;
    }
}
