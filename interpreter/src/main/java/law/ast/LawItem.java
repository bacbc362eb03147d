package law.ast;

import law.diag.Span;

/** An item of a law's block: parameter domains, fixed or tied parameters, local lets, citation, docs. */
public sealed interface LawItem extends Node {

    /** {@code A > 0}, {@code E >= 0}, {@code alpha < 2}. */
    record Bound(Ident param, RelOp op, Expr value, Span span) implements LawItem {
    }

    /** {@code alpha in (0, 2)}. */
    record In(Ident param, Interval interval, Span span) implements LawItem {
    }

    /** {@code E = 1.69} (fixed) or {@code beta = alpha} (tied). */
    record Assign(Ident param, Expr value, Span span) implements LawItem {
    }

    /** {@code let Dp = U + ...}: a local definition usable in the law body. */
    record LocalLet(Ident name, Expr value, Span span) implements LawItem {
    }

    /** {@code cite "Hoffmann et al. 2022"}. */
    record Cite(String text, Span span) implements LawItem {
    }

    /** {@code delta}: a parameter with no restriction on its values. */
    record Declare(Ident param, Span span) implements LawItem {
    }

    /** {@code N: "parameters, including embeddings"}: documentation of a variable or parameter. */
    record Describe(Ident name, String text, Span span) implements LawItem {
    }
}
