package law.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import law.ast.Expr;
import law.ast.Query;
import law.ast.RelOp;
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Diagnostic;
import law.report.Fmt;

/** The handlers of bare queries, {@code print} and {@code expect}. */
public final class Asks {
    private Asks() {
    }

    /** Registers the handlers. */
    public static void install(Interpreter interp) {
        interp.on(Stmt.Ask.class, Asks::ask);
        interp.on(Stmt.Print.class, Asks::print);
        interp.on(Stmt.Expect.class, Asks::expect);
        interp.onQuery(Query.Value.class, (q, scope, ctx) -> value(q.expr(), scope, ctx));
    }

    /** Evaluates a plain expression; a result that still depends on unknowns is an error unless it is a derivative. */
    static Value value(Expr e, Scope scope, Context ctx) {
        Value v = ctx.evaluator().eval(e, scope);
        if (v instanceof Value.Scalar s && !s.isNumber() && !scope.isSymbolic() && !isDiff(e)) {
            throw Failure.at(Code.UNBOUND_PARAMETER, e.span(), "this depends on parameters without values: "
                    + String.join(", ", s.expr().symbols().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList()),
                    "bind them with 'law NAME = LAW with { ... }', or fit the law");
        }
        return v;
    }

    private static boolean isDiff(Expr e) {
        return e instanceof Expr.Call c && c.callee().text().equals("diff");
    }

    private static Value run(Query q, Context ctx) {
        return ctx.evaluator().eval(new Expr.QueryRef(q, q.span()), Scope.strict());
    }

    private static Value runPoint(Query q, Context ctx) {
        return ctx.evaluator().eval(new Expr.QueryRef(q, q.span()), Scope.strict().pointOnly());
    }

    private static void ask(Stmt.Ask s, Context ctx) {
        Value v = run(s.query(), ctx);
        warnNonFinite(s.query(), v, ctx);
        ctx.emit(new Result(s.span(), Render.kind(v), Render.text(v), Render.json(v)));
    }

    private static void print(Stmt.Print s, Context ctx) {
        for (Query q : s.queries()) {
            Value v = run(q, ctx);
            warnNonFinite(q, v, ctx);
            ctx.emit(new Result(q.span(), Render.kind(v), Render.text(v), Render.json(v)));
        }
    }

    private static void warnNonFinite(Query q, Value v, Context ctx) {
        if (q instanceof Query.Value pv) {
            NonFinite.warn(v, pv.expr(), ctx);
        }
    }

    private static void expect(Stmt.Expect s, Context ctx) {
        Value got = runPoint(s.query(), ctx);
        double actual = number(got, s, ctx);
        double want = ctx.evaluator().number(s.value(), Scope.strict());
        double tol = s.tolerance() == null ? 0 : ctx.evaluator().number(s.tolerance(), Scope.strict());
        if (tol < 0) {
            throw Failure.at(Code.BAD_RANGE, s.tolerance().span(), "a tolerance cannot be negative");
        }
        double allowed = s.percent() ? Math.abs(want) * tol / 100 : tol;
        boolean ok = switch (s.op()) {
            case EQ -> Math.abs(actual - want) <= allowed;
            case NE -> Math.abs(actual - want) > allowed;
            default -> s.op().test(actual, want);
        };
        String wanted = s.op().symbol() + " " + Fmt.num(want)
                + (s.tolerance() == null ? "" : " +- " + Fmt.num(tol) + (s.percent() ? "%" : ""));
        String subject = s.query().span().text();
        ctx.countExpectation(ok);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("expect", subject);
        json.set("actual", Render.number(actual));
        json.put("relation", s.op().symbol());
        json.set("value", Render.number(want));
        if (s.tolerance() == null) {
            json.putNull("tolerance");
        } else {
            ObjectNode t = json.putObject("tolerance");
            t.set("value", Render.number(tol));
            t.put("relative", s.percent());
            t.set("allowed", Render.number(allowed));
        }
        json.put("passed", ok);
        ctx.emit(new Result(s.span(), "expect", (ok ? "ok: " : "FAILED: ") + subject + " = " + Fmt.num(actual)
                + " (expected " + wanted + ")", json));
        if (!ok) {
            String off = s.op() == RelOp.EQ && want != 0
                    ? ", off by " + Fmt.num(actual - want, 4) + " (" + Fmt.num(100 * (actual - want) / Math.abs(want), 3) + "%)"
                    : "";
            ctx.report(Diagnostic.error(Code.EXPECT_FAILED, s.span(), "expected " + subject + " " + wanted
                    + ", got " + Fmt.num(actual) + off));
        }
    }

    private static double number(Value got, Stmt.Expect s, Context ctx) {
        Value.Scalar sc = ctx.evaluator().scalar(got, s.query());
        if (!sc.isNumber()) {
            throw Failure.at(Code.NOT_CONSTANT, s.query().span(), "an expectation needs a number, but this depends on "
                    + String.join(", ", sc.expr().symbols()));
        }
        return sc.number();
    }
}
