package law.syntax;

import java.util.ArrayList;
import java.util.List;
import law.ast.Binding;
import law.ast.Cond;
import law.ast.Expr;
import law.ast.Query;
import law.ast.DataClause;
import law.ast.DataSource;
import law.ast.Ident;
import law.ast.LawItem;
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Diagnostics;
import law.diag.Span;
import law.grammar.LawBaseVisitor;
import law.grammar.LawParser.*;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds statements from parse trees, one visit method per statement rule; expressions come from {@link AstBuilder}. */
final class StatementBuilder extends LawBaseVisitor<Stmt> {
    private final AstBuilder ast;
    private final Diagnostics diagnostics;

    StatementBuilder(AstBuilder ast, Diagnostics diagnostics) {
        this.ast = ast;
        this.diagnostics = diagnostics;
    }


    @Override
    public Stmt visitLawForm(LawFormContext ctx) {
        List<LawItem> items = new ArrayList<>();
        if (ctx.lawBlock() != null) {
            ctx.lawBlock().lawItem().forEach(i -> items.add(lawItem(i)));
        }
        Cond.Relation where = ctx.relation() == null ? null : ast.relation(ctx.relation());
        return new Stmt.LawForm(ast.ident(ctx.name()), ast.idents(ctx.nameList()), ast.expr(ctx.expr()), where, items,
                ast.doc(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitLawWith(LawWithContext ctx) {
        List<LawItem> items = new ArrayList<>();
        ctx.lawBlock().lawItem().forEach(i -> items.add(lawItem(i)));
        return new Stmt.LawWith(ast.ident(ctx.name(0)), ast.ident(ctx.name(1)), items, ast.doc(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitLetDecl(LetDeclContext ctx) {
        return new Stmt.Let(ast.ident(ctx.name()), ast.expr(ctx.expr()), ast.doc(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitConstraintDecl(ConstraintDeclContext ctx) {
        Ident name = ctx.name() == null ? null : ast.ident(ctx.name());
        return new Stmt.Constraint(name, ast.relation(ctx.relation()), ast.doc(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitDataDecl(DataDeclContext ctx) {
        List<DataClause> clauses = new ArrayList<>();
        DataSource source;
        if (ctx.dataSource() instanceof TableSourceContext t) {
            TableBlockContext block = t.tableBlock();
            List<List<DataSource.Cell>> rows = new ArrayList<>();
            for (TableRowContext row : block.tableRow()) {
                rows.add(row.cell().stream().map(this::cell).toList());
            }
            source = new DataSource.Table(rows, ast.span(t));
            block.dataClause().forEach(c -> clauses.add(dataClause(c)));
        } else {
            CallSourceContext c = (CallSourceContext) ctx.dataSource();
            source = new DataSource.Call(ast.ident(c.name()), ast.args(c.argList()), ast.span(c));
        }
        if (ctx.dataBlock() != null) {
            ctx.dataBlock().dataClause().forEach(c -> clauses.add(dataClause(c)));
        }
        return new Stmt.Data(ast.ident(ctx.name()), source, clauses, ast.doc(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitFitDecl(FitDeclContext ctx) {
        return new Stmt.Fit(ast.ident(ctx.name(0)), ast.expr(ctx.expr(0)), ast.expr(ctx.expr(1)), ast.ident(ctx.name(1)),
                ast.idents(ctx.nameList()), ast.options(ctx.optionsBlock()), ast.doc(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitIsoflopDecl(IsoflopDeclContext ctx) {
        return new Stmt.Isoflop(ast.ident(ctx.name(0)), ast.expr(ctx.expr(0)), ast.expr(ctx.expr(1)), ast.ident(ctx.name(1)),
                ast.idents(ctx.nameList()), ast.options(ctx.optionsBlock()), ast.doc(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitUseDecl(UseDeclContext ctx) {
        if (ctx.STRING() != null) {
            return new Stmt.Use(ast.string(ctx.STRING().getSymbol()), true, ast.span(ctx));
        }
        return new Stmt.Use(ast.ident(ctx.name()).text(), false, ast.span(ctx));
    }

    @Override
    public Stmt visitPrintStmt(PrintStmtContext ctx) {
        return new Stmt.Print(ctx.query().stream().map(ast::query).toList(), ast.span(ctx));
    }

    @Override
    public Stmt visitMinimizeStmt(MinimizeStmtContext ctx) {
        return new Stmt.Ask(ast.minimize(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitOptimalStmt(OptimalStmtContext ctx) {
        return new Stmt.Ask(ast.optimal(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitSolveStmt(SolveStmtContext ctx) {
        return new Stmt.Ask(ast.solve(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitPredictAt(PredictAtContext ctx) {
        return new Stmt.Ask(ast.predict(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitPredictExpr(PredictExprContext ctx) {
        return new Stmt.Ask(ast.predict(ctx), ast.span(ctx));
    }

    @Override
    public Stmt visitExprStmt(ExprStmtContext ctx) {
        return new Stmt.Ask(new Query.Value(ast.expr(ctx.expr()), ast.span(ctx)), ast.span(ctx));
    }

    @Override
    public Stmt visitTableStmt(TableStmtContext ctx) {
        List<Binding> vars = new ArrayList<>();
        for (TableVarContext v : ctx.tableVar()) {
            vars.add(new Binding(ast.ident(v.name()), ast.expr(v.expr()), ast.span(v)));
        }
        String out = ctx.STRING() == null ? null : ast.string(ctx.STRING().getSymbol());
        Span outSpan = ctx.STRING() == null ? null : ast.span(ctx.STRING());
        return new Stmt.Table(vars, ctx.query().stream().map(ast::query).toList(), out, outSpan,
                ast.span(ctx));
    }

    @Override
    public Stmt visitCompareStmt(CompareStmtContext ctx) {
        return ast.compare(ctx);
    }

    @Override
    public Stmt visitRolloutStmt(RolloutStmtContext ctx) {
        return ast.rollout(ctx);
    }

    @Override
    public Stmt visitExpectStmt(ExpectStmtContext ctx) {
        Expr tol = ctx.PLUSMINUS() != null ? ast.expr(ctx.expr(1)) : null;
        return new Stmt.Expect(ast.query(ctx.query()), AstBuilder.relOp(ctx.relOp()), ast.expr(ctx.expr(0)), tol,
                ctx.PERCENT() != null, ast.span(ctx));
    }

    @Override
    public Stmt visitPlotStmt(PlotStmtContext ctx) {
        Ident on = ctx.name() == null ? null : ast.ident(ctx.name());
        return new Stmt.Plot(ctx.expr().stream().map(ast::expr).toList(), on, ast.idents(ctx.nameList()),
                ast.options(ctx.optionsBlock()), ast.string(ctx.STRING().getSymbol()), ast.span(ctx.STRING()), ast.span(ctx));
    }

    @Override
    public Stmt visitExportStmt(ExportStmtContext ctx) {
        return new Stmt.Export(ast.expr(ctx.expr()), ast.string(ctx.STRING().getSymbol()), ast.span(ctx.STRING()),
                ast.span(ctx));
    }

    private LawItem lawItem(LawItemContext ctx) {
        Span sp = ast.span(ctx);
        if (ctx instanceof BoundItemContext c) {
            Token op = ((TerminalNode) c.getChild(1)).getSymbol();
            return new LawItem.Bound(ast.ident(c.name()), AstBuilder.relOp(op), ast.expr(c.expr()), sp);
        } else if (ctx instanceof IntervalItemContext c) {
            return new LawItem.In(ast.ident(c.name()), ast.interval(c.interval()), sp);
        } else if (ctx instanceof AssignItemContext c) {
            return new LawItem.Assign(ast.ident(c.name()), ast.expr(c.expr()), sp);
        } else if (ctx instanceof LocalLetItemContext c) {
            return new LawItem.LocalLet(ast.ident(c.name()), ast.expr(c.expr()), sp);
        } else if (ctx instanceof DeclareItemContext c) {
            return new LawItem.Declare(ast.ident(c.name()), sp);
        } else if (ctx instanceof CiteItemContext c) {
            return new LawItem.Cite(ast.string(c.STRING().getSymbol()), sp);
        }
        DescribeItemContext c = (DescribeItemContext) ctx;
        return new LawItem.Describe(ast.ident(c.name()), ast.string(c.STRING().getSymbol()), sp);
    }

    private DataSource.Cell cell(CellContext ctx) {
        if (ctx.NUMBER() != null) {
            double v = ast.number(ctx.NUMBER().getSymbol());
            return new DataSource.Cell(ctx.MINUS() != null ? -v : v, null, ast.span(ctx));
        } else if (ctx.STRING() != null) {
            return new DataSource.Cell(Double.NaN, ast.string(ctx.STRING().getSymbol()), ast.span(ctx));
        }
        return new DataSource.Cell(Double.NaN, ast.ident(ctx.name()).text(), ast.span(ctx));
    }

    private DataClause dataClause(DataClauseContext ctx) {
        Span sp = ast.span(ctx);
        if (ctx instanceof ColumnClauseContext c) {
            return new DataClause.Column(ast.ident(c.name()), ast.expr(c.expr()), sp);
        } else if (ctx instanceof WhereClauseContext c) {
            return new DataClause.Where(ast.condition(c.condition()), sp);
        } else if (ctx instanceof DropClauseContext c) {
            double k = ast.number(c.NUMBER().getSymbol());
            if (k != Math.rint(k) || k < 0 || k > Integer.MAX_VALUE) {
                diagnostics.error(Code.BAD_NUMBER, ast.span(c.NUMBER()), "drop needs a whole number of rows, not "
                        + c.NUMBER().getText());
            }
            return new DataClause.Drop((int) k, c.LARGEST() != null, ast.ident(c.name()), sp);
        } else if (ctx instanceof DedupClauseContext) {
            return new DataClause.Dedup(sp);
        } else if (ctx instanceof GroupClauseContext c) {
            return new DataClause.GroupBy(ast.idents(c.nameList()), sp);
        }
        NanClauseContext c = (NanClauseContext) ctx;
        Ident policy = c.name() != null ? ast.ident(c.name()) : new Ident("drop", ast.span(c.DROP()));
        return new DataClause.NanPolicy(policy, sp);
    }
}
