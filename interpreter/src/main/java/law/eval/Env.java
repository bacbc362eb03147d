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
 * A statement that fails leaves the environment as it was: changes made inside a statement are
 * journalled ({@link #mark}) and undone by {@link #rollback}.
 */
public final class Env {
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Constraint> constraints = new LinkedHashMap<>();
    private final Set<String> poisoned = new HashSet<>();
    private final Set<String> modules = new HashSet<>();
    private final Map<String, law.diag.Span> pending = new LinkedHashMap<>();

    /** How to undo each change made since the outermost open statement began, in order. */
    private final List<Runnable> undo = new ArrayList<>();
    /** Statements in progress (a {@code use} runs statements inside a statement). */
    private int open;

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
        Entry before = entries.put(e.name(), e);
        boolean wasPoisoned = poisoned.remove(e.name());
        law.diag.Span wasPending = pending.remove(e.name());
        record(() -> {
            if (before == null) {
                entries.remove(e.name());
            } else {
                entries.put(e.name(), before);
            }
            if (wasPoisoned) {
                poisoned.add(e.name());
            }
            if (wasPending != null) {
                pending.put(e.name(), wasPending);
            }
        });
    }

    /** Records that check mode did not compute the definition of this name, written at {@code span}. */
    public void pend(String name, law.diag.Span span) {
        if (!entries.containsKey(name)) {
            law.diag.Span before = pending.put(name, span);
            record(() -> {
                if (before == null) {
                    pending.remove(name);
                } else {
                    pending.put(name, before);
                }
            });
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
        if (!entries.containsKey(name) && poisoned.add(name)) {
            record(() -> poisoned.remove(name));
        }
    }

    /** True when a name's definition failed earlier. */
    public boolean isPoisoned(String name) {
        return poisoned.contains(name);
    }

    /** Adds a constraint (an unnamed one gets a generated key). */
    public void constrain(Constraint c) {
        String key = c.name() != null ? c.name() : "#" + constraints.size();
        Constraint before = constraints.put(key, c);
        record(() -> {
            if (before == null) {
                constraints.remove(key);
            } else {
                constraints.put(key, before);
            }
        });
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
        boolean added = modules.add(key);
        if (added) {
            record(() -> modules.remove(key));
        }
        return added;
    }

    /**
     * Starts a statement: its changes can be undone by {@link #rollback}. Costs nothing per existing
     * definition, so a spec of n statements runs in O(n), not the O(n^2) of copying the environment
     * before each one.
     */
    public int mark() {
        open++;
        return undo.size();
    }

    /** Ends a statement that succeeded: its changes stay. */
    public void commit(int mark) {
        close();
    }

    /** Ends a statement that failed: every change since {@code mark} is undone. */
    public void rollback(int mark) {
        for (int i = undo.size() - 1; i >= mark; i--) {
            undo.remove(i).run();
        }
        close();
    }

    private void close() {
        if (--open <= 0) {
            open = 0;
            undo.clear();
        }
    }

    private void record(Runnable r) {
        if (open > 0) {
            undo.add(r);
        }
    }

    /** Forgets everything. */
    public void clear() {
        if (open > 0) {
            Map<String, Entry> e = new LinkedHashMap<>(entries);
            Map<String, Constraint> c = new LinkedHashMap<>(constraints);
            Set<String> p = new HashSet<>(poisoned);
            Set<String> m = new HashSet<>(modules);
            Map<String, law.diag.Span> q = new LinkedHashMap<>(pending);
            undo.add(() -> {
                entries.putAll(e);
                constraints.putAll(c);
                poisoned.addAll(p);
                modules.addAll(m);
                pending.putAll(q);
            });
        }
        entries.clear();
        constraints.clear();
        poisoned.clear();
        modules.clear();
        pending.clear();
    }
}
