package law.ast;

import java.util.List;
import law.diag.Span;

/** Expressions: one grammar for law bodies, derived columns, constraints, queries and options. */
public sealed interface Expr extends Node {

    /** A number literal, with count suffixes already applied ({@code 70B} is 7e10). */
    record Num(double value, String text, Span span) implements Expr {
    }

    /** A string literal, unescaped. */
    record Str(String value, Span span) implements Expr {
    }

    /** A reference to a name. */
    record Name(Ident name, Span span) implements Expr {
        /** The referenced name. */
        public String text() {
            return name.text();
        }
    }

    /** {@code -x} or {@code +x}. */
    record Unary(Op op, Expr operand, Span span) implements Expr {
    }

    /** {@code a + b}, {@code a - b}, {@code a * b}, {@code a / b}, {@code a ^ b}. */
    record Binary(Op op, Expr left, Expr right, Span span) implements Expr {
    }

    /** A call of a builtin, a law or a function-like form ({@code grid(...)}, {@code huber(1e-3)}). */
    record Call(Ident callee, List<Arg> args, Span span) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code target.member}, e.g. {@code epoch.alpha} or {@code epoch.alpha.se}. */
    record Member(Expr target, Ident member, Span span) implements Expr {
    }

    /** {@code a..b}, {@code a..b by s} (linear step) or {@code a..b log n} (n log-spaced points). */
    record Range(Expr from, Expr to, RangeKind kind, Expr step, Span span) implements Expr {
    }

    /** {@code [a, b, c]}. */
    record ListLit(List<Expr> items, Span span) implements Expr {
        public ListLit {
            items = List.copyOf(items);
        }
    }

    /** {@code {p = v, q = w}}, e.g. an explicit start point. */
    record RecordLit(List<Binding> fields, Span span) implements Expr {
        public RecordLit {
            fields = List.copyOf(fields);
        }
    }

    /** A query form in parentheses, usable as a value: {@code (optimal N for f at C = 1e24).N}. */
    record QueryRef(Query query, Span span) implements Expr {
    }

    /** Arithmetic operators. */
    enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^"), NEG("-"), PLUS("+");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }
    }

    /** How a range is spaced. */
    enum RangeKind {
        /** {@code a..b}: step 1. */
        UNIT,
        /** {@code a..b by s}. */
        STEP,
        /** {@code a..b log n}. */
        LOG_COUNT
    }
}
