package law.ast;

import java.util.List;
import law.diag.Span;

/** Statements of a program. Declarations carry the {@code ##} documentation written above them. */
public sealed interface Stmt extends Node {

    /** The name this statement defines ({@code law}, {@code let}, {@code data}, {@code fit}, ...), or {@code null}. */
    default String definedName() {
        if (this instanceof LawForm l) {
            return l.name().text();
        } else if (this instanceof LawWith l) {
            return l.name().text();
        } else if (this instanceof Let l) {
            return l.name().text();
        } else if (this instanceof Data d) {
            return d.name().text();
        } else if (this instanceof Fit f) {
            return f.name().text();
        } else if (this instanceof Isoflop i) {
            return i.name().text();
        } else if (this instanceof Constraint c && c.name() != null) {
            return c.name().text();
        }
        return null;
    }

    /**
     * {@code law NAME(VARS) = EXPR { ITEMS }}, or the implicit {@code law NAME(VARS) = U where LHS = RHS
     * { U in (LO, HI), ... }} ({@code where} is then the equation, else null).
     */
    record LawForm(Ident name, List<Ident> vars, Expr body, Cond.Relation where, List<LawItem> items, String doc,
                   Span span) implements Stmt {
        public LawForm {
            vars = List.copyOf(vars);
            items = List.copyOf(items);
        }

        /** An explicit law. */
        public LawForm(Ident name, List<Ident> vars, Expr body, List<LawItem> items, String doc, Span span) {
            this(name, vars, body, null, items, doc, span);
        }
    }

    /** {@code law NAME = BASE with { p = v, ..., cite "..." }}: binds, ties or narrows parameters. */
    record LawWith(Ident name, Ident base, List<LawItem> items, String doc, Span span) implements Stmt {
        public LawWith {
            items = List.copyOf(items);
        }
    }

    /** {@code let NAME = EXPR}. */
    record Let(Ident name, Expr value, String doc, Span span) implements Stmt {
    }

    /** {@code constraint [NAME:] REL}. */
    record Constraint(Ident name, Cond.Relation relation, String doc, Span span) implements Stmt {
    }

    /** {@code data NAME = SOURCE { CLAUSES }}. */
    record Data(Ident name, DataSource source, List<DataClause> clauses, String doc, Span span) implements Stmt {
        public Data {
            clauses = List.copyOf(clauses);
        }
    }

    /** {@code fit NAME = MODEL ~ TARGET in DATA [by COLS] { OPTIONS }}. */
    record Fit(Ident name, Expr model, Expr target, Ident data, List<Ident> groupBy, List<Option> options,
               String doc, Span span) implements Stmt {
        public Fit {
            groupBy = List.copyOf(groupBy);
            options = List.copyOf(options);
        }
    }

    /** {@code isoflop NAME = LOSS ~ SIZE in DATA by COMPUTE { OPTIONS }}. */
    record Isoflop(Ident name, Expr loss, Expr size, Ident data, List<Ident> by, List<Option> options,
                   String doc, Span span) implements Stmt {
        public Isoflop {
            by = List.copyOf(by);
            options = List.copyOf(options);
        }
    }

    /** {@code use chinchilla} ({@code path == false}) or {@code use "other.law"}. */
    record Use(String target, boolean path, Span span) implements Stmt {
    }

    /** {@code print Q, ...}. */
    record Print(List<Query> queries, Span span) implements Stmt {
        public Print {
            queries = List.copyOf(queries);
        }
    }

    /** A query on its own line: evaluated and printed. */
    record Ask(Query query, Span span) implements Stmt {
    }

    /** {@code table VAR = RANGE, ...: Q, ... [-> "file.csv"]}. */
    record Table(List<Binding> vars, List<Query> columns, String output, Span outputSpan, Span span)
            implements Stmt {
        public Table {
            vars = List.copyOf(vars);
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code compare LAW, LAW ... [~ TARGET] on DATA [by COLS] [where COND] [holdout COND] [{ OPTIONS }]}:
     * {@code where} keeps rows (as everywhere), {@code holdout} sets rows aside for out-of-sample
     * error; {@code by} makes it a contest per group. Also a query ({@link Query.Compare}) whose
     * value is the comparison.
     */
    record Compare(List<Expr> laws, Expr target, Ident data, List<Ident> groupBy, Cond where, Cond holdout,
                   List<Option> options, Span span) implements Stmt {
        public Compare {
            laws = List.copyOf(laws);
            groupBy = List.copyOf(groupBy);
            options = List.copyOf(options);
        }
    }

    /**
     * {@code rollout FIT by COL [{ OPTIONS }]}: refits FIT on every prefix of the rungs (the
     * distinct values of COL) and predicts the next. Also a query ({@link Query.Rollout}).
     */
    record Rollout(Ident fit, Ident by, List<Option> options, Span span) implements Stmt {
        public Rollout {
            options = List.copyOf(options);
        }
    }

    /** {@code expect Q op VALUE [+- TOL [%]]}. */
    record Expect(Query query, RelOp op, Expr value, Expr tolerance, boolean percent, Span span)
            implements Stmt {
    }

    /** {@code plot ITEMS [on DATA] [by COLS] { OPTIONS } -> "file.png"}. */
    record Plot(List<Expr> items, Ident data, List<Ident> by, List<Option> options, String output,
                Span outputSpan, Span span) implements Stmt {
        public Plot {
            items = List.copyOf(items);
            by = List.copyOf(by);
            options = List.copyOf(options);
        }
    }

    /** {@code export X -> "file.json|tex|csv"}. */
    record Export(Expr value, String output, Span outputSpan, Span span) implements Stmt {
    }
}
