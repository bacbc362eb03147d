package law.eval;

/**
 * The value of a named constraint ({@code constraint compute: C = 6 * N * D}): its relation, which
 * prints as written; it is not a number, and says so where one is needed.
 *
 * @param relation the relation as written in the spec
 */
public record ConstraintValue(String relation) implements Value.Other {
    @Override
    public String kind() {
        return "constraint";
    }

    @Override
    public String render() {
        return relation;
    }
}
