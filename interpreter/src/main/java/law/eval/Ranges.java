package law.eval;

import java.util.ArrayList;
import java.util.List;
import law.ast.Expr;
import law.diag.Code;

/** Ranges: {@code a..b} (step 1), {@code a..b by s}, {@code a..b log n}. */
final class Ranges {
    private Ranges() {
    }

    static Value range(Evaluator ev, Expr.Range r, Scope scope) {
        double from = ev.number(r.from(), scope);
        double to = ev.number(r.to(), scope);
        List<law.expr.Expr> items = new ArrayList<>();
        if (r.kind() == Expr.RangeKind.LOG_COUNT) {
            double count = ev.number(r.step(), scope);
            if (count != Math.rint(count) || count < 2) {
                throw Failure.at(Code.BAD_RANGE, r.step().span(), "a log range needs a whole number of at least 2 "
                        + "points, not " + law.report.Fmt.num(count));
            }
            if (!(from > 0) || !(to > 0)) {
                throw Failure.at(Code.BAD_RANGE, r.span(), "a log range needs positive ends",
                        "use 'by' for a linear range");
            }
            checkCount(count, r, ev.maxItems());
            int n = (int) count;
            double lf = Math.log10(from);
            double lt = Math.log10(to);
            for (int i = 0; i < n; i++) {
                double v = i == 0 ? from : i == n - 1 ? to : Math.pow(10, lf + (lt - lf) * i / (n - 1));
                items.add(law.expr.Expr.num(v));
            }
            return new Value.Items(items);
        }
        double step = r.kind() == Expr.RangeKind.STEP ? ev.number(r.step(), scope) : 1;
        if (step == 0 || !Double.isFinite(step) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw Failure.at(Code.BAD_RANGE, r.span(), "a range needs finite ends and a non-zero step");
        }
        if ((to - from) / step < 0) {
            throw Failure.at(Code.BAD_RANGE, r.span(), "the step " + law.report.Fmt.num(step)
                    + " never reaches " + law.report.Fmt.num(to) + " from " + law.report.Fmt.num(from));
        }
        double count = Math.floor((to - from) / step + 1e-9) + 1;
        checkCount(count, r, ev.maxItems());
        for (int i = 0; i < (int) count; i++) {
            items.add(law.expr.Expr.num(from + i * step));
        }
        return new Value.Items(items);
    }

    private static void checkCount(double count, Expr.Range r, int limit) {
        if (count > limit) {
            throw Failure.at(Code.BAD_RANGE, r.span(), "this range has " + law.report.Fmt.num(count)
                    + " elements; the limit is " + limit, "raise it with --max-items N (see docs/security.md)");
        }
    }
}
