/**
 * The interpreter's vocabulary shared by the later stages: laws with their parameters and
 * domains, constraints, and what a fit attaches to a law.
 */
package law.model;
