package law.query;

import com.fasterxml.jackson.databind.JsonNode;
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
import law.report.Tabular;

/**
 * {@code table VAR = RANGE, ...: QUERY, ... [-> "file.csv"]}: one row per value (per combination
 * when there are several variables, the first varying slowest). A query giving a record
 * contributes one column per field, an estimate with an interval three ({@code N},
 * {@code N.ci_low}, {@code N.ci_high}), a prediction with {@code interval = prediction} three
 * ({@code Q}, {@code Q.pi_low}, {@code Q.pi_high}, a line under the table saying their level and
 * method); a plain value one column headed by the query's text.
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
        Map<String, ObjectNode> meta = new LinkedHashMap<>();
        try (law.eval.Progress.Task task = ctx.progress().start("table: rows", count)) {
            for (int r = 0; r < count; r++) {
                Cancelled.check();
                rows.add(row(s, r, names, values, header, meta, ctx));
                task.step();
            }
        }
        Tabular t = tabular(header, rows, meta);
        ctx.emit(new Result(s.span(), "table", t.text("") + notes(meta), t.json()));
        if (file != null) {
            write(file, s, header, rows, ctx);
        }
    }

    /** Row {@code r}: the variables' values (the last varying fastest), then every query's cells. */
    private static Map<String, Double> row(Stmt.Table s, int r, List<String> names, List<List<Double>> values,
                                           List<String> header, Map<String, ObjectNode> meta, Context ctx) {
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
            cells(q, v, row, meta, ctx);
        }
        row.keySet().stream().filter(k -> !header.contains(k)).forEach(header::add);
        return row;
    }

    private static void cells(Query q, Value v, Map<String, Double> row, Map<String, ObjectNode> meta, Context ctx) {
        if (v instanceof Value.Rec r && r.primary() != null && r.fields().containsKey("ci_low")) {
            estimate(q.span().text(), r, row, meta, q, ctx);
        } else if (v instanceof Value.Rec r && r.kind().equals("prediction") && r.fields().containsKey("pi_low")) {
            prediction(q.span().text(), r, row, meta, q, ctx);
        } else if (v instanceof Value.Rec r && r.kind().equals("prediction")) {
            row.put(q.span().text(), number(r.fields().get(r.primary()), q, ctx));
        } else if (v instanceof Value.Rec r) {
            r.fields().forEach((k, x) -> {
                if (x instanceof Value.Rec est && est.primary() != null) {
                    estimate(k, est, row, meta, q, ctx);
                } else if (!(x instanceof Value.Text)) {
                    row.put(k, number(x, q, ctx));
                }
            });
        } else {
            row.put(q.span().text(), number(v, q, ctx));
        }
    }

    /** An estimate's three columns, {@code k}, {@code k.ci_low}, {@code k.ci_high}, with the interval's method. */
    private static void estimate(String k, Value.Rec est, Map<String, Double> row, Map<String, ObjectNode> meta,
                                 Query q, Context ctx) {
        row.put(k, number(est.fields().get(est.primary()), q, ctx));
        if (!est.fields().containsKey("ci_low")) {
            return;
        }
        row.put(k + ".ci_low", number(est.fields().get("ci_low"), q, ctx));
        row.put(k + ".ci_high", number(est.fields().get("ci_high"), q, ctx));
        ObjectNode interval = JsonNodeFactory.instance.objectNode();
        interval.put("of", k);
        est.fields().forEach((f, x) -> {
            if (f.equals("level")) {
                interval.set(f, Render.json(x));
            } else if (f.equals("method") || f.equals("scale")) {
                interval.put(f, ((Value.Text) x).text());
            }
        });
        meta.put(k + ".ci_low", JsonNodeFactory.instance.objectNode().set("interval", interval.deepCopy().put("end", "low")));
        meta.put(k + ".ci_high", JsonNodeFactory.instance.objectNode().set("interval", interval.deepCopy().put("end", "high")));
    }

    /**
     * A prediction interval's three columns, {@code k}, {@code k.pi_low}, {@code k.pi_high}, with
     * the interval's level and method ({@code interval = prediction}).
     */
    private static void prediction(String k, Value.Rec r, Map<String, Double> row, Map<String, ObjectNode> meta,
                                   Query q, Context ctx) {
        row.put(k, number(r.fields().get("value"), q, ctx));
        row.put(k + ".pi_low", number(r.fields().get("pi_low"), q, ctx));
        row.put(k + ".pi_high", number(r.fields().get("pi_high"), q, ctx));
        String method = ((Value.Text) r.fields().get("method")).text();
        ObjectNode interval = JsonNodeFactory.instance.objectNode();
        interval.put("of", k);
        interval.put("kind", "prediction");
        interval.set("level", Render.json(r.fields().get("level")));
        interval.put("method", method.startsWith("bootstrap") ? "bootstrap" : "delta");
        interval.put("description", method);
        meta.put(k + ".pi_low", JsonNodeFactory.instance.objectNode().set("interval", interval.deepCopy().put("end", "low")));
        meta.put(k + ".pi_high", JsonNodeFactory.instance.objectNode().set("interval", interval.deepCopy().put("end", "high")));
    }

    private static double number(Value v, Query q, Context ctx) {
        Value.Scalar s = ctx.evaluator().scalar(v, q);
        if (!s.isNumber()) {
            throw Failure.at(Code.NOT_CONSTANT, q.span(), "a table cell must be a number, but this depends on "
                    + String.join(", ", s.expr().symbols()));
        }
        return s.number();
    }

    /** The rows as a table of number columns (4 significant digits), intervals described in the columns. */
    private static Tabular tabular(List<String> header, List<Map<String, Double>> rows, Map<String, ObjectNode> meta) {
        Tabular t = new Tabular();
        for (String h : header) {
            t.column(new Tabular.Column(h, Tabular.Type.NUMBER, 4, meta.get(h)));
        }
        for (Map<String, Double> row : rows) {
            t.row(header.stream().map(row::get).toList());
        }
        return t;
    }

    /** One line per distinct way the intervals were computed: {@code intervals: 95%, delta method on the log scale}. */
    private static String notes(Map<String, ObjectNode> meta) {
        java.util.Set<String> lines = new java.util.LinkedHashSet<>();
        for (ObjectNode m : meta.values()) {
            JsonNode iv = m.get("interval");
            if (iv.path("kind").asText().equals("prediction")) {
                lines.add("prediction intervals: " + law.report.Fmt.num(100 * iv.path("level").asDouble(), 4) + "%, "
                        + iv.path("description").asText());
                continue;
            }
            lines.add("intervals: " + law.report.Fmt.num(100 * iv.path("level").asDouble(), 4) + "%, "
                    + (iv.path("method").asText().equals("bootstrap") ? "bootstrap percentiles"
                    : "delta method" + (iv.path("scale").asText().equals("log") ? " on the log scale" : "")));
        }
        return lines.isEmpty() ? "" : "\n" + String.join("\n", lines);
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
