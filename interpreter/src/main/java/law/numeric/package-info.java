/**
 * The numerical methods, knowing nothing of the language: a trust-region minimizer on exact or
 * Gauss-Newton Hessians ({@link law.numeric.TrustRegion}) with its subproblem solver
 * ({@link law.numeric.TrustStep}), limited-memory BFGS ({@link law.numeric.Lbfgs}), a convex
 * box-constrained solver for small problems ({@link law.numeric.BoxNewton}), and the small dense
 * linear algebra they share ({@link law.numeric.Dense}, {@link law.numeric.SymmetricEigen}).
 * Problems are handed in through narrow interfaces ({@link law.numeric.SmoothFunction}); the fit
 * and the queries adapt their problems to them.
 */
package law.numeric;
