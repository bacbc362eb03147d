package law.ast;

import law.diag.Span;

/**
 * {@code (a, b)}, {@code [a, b]}, {@code [a, b)} or {@code (a, b]}.
 *
 * @param lo       lower end
 * @param loClosed whether the lower end belongs to the interval
 * @param hi       upper end
 * @param hiClosed whether the upper end belongs to the interval
 * @param span     the whole interval
 */
public record Interval(Expr lo, boolean loClosed, Expr hi, boolean hiClosed, Span span) implements Node {
}
