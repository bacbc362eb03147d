package law.eval;

import law.ast.Stmt;
import law.diag.Code;
import law.diag.Span;
import law.model.Constraint;
import law.model.Law;

/** The handlers of {@code law}, {@code let} and {@code constraint}. */
public final class Declarations {
    private Declarations() {
    }

    /** Registers the handlers. */
    public static void install(Interpreter interp) {
        interp.on(Stmt.LawForm.class, Declarations::lawForm);
        interp.on(Stmt.LawWith.class, Declarations::lawWith);
        interp.on(Stmt.Let.class, Declarations::let);
        interp.on(Stmt.Constraint.class, Declarations::constraint);
    }

    private static void lawForm(Stmt.LawForm s, Context ctx) {
        checkFree(s.name(), ctx);
        Law law = new LawBuilder(ctx).form(s);
        ctx.env().define(new Entry(law.name(), Entry.Kind.LAW, new Value.LawRef(law), s.span(), law.doc()));
    }

    private static void lawWith(Stmt.LawWith s, Context ctx) {
        checkFree(s.name(), ctx);
        Law base = lawNamed(s.base(), ctx);
        Law law = new LawBuilder(ctx).with(s, base);
        ctx.env().define(new Entry(law.name(), Entry.Kind.LAW, new Value.LawRef(law), s.span(), law.doc()));
    }

    private static void let(Stmt.Let s, Context ctx) {
        checkFree(s.name(), ctx);
        Value v = ctx.evaluator().eval(s.value(), Scope.strict());
        if (v instanceof Value.Scalar sc && !sc.isNumber()) {
            throw Failure.at(Code.NOT_CONSTANT, s.value().span(), "a let must be a constant, but this depends on "
                    + String.join(", ", sc.expr().symbols()));
        }
        NonFinite.warn(v, s.value(), ctx);
        ctx.env().define(new Entry(s.name().text(), Entry.Kind.LET, v, s.span(), s.doc()));
    }

    private static void constraint(Stmt.Constraint s, Context ctx) {
        Scope scope = Scope.symbolic();
        law.expr.Expr left = ctx.evaluator().scalar(s.relation().left(), scope).expr();
        law.expr.Expr right = ctx.evaluator().scalar(s.relation().right(), scope).expr();
        if (s.relation().op() != law.ast.RelOp.EQ) {
            throw Failure.at(Code.NOT_SUPPORTED, s.relation().span(),
                    "a declared constraint is an equation (=); use 'subject to' for inequalities");
        }
        if (scope.free().isEmpty()) {
            throw Failure.at(Code.NOT_CONSTANT, s.relation().span(), "this constraint mentions no variables");
        }
        String name = s.name() == null ? null : s.name().text();
        ctx.env().constrain(new Constraint(name, left, right, s.relation().span().text()));
        if (name != null) {
            ctx.env().define(new Entry(name, Entry.Kind.CONSTRAINT, new ConstraintValue(s.relation().span().text()),
                    s.span(), s.doc()));
        }
    }

    /** The law a name refers to, or a located error. */
    public static Law lawNamed(law.ast.Ident name, Context ctx) {
        Entry e = ctx.env().get(name.text());
        if (e == null) {
            if (ctx.env().isPoisoned(name.text())) {
                throw Failure.at(Code.UNKNOWN_LAW, name.span(), "'" + name.text()
                        + "' is not defined because its definition failed");
            }
            java.util.List<String> laws = ctx.env().entries().stream()
                    .filter(x -> x.value() instanceof Value.LawRef).map(Entry::name).toList();
            throw Failure.at(Code.UNKNOWN_LAW, name.span(), "unknown law '" + name.text() + "'",
                    law.diag.Suggest.didYouMean(name.text(), laws));
        }
        if (!(e.value() instanceof Value.LawRef l)) {
            throw Failure.at(Code.WRONG_KIND, name.span(), "'" + name.text() + "' is a " + e.value().kindName()
                    + ", not a law");
        }
        return l.law();
    }

    /**
     * In a file, a name may be defined once; in the REPL, or when a module is loaded again, a new
     * definition replaces the old one.
     */
    public static void checkFree(law.ast.Ident name, Context ctx) {
        String n = name.text();
        if (law.expr.Builtin.byName(n).isPresent() || n.equals("pi") || n.equals("inf") || n.equals("diff")) {
            throw Failure.at(Code.DUPLICATE, name.span(), "'" + n + "' is a builtin, so it cannot be redefined",
                    "choose another name");
        }
        Span pending = ctx.env().pendingAt(n);
        Entry old = pending == null ? ctx.env().get(n) : null;
        if ((old == null && pending == null) || ctx.options().allowRedefinition()) {
            return;
        }
        Span at = pending != null ? pending : old.span();
        // Piped input arrives one source per entry, all named <stdin>: one file to the reader.
        boolean here = at != null && (at.source() == name.span().source()
                || at.source().name().equals(name.span().source().name()));
        String where = at == null ? "" : here ? " on line " + at.line()
                : " in " + at.source().name() + " (line " + at.line() + ")";
        throw Failure.at(Code.DUPLICATE, name.span(), "'" + n + "' is already defined" + where,
                at != null && !here ? "a module loaded with 'use' defines it; choose another name" : "choose another name");
    }
}
