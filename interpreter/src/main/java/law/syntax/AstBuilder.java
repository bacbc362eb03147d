package law.syntax;

import java.util.ArrayList;
import java.util.List;
import law.ast.Arg;
import law.ast.Binding;
import law.ast.Cond;
import law.ast.DataClause;
import law.ast.DataSource;
import law.ast.Expr;
import law.ast.Ident;
import law.ast.Interval;
import law.ast.LawItem;
import law.ast.Option;
import law.ast.Query;
import law.ast.RelOp;
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.diag.Span;
import law.grammar.LawLexer;
import law.grammar.LawParser.*;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns ANTLR parse trees into the immutable AST. The only class that reads ANTLR contexts; it
 * runs only on trees without syntax errors.
 */
final class AstBuilder {
    private final SourceFile source;
    private final BufferedTokenStream tokens;
    private final Diagnostics diagnostics;

    AstBuilder(SourceFile source, BufferedTokenStream tokens, Diagnostics diagnostics) {
        this.source = source;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    List<Stmt> program(ProgramContext ctx) {
        List<Stmt> out = new ArrayList<>();
        for (StatementContext s : ctx.statement()) {
            out.add(new StatementBuilder(this, diagnostics).visit(s.getChild(0)));
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    Span span(ParserRuleContext ctx) {
        Token stop = ctx.getStop() != null ? ctx.getStop() : ctx.getStart();
        int end = stop.getType() == Token.EOF ? stop.getStartIndex() : stop.getStopIndex() + 1;
        return new Span(source, ctx.getStart().getStartIndex(), Math.max(ctx.getStart().getStartIndex(), end));
    }

    Span span(Token t) {
        return new Span(source, t.getStartIndex(), t.getStopIndex() + 1);
    }

    Span span(TerminalNode n) {
        return span(n.getSymbol());
    }

    Ident ident(NameContext ctx) {
        String text = ctx.getText();
        if (ctx.QUOTED_ID() != null) {
            text = text.substring(1, text.length() - 1);
        }
        return new Ident(text, span(ctx));
    }

    List<Ident> idents(NameListContext ctx) {
        List<Ident> out = new ArrayList<>();
        if (ctx != null) {
            ctx.name().forEach(n -> out.add(ident(n)));
        }
        return out;
    }

    String doc(ParserRuleContext ctx) {
        List<Token> hidden = tokens.getHiddenTokensToLeft(ctx.getStart().getTokenIndex(), 2);
        if (hidden == null || hidden.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Token t : hidden) {
            String line = t.getText().substring(2);
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            out.append(out.length() == 0 ? "" : "\n").append(line.stripTrailing());
        }
        return out.toString();
    }

    String string(Token t) {
        String raw = t.getText();
        return Literals.unescape(raw.substring(1, raw.length() - 1));
    }

    double number(Token t) {
        double v = Literals.number(t.getText());
        if (!Double.isFinite(v)) {
            String text = t.getText().length() > 40 ? t.getText().substring(0, 20) + "... (" + t.getText().length()
                    + " characters)" : t.getText();
            diagnostics.error(Code.BAD_NUMBER, span(t), "the number " + text + " is too large",
                    "the largest number is about 1.8e308");
        }
        return v;
    }

    static RelOp relOp(RelOpContext ctx) {
        return switch (ctx.getStart().getType()) {
            case LawLexer.ASSIGN, LawLexer.EQ -> RelOp.EQ;
            case LawLexer.NE -> RelOp.NE;
            case LawLexer.LT -> RelOp.LT;
            case LawLexer.LE -> RelOp.LE;
            case LawLexer.GT -> RelOp.GT;
            default -> RelOp.GE;
        };
    }

    static RelOp relOp(Token t) {
        return switch (t.getType()) {
            case LawLexer.LT -> RelOp.LT;
            case LawLexer.LE -> RelOp.LE;
            case LawLexer.GT -> RelOp.GT;
            default -> RelOp.GE;
        };
    }

    // ------------------------------------------------------------------ expressions

    Expr expr(ExprContext ctx) {
        Span sp = span(ctx);
        if (ctx instanceof NumberExprContext c) {
            return new Expr.Num(number(c.NUMBER().getSymbol()), c.getText(), sp);
        } else if (ctx instanceof StringExprContext c) {
            return new Expr.Str(string(c.STRING().getSymbol()), sp);
        } else if (ctx instanceof NameExprContext c) {
            return new Expr.Name(ident(c.name()), sp);
        } else if (ctx instanceof UnaryExprContext c) {
            Expr.Op op = c.MINUS() != null ? Expr.Op.NEG : Expr.Op.PLUS;
            return new Expr.Unary(op, expr(c.expr()), sp);
        } else if (ctx instanceof PowExprContext c) {
            return new Expr.Binary(Expr.Op.POW, expr(c.expr(0)), expr(c.expr(1)), sp);
        } else if (ctx instanceof MulExprContext c) {
            Expr.Op op = c.STAR() != null ? Expr.Op.MUL : Expr.Op.DIV;
            return new Expr.Binary(op, expr(c.expr(0)), expr(c.expr(1)), sp);
        } else if (ctx instanceof AddExprContext c) {
            Expr.Op op = c.PLUS() != null ? Expr.Op.ADD : Expr.Op.SUB;
            return new Expr.Binary(op, expr(c.expr(0)), expr(c.expr(1)), sp);
        } else if (ctx instanceof MemberExprContext c) {
            return new Expr.Member(expr(c.expr()), ident(c.name()), sp);
        } else if (ctx instanceof RangeExprContext c) {
            Expr.RangeKind kind = c.BY() != null ? Expr.RangeKind.STEP
                    : c.LOG() != null ? Expr.RangeKind.LOG_COUNT : Expr.RangeKind.UNIT;
            Expr step = c.expr().size() > 2 ? expr(c.expr(2)) : null;
            return new Expr.Range(expr(c.expr(0)), expr(c.expr(1)), kind, step, sp);
        } else if (ctx instanceof CallExprContext c) {
            return new Expr.Call(ident(c.name()), args(c.argList()), sp);
        } else if (ctx instanceof ParenExprContext c) {
            Query q = query(c.query());
            return q instanceof Query.Value v ? v.expr() : new Expr.QueryRef(q, sp);
        } else if (ctx instanceof ListExprContext c) {
            return new Expr.ListLit(c.expr().stream().map(this::expr).toList(), sp);
        } else if (ctx instanceof RecordExprContext c) {
            return new Expr.RecordLit(fields(c.binding()), sp);
        }
        throw new IllegalStateException("unhandled expression " + ctx.getClass().getSimpleName());
    }

    List<Arg> args(ArgListContext ctx) {
        List<Arg> out = new ArrayList<>();
        if (ctx != null) {
            for (ArgContext a : ctx.arg()) {
                out.add(new Arg(a.name() == null ? null : ident(a.name()), expr(a.expr()), span(a)));
            }
        }
        return out;
    }

    /** A record's fields; a field named twice is an error (the second would replace the first). */
    private List<Binding> fields(List<BindingContext> ctx) {
        List<Binding> out = new ArrayList<>();
        java.util.Map<String, Span> seen = new java.util.HashMap<>();
        for (BindingContext b : ctx) {
            Binding f = binding(b);
            Span first = seen.putIfAbsent(f.name().text(), f.name().span());
            if (first != null) {
                diagnostics.error(Code.DUPLICATE, f.name().span(), "'" + f.name().text() + "' is named twice in this "
                        + "record (first at " + first.line() + ":" + first.column() + ")", "keep one of them");
            }
            out.add(f);
        }
        return out;
    }

    Binding binding(BindingContext ctx) {
        return new Binding(ident(ctx.name()), expr(ctx.expr()), span(ctx));
    }

    Cond.Relation relation(RelationContext ctx) {
        return new Cond.Relation(expr(ctx.expr(0)), relOp(ctx.relOp()), expr(ctx.expr(1)), span(ctx));
    }

    Cond condition(ConditionContext ctx) {
        Span sp = span(ctx);
        if (ctx instanceof NotCondContext c) {
            return new Cond.Not(condition(c.condition()), sp);
        } else if (ctx instanceof AndCondContext c) {
            return new Cond.And(condition(c.condition(0)), condition(c.condition(1)), sp);
        } else if (ctx instanceof OrCondContext c) {
            return new Cond.Or(condition(c.condition(0)), condition(c.condition(1)), sp);
        } else if (ctx instanceof ParenCondContext c) {
            return condition(c.condition());
        }
        RelCondContext c = (RelCondContext) ctx;
        return new Cond.Relation(expr(c.expr(0)), relOp(c.relOp()), expr(c.expr(1)), sp);
    }

    Interval interval(IntervalContext ctx) {
        boolean loClosed = ctx.LBRACK() != null;
        boolean hiClosed = ctx.RBRACK() != null;
        return new Interval(expr(ctx.expr(0)), loClosed, expr(ctx.expr(1)), hiClosed, span(ctx));
    }

    Query query(QueryContext ctx) {
        if (ctx.minimizeStmt() != null) {
            return minimize(ctx.minimizeStmt());
        } else if (ctx.optimalStmt() != null) {
            return optimal(ctx.optimalStmt());
        } else if (ctx.solveStmt() != null) {
            return solve(ctx.solveStmt());
        } else if (ctx.predictStmt() != null) {
            return predict(ctx.predictStmt());
        } else if (ctx.compareStmt() != null) {
            return new Query.Compare(compare(ctx.compareStmt()), span(ctx));
        } else if (ctx.rolloutStmt() != null) {
            return new Query.Rollout(rollout(ctx.rolloutStmt()), span(ctx));
        }
        return new Query.Value(expr(ctx.expr()), span(ctx));
    }

    Stmt.Compare compare(CompareStmtContext ctx) {
        List<ExprContext> es = ctx.expr();
        int laws = ctx.TILDE() != null ? es.size() - 1 : es.size();
        Expr target = ctx.TILDE() != null ? expr(es.get(es.size() - 1)) : null;
        Cond where = ctx.WHERE() == null ? null : condition(ctx.condition(0));
        Cond holdout = ctx.HOLDOUT() == null ? null : condition(ctx.condition(ctx.WHERE() == null ? 0 : 1));
        List<Ident> by = ctx.nameList() == null ? List.of() : idents(ctx.nameList());
        return new Stmt.Compare(es.subList(0, laws).stream().map(this::expr).toList(), target, ident(ctx.name()), by,
                where, holdout, options(ctx.optionsBlock()), span(ctx));
    }

    Stmt.Rollout rollout(RolloutStmtContext ctx) {
        return new Stmt.Rollout(ident(ctx.name(0)), ident(ctx.name(1)), options(ctx.optionsBlock()), span(ctx));
    }

    private List<Cond.Relation> subjectTo(SubjectToContext ctx) {
        return ctx == null ? List.of() : ctx.relation().stream().map(this::relation).toList();
    }

    Query.Minimize minimize(MinimizeStmtContext ctx) {
        List<Query.VarSpec> over = new ArrayList<>();
        for (VarSpecContext v : ctx.varSpec()) {
            over.add(new Query.VarSpec(ident(v.name()), v.interval() == null ? null : interval(v.interval()), span(v)));
        }
        return new Query.Minimize(ctx.MAXIMIZE() != null, expr(ctx.expr()), over, subjectTo(ctx.subjectTo()), span(ctx));
    }

    Query.Optimal optimal(OptimalStmtContext ctx) {
        List<Query.At> at = new ArrayList<>();
        for (AtBindingContext a : ctx.atBinding()) {
            at.add(new Query.At(ident(a.name()), a.expr() == null ? null : expr(a.expr()), span(a)));
        }
        return new Query.Optimal(idents(ctx.nameList()), ident(ctx.name()), at, subjectTo(ctx.subjectTo()), span(ctx));
    }

    Query.Solve solve(SolveStmtContext ctx) {
        Interval in = ctx.interval() == null ? null : interval(ctx.interval());
        return new Query.Solve(relation(ctx.relation()), ident(ctx.name()), in, span(ctx));
    }

    Query.Predict predict(PredictStmtContext ctx) {
        if (ctx instanceof PredictAtContext c) {
            return new Query.Predict(ident(c.name()), c.binding().stream().map(this::binding).toList(), null,
                    options(c.optionsBlock()), span(ctx));
        }
        PredictExprContext c = (PredictExprContext) ctx;
        return new Query.Predict(null, List.of(), expr(c.expr()), options(c.optionsBlock()), span(ctx));
    }

    List<Option> options(OptionsBlockContext ctx) {
        List<Option> out = new ArrayList<>();
        java.util.Map<String, Span> seen = new java.util.HashMap<>();
        if (ctx != null) {
            for (OptionContext o : ctx.option()) {
                Option option;
                Span name;
                if (o instanceof ValueOptionContext v) {
                    Ident id = ident(v.name());
                    option = new Option.Value(id, expr(v.expr()), span(v));
                    name = id.span();
                } else {
                    WhereOptionContext w = (WhereOptionContext) o;
                    option = new Option.Where(condition(w.condition()), span(w));
                    name = span(w.getStart());
                }
                once(seen, option.key(), name);
                out.add(option);
            }
        }
        return out;
    }

    /** An option given twice in one block is an error: the second would silently replace the first. */
    private void once(java.util.Map<String, Span> seen, String key, Span at) {
        Span first = seen.putIfAbsent(key, at);
        if (first != null) {
            diagnostics.error(Code.BAD_OPTION, at, "'" + key + "' is given twice in this block (first at "
                    + first.line() + ":" + first.column() + ")", key.equals("where")
                    ? "join the conditions in one where with and" : "keep one of them");
        }
    }
}
