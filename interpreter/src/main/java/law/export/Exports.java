package law.export;

import law.ast.Stmt;
import law.eval.Interpreter;

/** Registers the {@code export} statement. */
public final class Exports {
    private Exports() {
    }

    /** Registers the handler. */
    public static void install(Interpreter interp) {
        interp.on(Stmt.Export.class, (s, ctx) -> { });
    }
}
