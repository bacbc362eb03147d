package law.numeric;

/**
 * The derivatives of a {@link SmoothFunction} at a point: gradient, Hessian and optionally a
 * Gauss-Newton matrix (a positive semi-definite approximation of the Hessian, such as
 * {@code J^T W J} or the IRLS matrix of a robust loss).
 */
public final class Derivatives {
    /** The gradient. */
    public final double[] g;
    /** The exact Hessian. */
    public final double[][] h;
    /** The Gauss-Newton matrix, or null when the function has none; filled on demand. */
    public final double[][] gn;
    /** Whether {@link #gn} holds the matrix at the point last evaluated. */
    public boolean gnReady;
    /** What the function keeps of its last evaluation into this object, to fill {@link #gn} later. */
    public Object state;

    /** Storage for an {@code n}-variable function, with a Gauss-Newton matrix if {@code gaussNewton}. */
    public Derivatives(int n, boolean gaussNewton) {
        this.g = new double[n];
        this.h = new double[n][n];
        this.gn = gaussNewton ? new double[n][n] : null;
    }

    /** Whether the Gauss-Newton matrix is filled. */
    public boolean hasGaussNewton() {
        return gn != null;
    }
}
