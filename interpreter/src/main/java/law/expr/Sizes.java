package law.expr;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The size of an expression written out as a tree. Expressions share subtrees (a law called twice
 * in a body holds its own body twice, as one object), so a tree can be exponentially larger than
 * the objects it is made of; every walk over it (printing, substituting, differentiating,
 * hashing) pays the tree size. These counts visit each shared node once, so they are linear in
 * the objects, and saturate at a cap.
 */
public final class Sizes {
    private Sizes() {
    }

    /** The number of nodes of {@code e} as a tree, or {@code cap} if that is larger. */
    public static long nodes(Expr e, long cap) {
        return count(e, null, cap, new IdentityHashMap<>());
    }

    /** How many times {@code symbol} occurs in {@code e} as a tree, or {@code cap} if that is larger. */
    public static long occurrences(Expr e, String symbol, long cap) {
        return count(e, symbol, cap, new IdentityHashMap<>());
    }

    private static long count(Expr e, String symbol, long cap, Map<Expr, Long> seen) {
        Long known = seen.get(e);
        if (known != null) {
            return known;
        }
        long n;
        if (e instanceof Expr.Sym s) {
            n = symbol == null || s.name().equals(symbol) ? 1 : 0;
        } else {
            n = symbol == null ? 1 : 0;
            for (Expr c : Walk.children(e)) {
                n = Math.min(cap, n + count(c, symbol, cap, seen));
            }
        }
        seen.put(e, n);
        return n;
    }
}
