package law.eval;

import law.diag.Span;

/**
 * A name defined in a session.
 *
 * @param name  the name
 * @param kind  what kind of definition made it
 * @param value its value
 * @param span  where it was defined
 * @param doc   its documentation, or {@code null}
 */
public record Entry(String name, Kind kind, Value value, Span span, String doc) {

    /** Kinds of definitions, in the order {@code :show} lists them. */
    public enum Kind {
        LAW, FIT, DATA, LET, CONSTRAINT, RESULT
    }
}
