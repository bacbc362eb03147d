package law.fmt;

import law.syntax.Lexeme;
import law.syntax.Lexeme.Kind;
import law.syntax.Lexeme.Role;

/**
 * Whether one space or none stands between two tokens on a line: one around binary operators,
 * keywords and after commas and {@code ;}; none inside brackets, around {@code ^}, {@code ..} and {@code .},
 * before {@code :} and {@code %}, after a sign, and between a callee and its {@code (}.
 */
final class Spacing {
    private Spacing() {
    }

    static boolean space(Lexeme prev, Lexeme next) {
        String p = prev.text();
        String n = next.text();
        if (prev.role() == Role.UNARY || tight(p) || tight(n)) {
            return false;
        }
        if (next.kind() == Kind.COMMA || next.kind() == Kind.SEMICOLON || n.equals(":") || n.equals("%")) {
            return false;
        }
        if (next.kind() == Kind.CLOSE) {
            return n.equals("}") && next.role() != Role.RECORD && !p.equals("{");
        }
        if (prev.kind() == Kind.OPEN) {
            return p.equals("{") && prev.role() != Role.RECORD;
        }
        if (n.equals("(") && next.role() == Role.CALL) {
            return false;
        }
        return true;
    }

    /** Operators written without spaces on either side. */
    private static boolean tight(String op) {
        return op.equals("^") || op.equals("..") || op.equals(".");
    }
}
