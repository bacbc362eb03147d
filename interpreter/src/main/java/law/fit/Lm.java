package law.fit;

import law.numeric.RowQr;
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
 *
 * <p>Above {@link #ROWS} points the optimizer sees {@code m + 1} rows, not {@code n}: the residuals
 * and Jacobian rows are rotated into their QR factor as they are computed ({@link RowQr}), which
 * keeps every quantity Levenberg-Marquardt uses ({@code J'J}, {@code J'r}, the column norms,
 * {@code |r|}), while Hipparchus copies an {@code n x m} Jacobian several times per iteration.
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
    /**
     * Above this many points Hipparchus gets the rows' QR factor instead of the rows ({@link
     * Compressed}): its copies of an {@code n x m} Jacobian, several per iteration, cost more than
     * the evaluation there (24 s for a fit to 1e6 rows, 8.8 s compressed). Below it the rows
     * themselves, whose pivoted Householder QR finds exactly aliased columns exactly (a rank-deficient
     * refit stays near its start along the ridge) and on which the NIST StRD results were certified.
     */
    static final int ROWS = 4096;

    private Lm() {
    }

    static Run minimize(Problem pr, Objective obj, int start, double[] u0, double[] w, Settings st) {
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
        Rows rows = pr.n > ROWS ? new Compressed(m) : new AllRows(pr.n, m);
        MultivariateJacobianFunction model = point -> {
            double[] u = point.toArray();
            double[] pp = new double[m];
            pr.toP(u, pp);
            pr.derivatives(pp, s);
            evals[0]++;
            double cost = fill(pr, s, w, u, rows);
            if (cost < bestCost[0]) {
                bestCost[0] = cost;
                System.arraycopy(u, 0, best, 0, m);
            }
            return rows.system();
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(u0)
                .model(model)
                .target(new double[rows.size()])
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
     * Gives {@code rows} the weighted residuals {@code sqrt(w_i) r_i} and their Jacobian rows at the
     * point whose law derivatives are in {@code s}; returns half their sum of squares (+inf where a
     * residual is not finite: it counts as {@link #INVALID}, with a zero Jacobian row).
     */
    private static double fill(Problem pr, Problem.Scratch s, double[] w, double[] u, Rows rows) {
        int m = pr.m;
        double[] t1 = new double[m];
        for (int j = 0; j < m; j++) {
            t1[j] = pr.transforms[j].d1(u[j]);
        }
        rows.clear();
        double[] row = rows.row();
        double cost = 0;
        for (int i = 0; i < pr.n; i++) {
            double sw = Math.sqrt(w[i]);
            double f = s.f[i];
            double ri = pr.residual(i, f);
            if (!Double.isFinite(ri)) {
                java.util.Arrays.fill(row, 0);
                rows.add(i, sw == 0 ? 0 : INVALID);
                cost = Double.POSITIVE_INFINITY;
                continue;
            }
            double inv = pr.log ? 1 / f : 1;
            for (int j = 0; j < m; j++) {
                row[j] = sw * s.jac[j][i] * inv * t1[j];
            }
            double rw = sw * ri;
            cost += 0.5 * rw * rw;
            rows.add(i, rw);
        }
        return cost;
    }

    /** The least-squares system Hipparchus sees, filled a row at a time. */
    private interface Rows {
        /** Forgets the rows of the last point. */
        void clear();

        /** The buffer for the next row's Jacobian entries. */
        double[] row();

        /** Adds row {@code i}: its Jacobian entries in {@link #row()} and its residual {@code r}. */
        void add(int i, double r);

        /** The number of rows of {@link #system()}. */
        int size();

        /** The residual vector and Jacobian. */
        Pair<RealVector, RealMatrix> system();
    }

    /** Every row, as given: Hipparchus's pivoted Householder QR sees them all. */
    private static final class AllRows implements Rows {
        private final int n;
        private final int m;
        private final double[] row;
        private double[] r;
        private double[][] jac;

        AllRows(int n, int m) {
            this.n = n;
            this.m = m;
            this.row = new double[m];
        }

        @Override
        public void clear() {
            r = new double[n]; // Hipparchus keeps the systems it was given: a new one per point
            jac = new double[n][m];
        }

        @Override
        public double[] row() {
            return row;
        }

        @Override
        public void add(int i, double ri) {
            r[i] = ri;
            System.arraycopy(row, 0, jac[i], 0, m);
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public Pair<RealVector, RealMatrix> system() {
            return new Pair<>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(jac, false));
        }
    }

    /**
     * The {@code m + 1} rows {@code [R; 0] ~ [Q'r; sqrt(rest)]} of the rows' QR factorisation
     * ({@link RowQr}): the same {@code J'J}, {@code J'r}, column norms and {@code |r|}, so the same
     * steps and tests as all the rows, to rounding.
     */
    private static final class Compressed implements Rows {
        private final int m;
        private final RowQr qr;

        Compressed(int m) {
            this.m = m;
            this.qr = new RowQr(m);
        }

        @Override
        public void clear() {
            qr.clear();
        }

        @Override
        public double[] row() {
            return qr.row();
        }

        @Override
        public void add(int i, double r) {
            qr.add(r);
        }

        @Override
        public int size() {
            return m + 1;
        }

        @Override
        public Pair<RealVector, RealMatrix> system() {
            double[] v = new double[m + 1];
            double[][] jac = new double[m + 1][m];
            for (int k = 0; k < m; k++) {
                v[k] = qr.qtr(k);
                System.arraycopy(qr.r(k), 0, jac[k], 0, m);
            }
            v[m] = Math.sqrt(qr.rest());
            return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(jac, false));
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
