package law.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.ast.Expr;
import law.ast.Ident;
import law.ast.Option;
import law.ast.Stmt;
import law.data.Table;
import law.dataset.Columns;
import law.dataset.Dataset;
import law.diag.Code;
import law.diag.Span;
import law.diag.Suggest;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Failure;
import law.eval.Scope;
import law.eval.Value;
import law.model.Law;

/**
 * A {@code plot} statement with its options read: the data, grouping, axes, size and title.
 *
 * @param stmt   the statement
 * @param ctx    where it runs
 * @param data   the dataset after {@code on}, or {@code null}
 * @param by     the grouping columns ({@code by}, else the dataset's {@code group by})
 * @param x      the x option (a variable or column name), or {@code null} for the kind's default
 * @param y      the y option (the column the laws predict), or {@code null}
 * @param title  the title option, or {@code null} for the kind's default
 * @param xLabel the x-axis title option, or {@code null}
 * @param yLabel the y-axis title option, or {@code null}
 * @param width  picture width in pixels (default 900; with {@code style = paper} in points, default 234 = 3.25 in)
 * @param height picture height (default 600; paper 180)
 * @param level  level of bands: the {@code level} option, default 0.95 (the level of {@code optimal}'s intervals)
 * @param style  {@code screen} (default) or {@code paper}
 * @param legend the legend option, or {@code null} for the style's default
 * @param interval the {@code interval} option: {@code confidence} or {@code prediction} bands around
 *               fitted laws' curves, or {@code null} for none
 * @param methods how the bands were computed, filled in as they are drawn (for {@code --json})
 */
record Request(Stmt.Plot stmt, Context ctx, Dataset data, List<String> by, String x, String y, String title,
               String xLabel, String yLabel, int width, int height, double level, Style style, Legend legend,
               String interval, java.util.Set<String> methods) {

    static final Set<String> OPTIONS = Set.of("title", "x", "y", "xlabel", "ylabel", "width", "height", "style",
            "legend", "interval", "level");

    static Request of(Stmt.Plot s, Context ctx) {
        Map<String, Option.Value> opts = new LinkedHashMap<>();
        for (Option o : s.options()) {
            if (!(o instanceof Option.Value v) || !OPTIONS.contains(o.key())) {
                throw Failure.at(Code.BAD_OPTION, o.span(), "'" + o.key() + "' is not an option of plot",
                        help(o.key()));
            }
            opts.put(o.key(), v);
        }
        Dataset data = s.data() == null ? null : dataset(s.data(), ctx);
        List<String> by = new ArrayList<>();
        for (Ident i : s.by()) {
            if (data == null) {
                throw Failure.at(Code.PLOT_INCOMPLETE, i.span(), "'by' groups data, but this plot has none",
                        "add 'on DATA' before 'by'");
            }
            column(data.table(), i.text(), i.span());
            by.add(i.text());
        }
        if (by.isEmpty() && data != null) {
            by.addAll(data.groupBy());
        }
        Style style = style(opts.get("style"));
        int width = (int) size(opts.get("width"), style.width(), ctx);
        int height = (int) size(opts.get("height"), style.height(), ctx);
        return new Request(s, ctx, data, by, name(opts.get("x")), name(opts.get("y")), text(opts.get("title"), ctx),
                text(opts.get("xlabel"), ctx), text(opts.get("ylabel"), ctx), width, height, level(opts.get("level"), ctx),
                style, legend(opts.get("legend")), interval(opts.get("interval")),
                new java.util.LinkedHashSet<>());
    }

    private static double level(Option.Value o, Context ctx) {
        if (o == null) {
            return 0.95;
        }
        double v = ctx.evaluator().number(o.value(), Scope.strict());
        if (!(v > 0 && v < 1)) {
            throw Failure.at(Code.BAD_OPTION, o.value().span(), "a level lies strictly between 0 and 1");
        }
        return v;
    }

    /** Option {@code interval = confidence | prediction}: bands around the curves of fitted laws. */
    private static String interval(Option.Value o) {
        if (o == null) {
            return null;
        }
        if (o.value() instanceof Expr.Name n && (n.text().equals("confidence") || n.text().equals("prediction"))) {
            return n.text();
        }
        throw Failure.at(Code.BAD_OPTION, o.value().span(), "'interval' is confidence or prediction",
                "interval = prediction draws where new observations fall: the law's uncertainty plus the fit's noise");
    }

    private static Legend legend(Option.Value o) {
        if (o == null) {
            return null;
        }
        Legend l = o.value() instanceof Expr.Name n ? Legend.named(n.text()) : null;
        if (l == null) {
            throw Failure.at(Code.BAD_OPTION, o.value().span(), "'legend' is right, below, inside or none",
                    "write legend = inside to put it in the plot's emptiest corner");
        }
        return l;
    }

    /**
     * Where the legend goes: the option, else the plot kind's {@code screen} default, moved below
     * the plot on paper when that default is to the right (a column has no room beside it).
     */
    Legend legendOr(Legend screen) {
        return legend != null ? legend : style == Style.PAPER && screen == Legend.RIGHT ? Legend.BELOW : screen;
    }

    private static Style style(Option.Value o) {
        if (o == null) {
            return Style.SCREEN;
        }
        Style st = o.value() instanceof Expr.Name n ? Style.named(n.text()) : null;
        if (st == null) {
            throw Failure.at(Code.BAD_OPTION, o.value().span(), "'style' is screen or paper",
                    "write style = paper for a figure in one column of a two-column paper");
        }
        return st;
    }

    private static String help(String key) {
        String dym = Suggest.didYouMean(key, OPTIONS);
        return dym != null ? dym : "the options are " + String.join(", ", new java.util.TreeSet<>(OPTIONS));
    }

    private static double size(Option.Value o, double dflt, Context ctx) {
        if (o == null) {
            return dflt;
        }
        double v = ctx.evaluator().number(o.value(), Scope.strict());
        if (!(v >= 100 && v <= 10000) || v != Math.rint(v)) {
            throw Failure.at(Code.BAD_OPTION, o.value().span(), "'" + o.key() + "' is a whole number of pixels "
                    + "(points with style = paper) from 100 to 10000, not " + law.report.Fmt.num(v));
        }
        return v;
    }

    private static String name(Option.Value o) {
        if (o == null) {
            return null;
        }
        if (o.value() instanceof Expr.Name n) {
            return n.text();
        }
        throw Failure.at(Code.BAD_OPTION, o.value().span(), "'" + o.key() + "' names a variable or column",
                "write e.g. " + o.key() + " = C");
    }

    private static String text(Option.Value o, Context ctx) {
        if (o == null) {
            return null;
        }
        Value v = ctx.evaluator().eval(o.value(), Scope.strict());
        if (v instanceof Value.Text t) {
            return t.text();
        }
        throw Failure.at(Code.BAD_OPTION, o.value().span(), "'" + o.key() + "' is a string, not a "
                + v.kindName(), "write " + o.key() + " = \"...\"");
    }

    /** The dataset a name refers to. */
    static Dataset dataset(Ident name, Context ctx) {
        Entry e = ctx.env().get(name.text());
        if (e == null) {
            List<String> sets = ctx.env().entries().stream().filter(x -> x.value() instanceof Dataset)
                    .map(Entry::name).toList();
            throw Failure.at(Code.UNKNOWN_DATA, name.span(), "unknown dataset '" + name.text() + "'",
                    Suggest.didYouMean(name.text(), sets));
        }
        Dataset d = Dataset.of(e.value());
        if (d == null) {
            throw Failure.at(Code.WRONG_KIND, name.span(), "'" + name.text() + "' is a " + e.value().kindName()
                    + ", not a dataset");
        }
        return d;
    }

    /** A numeric column of a table, or a located error. */
    static double[] column(Table t, String name, Span at) {
        if (!t.hasColumn(name) || !(t.column(name) instanceof law.data.NumericColumn)) {
            String help = Suggest.didYouMean(name, t.columnNames());
            throw Failure.at(Code.DATA_MISSING_COLUMN, at, "no numeric column '" + name + "' in " + t.source(),
                    help != null ? help : "its columns are " + String.join(", ", t.columnNames()));
        }
        return t.numeric(name);
    }

    /** The data, or an error saying this kind of plot needs it. */
    Dataset needData(String kind) {
        if (data == null) {
            throw Failure.at(Code.PLOT_INCOMPLETE, stmt.span(), "a " + kind + " plot needs data",
                    "add 'on DATA' before the output arrow");
        }
        return data;
    }

    /** The column the laws predict: the {@code y} option, else {@code L} or {@code loss}. */
    String target() {
        Table t = needData("law").table();
        if (y != null) {
            column(t, y, optionSpan("y"));
            return y;
        }
        for (String c : List.of("L", "loss", "Loss")) {
            if (t.hasColumn(c) && t.column(c) instanceof law.data.NumericColumn) {
                return c;
            }
        }
        throw Failure.at(Code.PLOT_INCOMPLETE, stmt.span(), "which column of '" + data.name()
                + "' do the laws predict?", "name it in the options: { y = loss }");
    }

    /** Where an option is written (the statement when absent). */
    Span optionSpan(String key) {
        for (Option o : stmt.options()) {
            if (o.key().equals(key)) {
                return ((Option.Value) o).value().span();
            }
        }
        return stmt.span();
    }

    /** The values of the law's variables over the data's rows, or an error naming the missing column. */
    static double[] predict(Law law, Table t, Span at) {
        for (String v : law.vars()) {
            column(t, v, at);
        }
        return Columns.evaluate(Points.closed(law), t);
    }

    /** The title: the option, else {@code dflt} on screen and none on paper (a paper's caption says it). */
    String titleOr(String dflt) {
        return title != null ? title : style == Style.PAPER ? null : dflt;
    }

    /**
     * An axis title: the option when given, else the column name the user bound, with the file's
     * column name when it was renamed ({@code Training FLOP (C)}).
     */
    String label(String option, String column) {
        if (option != null) {
            return option;
        }
        return data != null && column != null ? data.label(column) : column;
    }

    /** An axis title for a plot without data: as {@link #label}, with the columns of the data {@code law} was fitted on. */
    String labelOfFit(Law law, String option, String column) {
        if (option != null || law.fitted() == null || law.fitted().dataName() == null) {
            return label(option, column);
        }
        Entry e = ctx.env().get(law.fitted().dataName());
        Dataset d = e == null ? null : Dataset.of(e.value());
        return d != null ? d.label(column) : label(option, column);
    }
}
