package law.eval;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Names visible while evaluating one expression on top of the session's definitions: a law's
 * variables and parameters (as symbols), a table's loop variable, local lets. In a symbolic
 * scope, unknown names become free symbols (the unknowns of {@code minimize}, {@code solve},
 * {@code diff}) instead of errors; they are collected in {@link #free()}.
 */
public final class Scope {
    private final Map<String, Value> locals = new LinkedHashMap<>();
    private final Set<String> free = new LinkedHashSet<>();
    private final boolean symbolic;
    private boolean pointOnly;

    private Scope(boolean symbolic) {
        this.symbolic = symbolic;
    }

    /**
     * Marks this scope as needing point values only: queries skip their confidence intervals
     * (which may re-solve once per bootstrap replicate). Used where only a number is compared.
     */
    public Scope pointOnly() {
        pointOnly = true;
        return this;
    }

    /** True when queries need not compute confidence intervals. */
    public boolean wantsPointOnly() {
        return pointOnly;
    }

    /** A scope where unknown names are errors. */
    public static Scope strict() {
        return new Scope(false);
    }

    /** A scope where unknown names are free symbols. */
    public static Scope symbolic() {
        return new Scope(true);
    }

    /** Binds a local name. */
    public Scope bind(String name, Value v) {
        locals.put(name, v);
        return this;
    }

    /** Binds a name to a symbol of the same name. */
    public Scope symbol(String name) {
        return bind(name, new Value.Scalar(law.expr.Expr.sym(name)));
    }

    /** The local value of a name, or {@code null}. */
    public Value local(String name) {
        return locals.get(name);
    }

    /** Local names (for suggestions). */
    public Set<String> localNames() {
        return locals.keySet();
    }

    /** Whether unknown names become free symbols. */
    public boolean isSymbolic() {
        return symbolic;
    }

    /** Records a free symbol. */
    void addFree(String name) {
        free.add(name);
    }

    /** The free symbols met so far, in order of first use. */
    public Set<String> free() {
        return free;
    }

    /** A copy with the same locals (and the same handling of unknown names), to bind more in. */
    public Scope copy() {
        Scope s = new Scope(symbolic);
        s.pointOnly = pointOnly;
        s.locals.putAll(locals);
        return s;
    }

    /** A symbolic copy with the same locals. */
    public Scope asSymbolic() {
        Scope s = new Scope(true);
        s.pointOnly = pointOnly;
        s.locals.putAll(locals);
        return s;
    }
}
