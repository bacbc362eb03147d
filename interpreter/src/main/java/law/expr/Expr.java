package law.expr;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A symbolic expression: an immutable tree of records in canonical form.
 *
 * <p>Build expressions only through {@link #num}, {@link #sym} and the simplifying factories in
 * {@link Ops}. They keep every node canonical (constants folded, like terms and equal factors
 * collected, operands of sums and products in a fixed order), so two expressions that the
 * simplifier can prove equal are {@code equals} and print the same. The record constructors are
 * public only because Java requires it; calling them directly bypasses simplification.
 *
 * <p>Subtraction is a sum with a negative coefficient, division a power with a negative exponent,
 * and unary minus a product with coefficient -1. {@link Printer} turns them back into
 * {@code a - b}, {@code a / b} and {@code -a}.
 *
 * <p>{@link Implicit} is the value defined by an equation: the root in a bound unknown of an
 * expression, within a bracket. Build it with {@link Ops#implicit}.
 */
public sealed interface Expr permits Expr.Num, Expr.Sym, Expr.Sum, Expr.Product, Expr.Pow, Expr.Call, Expr.Implicit {

    /** The number 0. */
    Expr ZERO = new Num(0);
    /** The number 1. */
    Expr ONE = new Num(1);

    /** A numeric constant; {@code -0.0} is stored as {@code 0.0}. */
    static Expr num(double value) {
        return new Num(value);
    }

    /** A free symbol: a law variable (a data column) or a parameter (a scalar). */
    static Expr sym(String name) {
        return new Sym(name);
    }

    /** The free symbols, in order of first appearance in the canonical form. */
    default Set<String> symbols() {
        Set<String> out = new LinkedHashSet<>();
        Walk.collect(this, out);
        return Collections.unmodifiableSet(out);
    }

    /** Whether the symbol {@code name} occurs in this expression. */
    default boolean dependsOn(String name) {
        return Walk.dependsOn(this, name);
    }

    /** Replaces symbols by expressions and re-simplifies; unbound symbols stay as they are. */
    default Expr substitute(Map<String, Expr> bindings) {
        return Walk.substitute(this, bindings);
    }

    /**
     * Evaluates by walking the tree once; meant for one-off queries, not for data.
     *
     * @throws IllegalArgumentException if a symbol has no value
     */
    default double evaluate(Map<String, Double> values) {
        return Walk.evaluate(this, values);
    }

    /** A number. */
    record Num(double value) implements Expr {
        /** Normalises {@code -0.0} to {@code 0.0} so that equal numbers are equal records. */
        public Num {
            if (value == 0) {
                value = 0.0;
            }
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** A free symbol. */
    record Sym(String name) implements Expr {
        /** Checks that the name is not empty. */
        public Sym {
            if (Objects.requireNonNull(name, "name").isEmpty()) {
                throw new IllegalArgumentException("empty symbol name");
            }
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /**
     * {@code constant + terms[0] + terms[1] + ...}; terms are neither numbers nor sums, a term's
     * numeric coefficient sits in a {@link Product}, and no two terms differ only by coefficient.
     */
    record Sum(double constant, List<Expr> terms) implements Expr {
        /** Copies the terms; a sum has at least one term. */
        public Sum {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("a sum needs a term");
            }
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /**
     * {@code coefficient * factors[0] * factors[1] * ...}; factors are neither numbers nor
     * products, and no two factors share a base (powers of one base are merged).
     */
    record Product(double coefficient, List<Expr> factors) implements Expr {
        /** Copies the factors; a product has at least one factor. */
        public Product {
            factors = List.copyOf(factors);
            if (factors.isEmpty()) {
                throw new IllegalArgumentException("a product needs a factor");
            }
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** {@code base ^ exponent}. */
    record Pow(Expr base, Expr exponent) implements Expr {
        /** Checks for nulls. */
        public Pow {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(exponent, "exponent");
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** A call of a builtin function. */
    record Call(Builtin function, List<Expr> args) implements Expr {
        /** Copies the arguments. */
        public Call {
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /**
     * The root {@code u} of {@code f = 0} with {@code lo < u < hi}: an implicitly defined value.
     * {@code unknown} is a bound name (not a free symbol of this node); {@code lo} and {@code hi}
     * must not mention it. Derivatives follow from the implicit function theorem,
     * {@code du/dv = -(df/dv) / (df/du)} at {@code u} = this node ({@link Derivative}); values come
     * from a bracketed Newton-bisection solve per point ({@link Roots}). Printed as
     * {@code root(f, u, lo, hi)}, which the language reads back.
     */
    record Implicit(String unknown, Expr f, Expr lo, Expr hi) implements Expr {
        /** Checks for nulls and an empty name. */
        public Implicit {
            if (Objects.requireNonNull(unknown, "unknown").isEmpty()) {
                throw new IllegalArgumentException("empty unknown");
            }
            Objects.requireNonNull(f, "f");
            Objects.requireNonNull(lo, "lo");
            Objects.requireNonNull(hi, "hi");
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }
}
