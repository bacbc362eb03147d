package law.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Binding;
import law.ast.Expr;
import law.ast.Query;
import law.ast.Stmt;
import law.diag.Code;
import law.eval.Cancelled;
import law.eval.Context;
import law.eval.Failure;
import law.eval.Render;
import law.eval.Result;
import law.eval.Scope;
import law.eval.Value;
import law.report.Fmt;

/**
 * {@code table VAR = RANGE, ...: QUERY, ... [-> "file.csv"]}: one row per value (per combination
 * when there are several variables, the first varying slowest). A query giving a record
 * contributes one column per field, an estimate with an interval three ({@code N},
 * {@code N.ci_low}, {@code N.ci_high}); a plain value one column headed by the query's text.
 */
final class Tables {
    private Tables() {
    }

    static void table(Stmt.Table s, Context ctx) {
        // the output is checked before any row is computed: a bad path fails at once, not after the sweep
        Path file = s.output() == null ? null : law.export.Outputs.resolve(s.output(), s.outputSpan(), ctx);
        List<String> names = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (Binding b : s.vars()) {
            Value v = ctx.evaluator().eval(b.value(), Scope.strict());
            List<Double> xs = new ArrayList<>();
            if (v instanceof Value.Items items) {
                for (law.expr.Expr e : items.items()) {
                    xs.add(e.evaluate(Map.of()));
                }
            } else {
                xs.add(ctx.evaluator().number(b.value(), Scope.strict()));
            }
            if (xs.isEmpty()) {
                throw Failure.at(Code.BAD_RANGE, b.value().span(), "this range is empty");
            }
            names.add(b.name().text());
            values.add(xs);
        }
        long product = 1;
        for (List<Double> xs : values) {
            product = product > Long.MAX_VALUE / xs.size() ? Long.MAX_VALUE : product * xs.size();
        }
        law.eval.Limits.check(product, ctx.options().limits().maxItems(), "the number of rows of this table",
                "--max-items", s.vars().get(0).span().to(s.vars().get(s.vars().size() - 1).span()));
        int count = (int) product;
        List<String> header = new ArrayList<>(names);
        List<Map<String, Double>> rows = new ArrayList<>();
        try (law.eval.Progress.Task task = ctx.progress().start("table: rows", count)) {
            for (int r = 0; r < count; r++) {
                Cancelled.check();
                rows.add(row(s, r, names, values, header, ctx));
                task.step();
            }
        }
        ctx.emit(new Result(s.span(), "table", text(header, rows), json(header, rows)));
        if (file != null) {
            write(file, s, header, rows, ctx);
        }
    }

    /** Row {@code r}: the variables' values (the last varying fastest), then every query's cells. */
    private static Map<String, Double> row(Stmt.Table s, int r, List<String> names, List<List<Double>> values,
                                           List<String> header, Context ctx) {
        Map<String, Double> row = new LinkedHashMap<>();
        Scope scope = Scope.strict();
        int rest = r;
        for (int k = names.size() - 1; k >= 0; k--) {
            List<Double> xs = values.get(k);
            double x = xs.get(rest % xs.size());
            rest /= xs.size();
            scope.bind(names.get(k), Value.Scalar.of(x));
        }
        for (String n : names) {
            row.put(n, ctx.evaluator().scalar(scope.local(n), s).number());
        }
        for (Query q : s.columns()) {
            Value v = ctx.evaluator().eval(new Expr.QueryRef(q, q.span()), scope);
            cells(q, v, row, ctx);
        }
        row.keySet().stream().filter(k -> !header.contains(k)).forEach(header::add);
        return row;
    }

    private static void cells(Query q, Value v, Map<String, Double> row, Context ctx) {
        if (v instanceof Value.Rec r) {
            r.fields().forEach((k, x) -> {
                if (x instanceof Value.Rec est && est.primary() != null) {
                    est.fields().forEach((ek, ex) -> row.put(ek.equals(est.primary()) ? k : k + "." + ek, number(ex, q, ctx)));
                } else {
                    row.put(k, number(x, q, ctx));
                }
            });
        } else {
            row.put(q.span().text(), number(v, q, ctx));
        }
    }

    private static double number(Value v, Query q, Context ctx) {
        Value.Scalar s = ctx.evaluator().scalar(v, q);
        if (!s.isNumber()) {
            throw Failure.at(Code.NOT_CONSTANT, q.span(), "a table cell must be a number, but this depends on "
                    + String.join(", ", s.expr().symbols()));
        }
        return s.number();
    }

    private static String text(List<String> header, List<Map<String, Double>> rows) {
        List<String[]> cells = new ArrayList<>();
        for (Map<String, Double> row : rows) {
            String[] line = new String[header.size()];
            for (int c = 0; c < header.size(); c++) {
                Double v = row.get(header.get(c));
                line[c] = v == null ? "" : Fmt.short4(v);
            }
            cells.add(line);
        }
        return align(header, cells);
    }

    /** Right-aligned columns under a header. */
    static String align(List<String> header, List<String[]> cells) {
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            for (String[] line : cells) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        appendLine(b, header.toArray(new String[0]), width);
        for (String[] line : cells) {
            b.append('\n');
            appendLine(b, line, width);
        }
        return b.toString();
    }

    private static void appendLine(StringBuilder b, String[] line, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < line.length; c++) {
            l.append(c == 0 ? "" : "  ").append(" ".repeat(width[c] - line[c].length())).append(line[c]);
        }
        b.append(l.toString().stripTrailing());
    }

    private static ObjectNode json(List<String> header, List<Map<String, Double>> rows) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode cols = o.putArray("columns");
        header.forEach(cols::add);
        ArrayNode rs = o.putArray("rows");
        for (Map<String, Double> row : rows) {
            ObjectNode r = rs.addObject();
            for (String h : header) {
                Double v = row.get(h);
                r.set(h, v == null ? JsonNodeFactory.instance.nullNode() : Render.number(v));
            }
        }
        return o;
    }

    private static void write(Path file, Stmt.Table s, List<String> header, List<Map<String, Double>> rows,
                              Context ctx) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (Map<String, Double> row : rows) {
            List<String> line = new ArrayList<>();
            for (String h : header) {
                Double v = row.get(h);
                line.add(v == null ? "" : Double.toString(v));
            }
            lines.add(line);
        }
        law.eval.Pending.stopIfChecking(ctx);
        law.export.Outputs.write(file, s.outputSpan(), out -> new CsvMapper().writeValue(out, lines));
    }
}
