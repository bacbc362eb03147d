package law.eval;

import java.util.Map;

/**
 * What a law's attachment (a fit's {@link law.model.Fitted}) adds to the fields {@code LAW.field}
 * can read besides the parameters and statistics: values of later stages, such as the table of a
 * fit's distinct optima ({@code LAW.optima}).
 */
public interface AttachedFields {
    /** The fields by name; a parameter of the same name wins. */
    Map<String, Value> attachedFields();
}
