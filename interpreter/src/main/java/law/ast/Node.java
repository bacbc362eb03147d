package law.ast;

import law.diag.Span;

/** Every AST node knows where it came from. */
public interface Node {
    /** The source range of the node. */
    Span span();
}
