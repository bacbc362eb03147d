package law.eval;

/**
 * Thrown in check mode ({@link Options#check()}) where a statement reaches work that takes time or
 * writes (a fit, an IsoFLOP analysis, an output file), or needs a value such work would have made.
 * The interpreter stops the statement quietly: no diagnostic, nothing defined, and the name it
 * would have defined is marked pending, so later statements that use it stop quietly too.
 */
public final class Pending extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A stop of check mode. */
    public Pending() {
        super("not computed in check mode", null, false, false);
    }

    /** Throws {@link Pending} in check mode; does nothing otherwise. */
    public static void stopIfChecking(Context ctx) {
        if (ctx.options().check()) {
            throw new Pending();
        }
    }
}
