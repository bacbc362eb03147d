package law.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.model.Law;

/** What evaluating an expression or a query yields. */
public sealed interface Value {

    /** A number or a symbolic expression (a number is a {@link law.expr.Expr} without symbols). */
    record Scalar(law.expr.Expr expr) implements Value {
        /** A numeric scalar. */
        public static Scalar of(double v) {
            return new Scalar(law.expr.Expr.num(v));
        }

        /** True when the expression has no free symbols. */
        public boolean isNumber() {
            return expr.symbols().isEmpty();
        }

        /** The numeric value; only for {@link #isNumber()} scalars. */
        public double number() {
            return expr.evaluate(Map.of());
        }
    }

    /** A list, from a range, a list literal or element-wise application. */
    record Items(List<law.expr.Expr> items) implements Value {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** A string. */
    record Text(String text) implements Value {
    }

    /** A law (declared, bound with {@code with}, or fitted). */
    record LawRef(Law law) implements Value {
    }

    /**
     * A named set of fields: a query result ({@code optimal} gives N, D, L, ...), an explicit start
     * point, or a parameter with its uncertainty. {@code primary} names the field used when the
     * record stands where a number is needed (e.g. the single variable asked of {@code optimal}).
     *
     * @param kind    what produced it, e.g. {@code optimal}
     * @param fields  the fields in display order
     * @param primary the field used as a number, or {@code null}
     */
    record Rec(String kind, Map<String, Value> fields, String primary) implements Value {
        public Rec {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /**
     * A value owned by a later stage (a dataset, a fit report, a table of results): it renders
     * itself and may expose fields.
     */
    non-sealed interface Other extends Value {
        /** What kind of thing this is, for messages ("dataset", "table"). */
        String kind();

        /** The text {@code print} shows. */
        String render();

        /** The value's fields for {@code x.field}; empty when it has none. */
        default Map<String, Value> fields() {
            return Map.of();
        }

        /**
         * Called when {@code x.field} names none of {@link #fields()}: throws a {@link Failure} at
         * {@code at} when the value knows why (a column that is text), else does nothing.
         */
        default void explainMissing(String field, law.diag.Span at) {
        }
    }

    /** The fields {@code v.field} can read (a fit's parameters and statistics, a dataset's columns, a record's fields). */
    static Map<String, Value> fieldsOf(Value v) {
        return Members.fields(v);
    }

    /** A short word for the kind of value, for messages. */
    default String kindName() {
        if (this instanceof Scalar s) {
            return s.isNumber() ? "number" : "expression";
        } else if (this instanceof Items) {
            return "list";
        } else if (this instanceof Text) {
            return "string";
        } else if (this instanceof LawRef) {
            return "law";
        } else if (this instanceof Rec r) {
            return r.kind();
        }
        return ((Other) this).kind();
    }
}
