package law.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.model.Constraint;

/**
 * The definitions of a session: laws, fits, datasets, constants and constraints by name, plus the
 * names whose definition failed (so later uses of them do not pile up follow-on errors).
 * A statement that fails leaves the environment as it was.
 */
public final class Env {
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Constraint> constraints = new LinkedHashMap<>();
    private final Set<String> poisoned = new HashSet<>();
    private final Set<String> modules = new HashSet<>();
    private final Map<String, law.diag.Span> pending = new LinkedHashMap<>();

    /**
     * The definition of a name, or {@code null}; in check mode, a name whose definition was not
     * computed throws {@link Pending}, so whatever needs it stops quietly.
     */
    public Entry get(String name) {
        if (pending.containsKey(name)) {
            throw new Pending();
        }
        return entries.get(name);
    }

    /** Defines or redefines a name. */
    public void define(Entry e) {
        entries.put(e.name(), e);
        poisoned.remove(e.name());
        pending.remove(e.name());
    }

    /** Records that check mode did not compute the definition of this name, written at {@code span}. */
    public void pend(String name, law.diag.Span span) {
        if (!entries.containsKey(name)) {
            pending.put(name, span);
        }
    }

    /** Where the definition of a pending name is written, or {@code null} when the name is not pending. */
    public law.diag.Span pendingAt(String name) {
        return pending.get(name);
    }

    /** The names check mode did not compute, with where they are defined. */
    public Map<String, law.diag.Span> pending() {
        return java.util.Collections.unmodifiableMap(pending);
    }

    /** Records that a definition of this name failed. */
    public void poison(String name) {
        if (!entries.containsKey(name)) {
            poisoned.add(name);
        }
    }

    /** True when a name's definition failed earlier. */
    public boolean isPoisoned(String name) {
        return poisoned.contains(name);
    }

    /** Adds a constraint (an unnamed one gets a generated key). */
    public void constrain(Constraint c) {
        String key = c.name() != null ? c.name() : "#" + constraints.size();
        constraints.put(key, c);
    }

    /** Every declared constraint, in order. */
    public Collection<Constraint> constraints() {
        return List.copyOf(constraints.values());
    }

    /** Every definition, in order of first definition. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Every defined name. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** Marks a module as loaded; false if it already was. */
    public boolean markModule(String key) {
        return modules.add(key);
    }

    /** A deep-enough copy for rolling back a failed statement. */
    public Env copy() {
        Env c = new Env();
        c.entries.putAll(entries);
        c.constraints.putAll(constraints);
        c.poisoned.addAll(poisoned);
        c.modules.addAll(modules);
        c.pending.putAll(pending);
        return c;
    }

    /** Replaces this environment's contents by another's (the rollback). */
    public void restore(Env saved) {
        entries.clear();
        entries.putAll(saved.entries);
        constraints.clear();
        constraints.putAll(saved.constraints);
        poisoned.clear();
        poisoned.addAll(saved.poisoned);
        modules.clear();
        modules.addAll(saved.modules);
        pending.clear();
        pending.putAll(saved.pending);
    }

    /** Forgets everything. */
    public void clear() {
        restore(new Env());
    }
}
