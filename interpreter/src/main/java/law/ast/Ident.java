package law.ast;

import law.diag.Span;

/**
 * A name as written: a plain or back-quoted identifier (the quotes are not part of the text).
 *
 * @param text the name
 * @param span where it is written
 */
public record Ident(String text, Span span) implements Node {
}
