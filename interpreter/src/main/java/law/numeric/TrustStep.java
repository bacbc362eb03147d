package law.numeric;

/**
 * The trust-region subproblem: minimise the model {@code g.t + t.B.t / 2} over {@code |t| <= radius}
 * for a symmetric {@code B} that may be indefinite, solved exactly (Moré and Sorensen): the step
 * is {@code -(B + lambda I)^-1 g} with the smallest {@code lambda >= max(0, -lambda_min)} that
 * keeps it inside.
 *
 * <p>When B is positive definite (the usual case) everything runs on Cholesky factors: the Newton
 * step, and on the boundary Moré and Sorensen's safeguarded Newton iteration on
 * {@code 1/|t(lambda)| = 1/radius}, one factorisation per iteration. When it is not, the
 * eigendecomposition of B gives the secular equation in closed form and the "hard case"
 * (g orthogonal to the lowest eigenvector) is completed along that eigenvector.
 *
 * <p>Where B is singular but not indefinite (its lowest eigenvalue zero to rounding), that
 * completion leaves the model's value unchanged: it explores a direction the model cannot see, and
 * the caller may bound how far it goes in each coordinate ({@link #solve(double, double[])}).
 */
public final class TrustStep {
    private final int m;
    private final SymmetricEigen eig;
    private final double[] gamma;
    private final double[][] b;
    private final double[] g;
    private final double[][] l;
    private final double[][] shifted;
    private final double[] newton;
    private final double[] q;
    /** The step, after {@link #solve}. */
    public final double[] step;
    private boolean definite;
    private boolean decomposed;
    private double gnorm;
    private double lambda;
    private double predicted;
    private boolean interior;
    private double length;

    /** Workspace for {@code m}-dimensional problems. */
    public TrustStep(int m) {
        this.m = m;
        this.eig = new SymmetricEigen(m);
        this.gamma = new double[m];
        this.b = new double[m][m];
        this.g = new double[m];
        this.l = new double[m][m];
        this.shifted = new double[m][m];
        this.newton = new double[m];
        this.q = new double[m];
        this.step = new double[m];
    }

    /** Forgets every model and step: the state of a new instance (for the next run of a reused minimizer). */
    public void reset() {
        definite = false;
        decomposed = false;
        gnorm = 0;
        lambda = 0;
        predicted = 0;
        interior = false;
        length = 0;
    }

    /** Takes the model {@code (gradient, matrix)}; false when it has a non-finite entry. */
    public boolean factor(double[][] matrix, double[] gradient) {
        gnorm = 0;
        for (int j = 0; j < m; j++) {
            if (!Double.isFinite(gradient[j])) {
                return false;
            }
            g[j] = gradient[j];
            gnorm += g[j] * g[j];
            for (int k = 0; k < m; k++) {
                if (!Double.isFinite(matrix[j][k])) {
                    return false;
                }
                b[j][k] = matrix[j][k];
            }
        }
        gnorm = Math.sqrt(gnorm);
        decomposed = false;
        definite = Dense.choleskySolve(b, g, newton, l);
        if (definite) {
            for (int j = 0; j < m; j++) {
                newton[j] = -newton[j];
            }
        }
        return true;
    }

    /** Whether the model matrix is positive definite. */
    public boolean definite() {
        return definite;
    }

    /** The smallest and largest eigenvalue of the model matrix, {@code {min, max}}. */
    public double[] extremeEigenvalues() {
        decompose();
        return new double[] {eig.values[0], eig.values[m - 1]};
    }

    /**
     * {@code g^T |B|_+^-1 g}, B's eigenvalues replaced by their absolute values floored at
     * {@code floor * max |eigenvalue|} ({@code g^T B^-1 g} when B is positive definite and
     * well conditioned): how far the model says the minimum is, in objective units, whatever B's
     * definiteness. Small only when the gradient is small where the curvature is.
     */
    public double decrement(double floor) {
        if (definite) {
            double s = -Dense.dot(g, newton);
            double top = 0;
            for (int j = 0; j < m; j++) {
                top = Math.max(top, b[j][j]);
            }
            // well conditioned enough that no eigenvalue is below the floor: trust the solve
            if (s >= 0 && s * floor * top <= gnorm * gnorm) {
                return s;
            }
        }
        decompose();
        double top = 0;
        for (double x : eig.values) {
            top = Math.max(top, Math.abs(x));
        }
        double lo = Math.max(floor * top, Double.MIN_NORMAL);
        double s = 0;
        for (int k = 0; k < m; k++) {
            s += gamma[k] * gamma[k] / Math.max(Math.abs(eig.values[k]), lo);
        }
        return s;
    }

    private void decompose() {
        if (decomposed) {
            return;
        }
        eig.decompose(b);
        for (int k = 0; k < m; k++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += eig.vectors[i][k] * g[i];
            }
            gamma[k] = s;
        }
        decomposed = true;
    }

    /** Solves the subproblem of the last {@link #factor}ed model within {@code radius}. */
    public void solve(double radius) {
        solve(radius, null, Double.POSITIVE_INFINITY);
    }

    /**
     * Solves the subproblem within {@code radius}; where B is singular but not indefinite, the
     * step is completed along its null direction only where the rest of the step gains at most
     * {@code level} (the model sees nothing else to do), and that completion moves coordinate
     * {@code q} by at most {@code reach[q]} (no bound when {@code reach} is null).
     */
    public void solve(double radius, double[] reach, double level) {
        if (definite && Dense.norm(newton) <= radius) {
            System.arraycopy(newton, 0, step, 0, m);
            lambda = 0;
            interior = true;
            predicted = gain();
            length = Dense.norm(step);
            return;
        }
        interior = false;
        if (!(definite && boundaryByCholesky(radius))) {
            boundaryByEigen(radius, reach, level);
        }
        predicted = gain();
        length = Dense.norm(step);
    }

    /** The length of the last step in the region's norm. */
    public double length() {
        return length;
    }

    /**
     * Moré and Sorensen's iteration for a positive definite B whose Newton step leaves the region:
     * {@code lambda += (|p| / |q|)^2 (|p| - radius) / radius} with {@code q = L^-1 p}, safeguarded
     * by bisection; false when a shifted matrix cannot be factored (the eigendecomposition then
     * decides).
     */
    private boolean boundaryByCholesky(double radius) {
        double lam = Math.max(lambda, 0);
        double lo = 0;
        double hi = gnorm / radius;
        for (int it = 0; it < 40; it++) {
            for (int j = 0; j < m; j++) {
                System.arraycopy(b[j], 0, shifted[j], 0, m);
                shifted[j][j] += lam;
            }
            if (!Dense.choleskySolve(shifted, g, step, l)) {
                return false;
            }
            double pn = Dense.norm(step);
            if (Math.abs(pn - radius) <= 1e-8 * radius || (pn < radius && lam == 0)) {
                break;
            }
            if (pn > radius) {
                lo = lam;
            } else {
                hi = lam;
            }
            Dense.forward(l, step, q, m); // q = L^-1 p, |q|^2 = p^T (B + lam I)^-1 p
            double qn2 = Dense.dot(q, q);
            double next = lam + (pn * pn / qn2) * (pn - radius) / radius;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (next == lam) {
                break;
            }
            lam = next;
        }
        for (int j = 0; j < m; j++) {
            step[j] = -step[j];
        }
        lambda = lam;
        return true;
    }

    /** The boundary step from the eigendecomposition: secular equation, or the hard case. */
    private void boundaryByEigen(double radius, double[] reach, double level) {
        decompose();
        double lmin = eig.values[0];
        double lo = Math.max(0, -lmin);
        if (hardCase(lmin) && norm(lo) <= radius) {
            double top = Math.max(Math.abs(lmin), Math.abs(eig.values[m - 1]));
            boolean singular = lmin >= -1e-12 * top;
            hard(lo, radius, singular ? reach : null, singular ? level : Double.POSITIVE_INFINITY);
            return;
        }
        double hi = lo + gnorm / radius + Math.abs(lmin) * 1e-12 + Double.MIN_NORMAL;
        double lam = Math.max(lo + 1e-12 * (Math.abs(lo) + gnorm / radius), lo * (1 + 1e-15));
        for (int it = 0; it < 100; it++) {
            double nt = norm(lam);
            if (Math.abs(nt - radius) <= 1e-10 * radius) {
                break;
            }
            if (nt > radius) {
                lo = lam;
            } else {
                hi = lam;
            }
            double d = derivative(lam);
            // Newton on 1/|t| - 1/radius, which is nearly linear in lambda
            double next = d < 0 ? lam + (nt / radius - 1) * nt * nt / (-d) : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (next == lam) {
                break;
            }
            lam = next;
        }
        fromEigen(lam);
    }

    private boolean hardCase(double lmin) {
        for (int k = 0; k < m; k++) {
            if (eig.values[k] - lmin <= 1e-12 * Math.max(Math.abs(lmin), 1e-300)
                    && Math.abs(gamma[k]) > 1e-12 * Math.max(gnorm, 1e-300)) {
                return false;
            }
        }
        return true;
    }

    /** |t(l)|, skipping the components whose shifted eigenvalue vanishes (the hard case's). */
    private double norm(double lam) {
        double s = 0;
        for (int k = 0; k < m; k++) {
            double d = eig.values[k] + lam;
            if (d > 0) {
                s += gamma[k] * gamma[k] / (d * d);
            }
        }
        return Math.sqrt(s);
    }

    /** Half the derivative of |t(l)|^2: -sum gamma^2 / (lambda_k + l)^3. */
    private double derivative(double lam) {
        double s = 0;
        for (int k = 0; k < m; k++) {
            double d = eig.values[k] + lam;
            if (d > 0) {
                s -= gamma[k] * gamma[k] / (d * d * d);
            }
        }
        return s;
    }

    private void fromEigen(double lam) {
        lambda = lam;
        java.util.Arrays.fill(step, 0);
        for (int k = 0; k < m; k++) {
            double d = eig.values[k] + lam;
            double c = d > 0 ? -gamma[k] / d : 0;
            for (int i = 0; i < m; i++) {
                step[i] += c * eig.vectors[i][k];
            }
        }
    }

    /**
     * The hard case's step: to the boundary along the lowest eigenvector, each coordinate within
     * {@code reach} if given, where the shifted model's shortest minimiser gains at most {@code level}.
     */
    private void hard(double lam, double radius, double[] reach, double level) {
        fromEigen(lam);
        if (gain() > level) {
            return;
        }
        double nt = norm(lam);
        double tau = Math.sqrt(Math.max(0, radius * radius - nt * nt));
        for (int i = 0; reach != null && i < m; i++) {
            tau = Math.min(tau, reach[i] / Math.abs(eig.vectors[i][0]));
        }
        tau = gamma[0] > 0 ? -tau : tau;
        for (int i = 0; i < m; i++) {
            step[i] += tau * eig.vectors[i][0];
        }
    }

    /** The decrease the model predicts for {@link #step}: {@code -(g.t + t.B.t / 2)}. */
    private double gain() {
        return -(Dense.dot(g, step) + 0.5 * Dense.quad(b, step));
    }

    /** The shift lambda of the last step (0 for an interior Newton step). */
    public double lambda() {
        return lambda;
    }

    /** The decrease the model predicts for the last step. */
    public double predicted() {
        return predicted;
    }

    /** Whether the last step is the model's unconstrained minimiser, strictly inside the region. */
    public boolean interior() {
        return interior;
    }
}
