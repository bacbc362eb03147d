package law.ast;

import law.diag.Span;

/** An option of a {@code fit}, {@code isoflop}, {@code predict} or {@code plot} block. */
public sealed interface Option extends Node {

    /** The option's name. */
    String key();

    /** {@code loss = huber(1e-3)}. */
    record Value(Ident name, Expr value, Span span) implements Option {
        @Override
        public String key() {
            return name.text();
        }
    }

    /** {@code where = N > 1e8} or {@code where N > 1e8}. */
    record Where(Cond condition, Span span) implements Option {
        @Override
        public String key() {
            return "where";
        }
    }
}
