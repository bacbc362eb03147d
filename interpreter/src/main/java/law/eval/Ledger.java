package law.eval;

import java.util.ArrayList;
import java.util.List;
import law.diag.Span;

/**
 * What the stages record for reports as a session runs, beyond what they print: every fit with
 * the rows it left out, and every point a query evaluated a fitted law at. {@code law report}
 * reads it to fill in a study's appendix. Facts are kept in order; a stage adds its own fact
 * types by recording any object, and a reader asks for the types it knows. A fit replaces an
 * earlier fit of the same name and group (the REPL redefines names), and the extents of one
 * query, law and variable are merged into the most extreme one, so a table over a million rows
 * records one fact per column rather than a million.
 */
public final class Ledger {
    private final java.util.Map<Object, Object> facts = new java.util.LinkedHashMap<>();

    /**
     * A fit (one group of a grouped fit, or the whole dataset) and the rows its {@code where}
     * option left out.
     *
     * @param name     the fit statement's name
     * @param group    the group's label ({@code "C=1e19"}), or {@code ""} for an ungrouped fit
     * @param span     the fit statement
     * @param result   what the fit attached to its law
     * @param where    the fit's {@code where} option as written, or {@code null}
     * @param excluded the source row numbers (file lines or data rows) the option left out
     */
    public record Fit(String name, String group, Span span, law.model.Fitted result, String where, int[] excluded) {
    }

    /**
     * One variable of one point at which a query evaluated a fitted law, against the range of the
     * data the law was fitted on.
     *
     * @param span     the query
     * @param law      the fitted law's name
     * @param variable the law's variable
     * @param value    its value at the point
     * @param min      the smallest fitted value
     * @param max      the largest fitted value
     */
    public record Extent(Span span, String law, String variable, double value, double min, double max) {
        /** How far outside the fitted range the value is: {@code value/max} above, {@code min/value} below, else 1. */
        public double factor() {
            if (value > max && max > 0) {
                return value / max;
            }
            if (value < min && value > 0) {
                return min / value;
            }
            return value > max || value < min ? Double.POSITIVE_INFINITY : 1;
        }
    }

    /** Records a fact. */
    public synchronized void record(Object fact) {
        if (fact instanceof Fit f) {
            Object key = List.of("fit", f.name(), f.group());
            facts.remove(key);
            facts.put(key, f);
        } else if (fact instanceof Extent e) {
            Object key = List.of("extent", e.span() == null ? "" : e.span().source().name(),
                    e.span() == null ? -1 : e.span().start(), e.span() == null ? -1 : e.span().end(), e.law(), e.variable());
            Object old = facts.get(key);
            if (!(old instanceof Extent o) || e.factor() > o.factor()) {
                facts.put(key, e);
            }
        } else {
            facts.put(new Object(), fact);
        }
    }

    /** The facts of a type, in the order they were recorded. */
    public synchronized <T> List<T> facts(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object f : facts.values()) {
            if (type.isInstance(f)) {
                out.add(type.cast(f));
            }
        }
        return out;
    }

    /** Forgets every fact. */
    public synchronized void clear() {
        facts.clear();
    }
}
