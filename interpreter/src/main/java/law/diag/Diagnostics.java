package law.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * A collector of diagnostics. Stages report into it instead of throwing, so one run can report
 * every problem it finds.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();
    private final List<java.util.function.Consumer<Diagnostic>> listeners = new ArrayList<>();

    /** Adds a diagnostic and tells the listeners. */
    public void report(Diagnostic d) {
        items.add(d);
        listeners.forEach(l -> l.accept(d));
    }

    /** Calls a listener with every diagnostic reported from now on (for streaming output). */
    public Diagnostics onReport(java.util.function.Consumer<Diagnostic> listener) {
        listeners.add(listener);
        return this;
    }

    /** Adds an error and returns it, for chaining {@code withHelp}. */
    public void error(Code code, Span span, String message) {
        report(Diagnostic.error(code, span, message));
    }

    /** Adds an error with a help line. */
    public void error(Code code, Span span, String message, String help) {
        report(Diagnostic.error(code, span, message).withHelp(help));
    }

    /** Adds a warning. */
    public void warning(Code code, Span span, String message) {
        report(Diagnostic.warning(code, span, message));
    }

    /** Adds every diagnostic of another collector. */
    public void addAll(Diagnostics other) {
        items.addAll(other.items);
    }

    /** Everything reported so far, in order. */
    public List<Diagnostic> all() {
        return List.copyOf(items);
    }

    /** How many diagnostics were reported so far (a mark for {@link #hasErrorsSince}). */
    public int size() {
        return items.size();
    }

    /** True when an error was reported. */
    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    /** True when an error was reported after the given mark. */
    public boolean hasErrorsSince(int mark) {
        for (int i = mark; i < items.size(); i++) {
            if (items.get(i).isError()) {
                return true;
            }
        }
        return false;
    }

    /** Forgets everything reported after the given mark. */
    public void truncate(int mark) {
        while (items.size() > mark) {
            items.remove(items.size() - 1);
        }
    }
}
