package law.ast;

import law.diag.Span;

/**
 * {@code name = value}: a parameter binding in {@code with}, a record field, a predict input.
 *
 * @param name  the bound name
 * @param value its value
 * @param span  the whole binding
 */
public record Binding(Ident name, Expr value, Span span) implements Node {
}
