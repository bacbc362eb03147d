/**
 * The numerical methods, knowing nothing of the language (no AST, expressions, diagnostics or
 * sessions here), each small enough to read in one sitting:
 *
 * <ul>
 *   <li>for {@code fit}: a trust-region minimizer on exact or Gauss-Newton Hessians
 *       ({@link law.numeric.TrustRegion}) with its model scaled on the free variables
 *       ({@code ScaledModel}), its subproblem solver ({@link law.numeric.TrustStep}) and the
 *       first-order check of its convergence ({@code FirstOrder}),
 *       limited-memory BFGS ({@link law.numeric.Lbfgs}) and a convex box-constrained Newton solver
 *       for small inner problems ({@link law.numeric.BoxNewton});</li>
 *   <li>for the queries: a projected BFGS method for {@code minimize} and {@code optimal}
 *       ({@link law.numeric.ProjectedBfgs}) and the scan for every root of {@code solve}
 *       ({@link law.numeric.RootScan}, refining with Hipparchus's Brent solver);</li>
 *   <li>for implicit laws: Newton's method safeguarded by bisection over a block of points
 *       ({@link law.numeric.BracketedNewton});</li>
 *   <li>the small dense linear algebra they share ({@link law.numeric.Dense},
 *       {@link law.numeric.SymmetricEigen}).</li>
 * </ul>
 * Problems are handed in through narrow interfaces ({@link law.numeric.SmoothFunction},
 * {@link law.numeric.ProjectedBfgs.Evaluation}, plain {@code DoubleUnaryOperator}s); the fit, the
 * queries and the expression compiler adapt their problems to them. Where Hipparchus does the job
 * well it is used (Brent's method here, Levenberg-Marquardt in {@code law.fit}); the queries' and
 * implicit laws' classes say in their Javadoc what they do that Hipparchus does not.
 */
package law.numeric;
