package law.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import law.ast.Arg;
import law.ast.DataClause;
import law.ast.DataSource;
import law.ast.Stmt;
import law.data.CsvReader;
import law.data.DataException;
import law.data.Extreme;
import law.data.InlineTable;
import law.data.JsonReader;
import law.data.NanPolicy;
import law.data.Table;
import law.diag.Code;
import law.diag.Span;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Failure;
import law.eval.Interpreter;

/**
 * The {@code data} statement: loads a CSV, JSON, inline or simulated table, then applies the
 * block's clauses in order (bindings, derived columns, {@code where}, {@code drop}, {@code dedup},
 * {@code group by}, {@code nan}). Data problems become diagnostics at the spec line that asked for
 * the data, with the data file, row and column in a note.
 */
public final class DataStatement {
    private DataStatement() {
    }

    /** Registers the handler, with a cache of the tables this interpreter reads from files. */
    public static void install(Interpreter interp) {
        TableCache tables = new TableCache();
        interp.on(Stmt.Data.class, (s, ctx) -> run(s, ctx, tables));
    }

    private static void run(Stmt.Data s, Context ctx, TableCache tables) {
        law.eval.Declarations.checkFree(s.name(), ctx);
        Span at = s.source().span();
        try {
            Table t = load(s, ctx, tables);
            NanPolicy nan = nanPolicy(s);
            t = t.nanPolicy(nan, usedColumns(s, t));
            List<String> groups = new ArrayList<>();
            java.util.Map<String, String> sources = new java.util.LinkedHashMap<>();
            for (DataClause c : s.clauses()) {
                at = c.span();
                if (c instanceof DataClause.Column col) {
                    String src = Columns.columnName(col.value(), t);
                    String name = col.name().text();
                    sources.remove(name);
                    if (src != null) {
                        sources.put(name, sources.getOrDefault(src, src));
                    }
                }
                t = Clauses.apply(c, t, ctx, groups);
            }
            ctx.env().define(new Entry(s.name().text(), Entry.Kind.DATA, new Dataset(s.name().text(), t, groups, null,
                    sources), s.span(), s.doc()));
        } catch (DataException e) {
            throw Failure.of(e, at);
        }
    }

    private static Table load(Stmt.Data s, Context ctx, TableCache tables) {
        if (s.source() instanceof DataSource.Table inline) {
            return inline(inline);
        }
        DataSource.Call call = (DataSource.Call) s.source();
        String kind = call.kind().text();
        switch (kind) {
            case "csv", "json" -> {
                Path path = path(s, call, ctx);
                String shown = ctx.source().baseDir().relativize(path.toAbsolutePath()).toString();
                if (shown.startsWith("..") || shown.isEmpty()) {
                    shown = path.toString();
                }
                try {
                    String name = shown;
                    return tables.read(kind, path, shown, () -> kind.equals("csv") ? CsvReader.read(path, name)
                            : JsonReader.read(path, name));
                } catch (DataException e) {
                    throw overridden(Failure.of(e, call.args().isEmpty() ? call.span() : call.args().get(0).span()),
                            s, ctx);
                }
            }
            case "simulate" -> {
                return Simulate.table(call, ctx);
            }
            default -> throw Failure.at(Code.BAD_OPTION, call.kind().span(), "unknown data source '" + kind + "'",
                    "use csv(PATH), json(PATH), table { ... } or simulate(LAW, VAR = VALUES, ...)");
        }
    }

    /** {@code f}, with a note naming the {@code --data} option when it gave the file instead of the spec. */
    private static Failure overridden(Failure f, Stmt.Data s, Context ctx) {
        Path override = ctx.options().dataOverrides().get(s.name().text());
        return override == null ? f : new Failure(f.diagnostic().withNote("the file was given on the command line: "
                + "--data " + s.name().text() + "=" + override + " (instead of the spec's path)"));
    }

    private static Path path(Stmt.Data s, DataSource.Call call, Context ctx) {
        Path override = ctx.options().dataOverrides().get(s.name().text());
        if (override != null) {
            return override.toAbsolutePath();
        }
        if (call.args().size() != 1 || call.args().get(0).named()
                || !(call.args().get(0).value() instanceof law.ast.Expr.Str str)) {
            throw Failure.at(Code.BAD_OPTION, call.span(), call.kind().text() + " takes one argument: the path",
                    "write " + call.kind().text() + "(\"runs." + call.kind().text() + "\")");
        }
        return law.eval.Sandbox.resolve(str.value(), call.args().get(0).value().span(), ctx);
    }

    private static Table inline(DataSource.Table t) {
        List<String> header = new ArrayList<>();
        for (DataSource.Cell c : t.rows().get(0)) {
            if (c.isNumber()) {
                throw Failure.at(Code.DATA_MALFORMED, c.span(), "the first row of a table is its header of column names");
            }
            header.add(c.text());
        }
        List<List<Object>> rows = new ArrayList<>();
        int[] lines = new int[t.rows().size() - 1];
        for (int i = 1; i < t.rows().size(); i++) {
            List<DataSource.Cell> row = t.rows().get(i);
            if (row.size() != header.size()) {
                throw Failure.at(Code.DATA_RAGGED, row.get(0).span().to(row.get(row.size() - 1).span()),
                        "this row has " + row.size() + " cells but the header has " + header.size());
            }
            List<Object> cells = new ArrayList<>();
            for (DataSource.Cell c : row) {
                cells.add(c.isNumber() ? (Object) c.number() : c.text());
            }
            rows.add(cells);
            lines[i - 1] = row.get(0).span().line();
        }
        if (rows.isEmpty()) {
            throw Failure.at(Code.DATA_EMPTY, t.span(), "this table has a header but no rows");
        }
        return InlineTable.of(InlineTable.SOURCE, header, rows, lines, law.data.RowNumbering.LINE);
    }

    private static NanPolicy nanPolicy(Stmt.Data s) {
        NanPolicy policy = NanPolicy.ERROR;
        for (DataClause c : s.clauses()) {
            if (c instanceof DataClause.NanPolicy p) {
                policy = switch (p.policy().text()) {
                    case "error" -> NanPolicy.ERROR;
                    case "drop" -> NanPolicy.DROP;
                    default -> throw Failure.at(Code.BAD_OPTION, p.policy().span(), "the nan policy is 'error' or 'drop'");
                };
            }
        }
        return policy;
    }

    /** Columns of the loaded table that the block reads: the NaN policy applies to them. */
    private static Set<String> usedColumns(Stmt.Data s, Table t) {
        Set<String> names = new LinkedHashSet<>();
        for (DataClause c : s.clauses()) {
            Names.collect(c, names);
        }
        names.retainAll(t.columnNames());
        return names;
    }

    /** The first positional argument of a call, or {@code null}. */
    static Arg positional(DataSource.Call call, int index) {
        int i = 0;
        for (Arg a : call.args()) {
            if (!a.named() && i++ == index) {
                return a;
            }
        }
        return null;
    }
}
