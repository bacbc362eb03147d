package law.ast;

import law.diag.Span;

/**
 * A call argument, positional ({@code name == null}) or named ({@code alpha = 0..2 by 0.5}).
 *
 * @param name  the name of a named argument, or {@code null}
 * @param value the argument value
 * @param span  the whole argument
 */
public record Arg(Ident name, Expr value, Span span) implements Node {
    /** True for a named argument. */
    public boolean named() {
        return name != null;
    }
}
