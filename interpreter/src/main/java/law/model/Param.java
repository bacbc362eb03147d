package law.model;

/**
 * A parameter of a law form.
 *
 * @param name   the parameter's name
 * @param domain the values it may take
 * @param doc    its description, or {@code null}
 */
public record Param(String name, Domain domain, String doc) {
}
