/**
 * Symbolic expressions: the numeric core of the interpreter.
 *
 * <p>{@link law.expr.Expr} is an immutable expression tree kept in canonical form by the
 * simplifying constructors in {@link law.expr.Ops} (constant folding, like terms, equal factors).
 * {@link law.expr.Derivative} differentiates exactly, {@link law.expr.Printer} prints in
 * {@code .law} syntax, and {@link law.expr.Builtin} holds the builtin functions. An
 * {@link law.expr.Expr.Implicit} is a value defined by an equation (the root in a bound unknown
 * within a bracket), differentiated by the implicit function theorem and computed by a
 * per-point bracketed solve that the compiled code calls ({@code Roots}).
 *
 * <p>{@link law.expr.Compiler} turns a list of expressions into a {@link law.expr.Program}: a
 * tape evaluated block by block over whole data columns, with subexpressions shared across all
 * outputs and the scalar-only work hoisted out of the per-point loop. {@link law.expr.LawKernel}
 * packages a law with its gradient and Hessian for fits. Programs are thread-safe; each thread
 * evaluates with its own {@link law.expr.Workspace}.
 *
 * <p>This package depends on no other {@code law.*} package and on no parser types; the checker
 * builds expressions here from the syntax tree.
 */
package law.expr;
