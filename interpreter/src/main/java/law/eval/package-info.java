/**
 * The interpreter core: the session's definitions, name resolution and evaluation of
 * expressions (with did-you-mean diagnostics), building laws from declarations, and the
 * statement handlers that later stages register into.
 */
package law.eval;
