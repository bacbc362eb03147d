package law.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A test-only parser for the expression subset of {@code .law} (numbers, names, calls,
 * {@code + - * / ^}, unary minus, parentheses) that builds expressions through {@link Ops}.
 * Precedence as in the grammar: call, {@code ^} (right-assoc), unary minus, {@code * /}, {@code + -}.
 */
final class MiniParser {
    private final String s;
    private int pos;

    private MiniParser(String s) {
        this.s = s;
    }

    static Expr parse(String text) {
        MiniParser p = new MiniParser(text);
        Expr e = p.sum();
        p.skip();
        if (p.pos != p.s.length()) {
            throw new IllegalArgumentException("trailing input at " + p.pos + " in " + text);
        }
        return e;
    }

    private void skip() {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    private boolean eat(char c) {
        skip();
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private Expr sum() {
        Expr e = product();
        while (true) {
            if (eat('+')) {
                e = Ops.add(e, product());
            } else if (eat('-')) {
                e = Ops.sub(e, product());
            } else {
                return e;
            }
        }
    }

    private Expr product() {
        Expr e = unary();
        while (true) {
            if (eat('*')) {
                e = Ops.mul(e, unary());
            } else if (eat('/')) {
                e = Ops.div(e, unary());
            } else {
                return e;
            }
        }
    }

    private Expr unary() {
        if (eat('-')) {
            return Ops.neg(unary());
        }
        return power();
    }

    private Expr power() {
        Expr base = atom();
        if (eat('^')) {
            return Ops.pow(base, unary());
        }
        return base;
    }

    private Expr atom() {
        skip();
        if (eat('(')) {
            Expr e = sum();
            expect(')');
            return e;
        }
        int start = pos;
        char c = s.charAt(pos);
        if (Character.isDigit(c) || c == '.') {
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (s.charAt(pos) == '-' || s.charAt(pos) == '+') {
                    pos++;
                }
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            return Expr.num(Double.parseDouble(s.substring(start, pos)));
        }
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start) {
            throw new IllegalArgumentException("unexpected '" + c + "' at " + pos + " in " + s);
        }
        String name = s.substring(start, pos);
        if (!eat('(')) {
            return name.equals("nan") ? Expr.num(Double.NaN) : Expr.sym(name);
        }
        List<Expr> args = new ArrayList<>();
        if (!eat(')')) {
            do {
                args.add(sum());
            } while (eat(','));
            expect(')');
        }
        if (name.equals("diff")) {
            return Derivative.of(args.get(0), ((Expr.Sym) args.get(1)).name());
        }
        for (Builtin b : Builtin.values()) {
            if (b.symbol().equals(name)) {
                return Ops.call(b, args);
            }
        }
        throw new IllegalArgumentException("unknown function " + name);
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + s);
        }
    }
}
