package law.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints expressions in {@code .law} syntax with the fewest parentheses.
 *
 * <p>Precedence from high to low: call, {@code ^} (right-associative), unary minus, {@code * /},
 * {@code + -}; so {@code -x^2} is {@code -(x^2)} and {@code (-x)^2} keeps its parentheses.
 * Negative terms print as subtraction, starting with the first positive term ({@code y - x},
 * {@code 1 - x}); factors with a negative exponent as a denominator ({@code A / N^alpha}); and a
 * coefficient {@code 1/k} with many digits as {@code / k}. Several denominators print as
 * {@code a / (b * c)}, or as {@code a / 0 / c} when one is a literal zero, to keep round trips. The output is deterministic: it depends only on the canonical form.
 */
public final class Printer {
    private static final int ADD = 1;
    private static final int MUL = 2;
    private static final int NEG = 3;
    private static final int POW = 4;
    private static final int ATOM = 5;

    private final int digits;

    private Printer(int digits) {
        this.digits = digits;
    }

    private record Out(String text, int prec) {
    }

    /** The {@code .law} text of {@code e}, numbers with at most 12 significant digits. */
    public static String print(Expr e) {
        return new Printer(Numerals.MAX_DIGITS).render(e).text();
    }

    /**
     * The {@code .law} text of {@code e} with every number written in full (up to 17 significant
     * digits), so that parsing it back gives the same expression, bit for bit: what saved fits store.
     */
    public static String exact(Expr e) {
        return new Printer(Numerals.EXACT_DIGITS).render(e).text();
    }

    /** Words a plain name cannot be, because the grammar reserves them. */
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("law", "let", "constraint", "data", "fit",
            "isoflop", "use", "print", "minimize", "maximize", "optimal", "solve", "table", "predict", "compare",
            "expect", "plot", "export", "with", "where", "drop", "dedup", "in", "for", "subject", "and", "or", "not");

    /** A symbol as written in {@code .law}: back-quoted when it is not a plain name ({@code `Model Size`}). */
    public static String name(String n) {
        boolean plain = !n.isEmpty() && !KEYWORDS.contains(n)
                && (Character.isLetter(n.codePointAt(0)) || n.charAt(0) == '_')
                && n.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
        return plain ? n : "`" + n + "`";
    }

    private Out render(Expr e) {
        if (e instanceof Expr.Num n) {
            return number(n.value());
        } else if (e instanceof Expr.Sym s) {
            return new Out(name(s.name()), ATOM);
        } else if (e instanceof Expr.Sum s) {
            return sum(s);
        } else if (e instanceof Expr.Product p) {
            return product(p.coefficient(), p.factors());
        } else if (e instanceof Expr.Pow p) {
            return isNegative(p.exponent()) ? product(1, List.of(e)) : power(p.base(), p.exponent());
        } else if (e instanceof Expr.Implicit m) {
            return new Out("root(" + render(m.f()).text() + ", " + name(m.unknown()) + ", " + render(m.lo()).text()
                    + ", " + render(m.hi()).text() + ")", ATOM);
        }
        Expr.Call c = (Expr.Call) e;
        List<String> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(render(a).text());
        }
        return new Out(c.function().symbol() + "(" + String.join(", ", args) + ")", ATOM);
    }

    private Out number(double v) {
        String s = Numerals.format(v, digits);
        return new Out(s, s.startsWith("-") ? NEG : ATOM);
    }

    private Out sum(Expr.Sum s) {
        List<Expr> items = new ArrayList<>(s.terms());
        if (s.constant() != 0) {
            items.add(Expr.num(s.constant()));
        }
        for (int i = 0; i < items.size(); i++) {
            if (!isNegative(items.get(i))) {
                items.add(0, items.remove(i));
                break;
            }
        }
        StringBuilder b = new StringBuilder(render(items.get(0)).text());
        for (Expr t : items.subList(1, items.size())) {
            if (isNegative(t)) {
                b.append(" - ").append(wrap(render(Ops.neg(t)), ADD));
            } else {
                b.append(" + ").append(wrap(render(t), ADD));
            }
        }
        return new Out(b.toString(), ADD);
    }

    private Out product(double c, List<Expr> factors) {
        List<Out> num = new ArrayList<>();
        List<Out> den = new ArrayList<>();
        double m = Math.abs(c);
        if (m != 1) {
            double r = 1 / m;
            if (m < 1 && r == Math.rint(r) && 1 / r == m && Numerals.significantDigits(m, digits) > 6) {
                den.add(number(r));
            } else {
                num.add(number(m));
            }
        }
        boolean negative = c < 0;
        for (Expr f : factors) {
            if (f instanceof Expr.Pow p && isNegative(p.exponent())) {
                Expr e = Ops.neg(p.exponent());
                den.add(e.equals(Expr.ONE) ? render(p.base()) : power(p.base(), e));
            } else {
                num.add(render(f));
            }
        }
        StringBuilder b = new StringBuilder(negative ? "-" : "");
        if (num.isEmpty()) {
            b.append('1');
        }
        for (int i = 0; i < num.size(); i++) {
            b.append(i == 0 ? "" : " * ").append(wrap(num.get(i), MUL));
        }
        if (den.size() == 1 || den.stream().anyMatch(d -> d.text().equals("0"))) {
            for (Out d : den) {
                b.append(" / ").append(wrap(d, MUL));
            }
        } else if (den.size() > 1) {
            List<String> ds = new ArrayList<>();
            for (Out d : den) {
                ds.add(wrap(d, MUL));
            }
            b.append(" / (").append(String.join(" * ", ds)).append(')');
        }
        int prec;
        if (num.size() > 1 || !den.isEmpty()) {
            prec = MUL;
        } else if (negative) {
            prec = NEG;
        } else {
            prec = num.get(0).prec();
        }
        return new Out(b.toString(), prec);
    }

    private Out power(Expr base, Expr exponent) {
        String b = wrap(render(base), POW);
        Out e = render(exponent);
        String x = e.prec() < POW ? "(" + e.text() + ")" : e.text();
        return new Out(b + "^" + x, POW);
    }

    /** The text, parenthesised if it binds no tighter than {@code level}. */
    private static String wrap(Out o, int level) {
        return o.prec() <= level ? "(" + o.text() + ")" : o.text();
    }

    /** Whether {@code e} reads as negative: a negative number, coefficient, or all-negative sum. */
    static boolean isNegative(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value() < 0;
        }
        if (e instanceof Expr.Product p) {
            return p.coefficient() < 0;
        }
        if (e instanceof Expr.Sum s) {
            if (s.constant() > 0) {
                return false;
            }
            for (Expr t : s.terms()) {
                if (!isNegative(t)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
