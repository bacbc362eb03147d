package law.eval;

import java.util.List;
import java.util.regex.Pattern;
import law.diag.Code;
import law.diag.Diagnostic;

/**
 * Warning {@code L0302} for a plain value that is not a finite number ({@code 0/0}, {@code 1/0},
 * {@code sqrt(-1)}, an overflow): printed as {@code nan} or {@code inf} it would otherwise pass as
 * a result. An infinity the expression asks for by name ({@code inf}) is not warned about.
 */
final class NonFinite {
    private static final Pattern NAMES_INF = Pattern.compile("\\binf\\b");

    private NonFinite() {
    }

    /** Warns at {@code e} when {@code v} (a number, a list, or a record's primary field) is NaN or an unasked-for infinity. */
    static void warn(Value v, law.ast.Expr e, Context ctx) {
        List<law.expr.Expr> xs = v instanceof Value.Items is ? is.items()
                : v instanceof Value.Scalar s ? List.of(s.expr()) : List.of();
        for (int i = 0; i < xs.size(); i++) {
            if (!xs.get(i).symbols().isEmpty()) {
                continue;
            }
            double x = xs.get(i).evaluate(java.util.Map.of());
            boolean nan = Double.isNaN(x);
            if (nan || Double.isInfinite(x) && !NAMES_INF.matcher(e.span().text()).find()) {
                String what = (xs.size() > 1 ? "element " + (i + 1) + " of this list" : "this") + " is "
                        + (nan ? "not a number (NaN)" : "infinite");
                ctx.report(Diagnostic.warning(Code.NOT_FINITE, e.span(), what).withHelp(nan
                        ? "check for 0/0, the log or square root of a negative number, or inf - inf"
                        : "check for a division by zero, the log of 0, or a number too large for a double (1.8e308)"));
                return;
            }
        }
    }
}
