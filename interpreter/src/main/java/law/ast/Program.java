package law.ast;

import java.util.List;
import law.diag.SourceFile;

/**
 * A parsed source: its statements in order.
 *
 * @param source     the text it was parsed from
 * @param statements the statements, possibly fewer than written when some had syntax errors
 */
public record Program(SourceFile source, List<Stmt> statements) {
    public Program {
        statements = List.copyOf(statements);
    }
}
