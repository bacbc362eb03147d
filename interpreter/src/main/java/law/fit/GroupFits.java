package law.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Ident;
import law.ast.Stmt;
import law.data.GroupKey;
import law.data.InlineTable;
import law.data.RowNumbering;
import law.data.Table;
import law.dataset.Dataset;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Suggest;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Failure;
import law.model.Law;

/**
 * {@code fit NAME = LAW(ARGS) ~ TARGET in DATA by COLS}: one fit per group, in order of first
 * appearance, each exactly as an ungrouped fit of the group's rows (same options, starts and
 * seed, so the result does not depend on the other groups or on the thread count). NAME is bound
 * to a dataset with one row per group: the group's key columns, each parameter and its standard
 * error ({@code p_se}), a likelihood fit's scale and its standard error ({@code sigma},
 * {@code sigma_se}, the delta method on the fitted log sigma, as the fit's report gives it), the
 * objective, the RMSE and the number of points ({@link GroupedFit}, which
 * also keeps each group's fitted law for {@code compare ... by}). A group whose fit fails
 * gets a warning (L0650) and a row of NaN; when every group fails the statement fails. The
 * groups' warnings are gathered ({@link GroupWarnings}): one per code, naming every group.
 */
final class GroupFits {
    private GroupFits() {
    }

    /** A group's fitted parameter values, result and fitted law. */
    record Fitted(Map<String, Double> values, FitResult result, Law law) {
    }

    /** Fits one group; {@code label} prefixes its warnings, which go to {@code warnings}. */
    @FunctionalInterface
    interface Fitter {
        Fitted fit(Table group, String label, java.util.function.Consumer<Diagnostic> warnings);
    }

    /**
     * Fits every group of {@code table} and binds the table of their parameters.
     *
     * @param params the law's free parameters
     * @param scale  a likelihood fit's scale ({@code sigma}), or null for a loss fit
     */
    static void run(Stmt.Fit stmt, Table table, Context ctx, Fitter fitter, List<String> params, String scale) {
        List<String> keys = new ArrayList<>();
        for (Ident id : stmt.groupBy()) {
            if (!table.hasColumn(id.text())) {
                throw Failure.at(Code.DATA_MISSING_COLUMN, id.span(), "no column '" + id.text() + "' in '"
                        + stmt.data().text() + "' to group by", Suggest.didYouMean(id.text(), table.columnNames()));
            }
            keys.add(id.text());
        }
        List<String> header = new ArrayList<>(keys);
        for (String p : params) {
            header.add(p);
            header.add(p + "_se");
        }
        if (scale != null) {
            header.add(scale);
            header.add(scale + "_se");
        }
        header.addAll(List.of("objective", "rmse", "points"));
        List<List<Object>> rows = new ArrayList<>();
        Map<GroupKey, Law> laws = new LinkedHashMap<>();
        int failed = 0;
        List<Table> groups = table.groupBy(keys);
        GroupWarnings warnings = new GroupWarnings();
        try (law.eval.Progress.Task task = ctx.progress().start("fit " + stmt.name().text() + ": groups", groups.size())) {
            for (Table g : groups) {
                law.eval.Cancelled.check();
                if (!fitGroup(g, fitter, params, header.size(), rows, laws, warnings, stmt)) {
                    failed++;
                }
                task.step();
            }
        }
        warnings.flush(rows.size(), ctx::report);
        if (failed == rows.size()) {
            throw Failure.at(Code.GROUP_FIT_FAILED, stmt.span(), "the fit failed in every one of the " + rows.size()
                    + " groups");
        }
        int[] numbers = new int[rows.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i + 1;
        }
        String name = stmt.name().text();
        Table out = InlineTable.of("fit " + name, header, rows, numbers, RowNumbering.ROW);
        String heading = "fit " + name + " = " + stmt.model().span().text() + " ~ " + stmt.target().span().text()
                + " in " + stmt.data().text() + " by " + String.join(", ", keys) + "   (" + rows.size() + " groups"
                + (failed > 0 ? ", " + failed + " failed" : "") + ")";
        GroupedFit value = new GroupedFit(new Dataset(name, out, List.of(), heading), keys, laws);
        ctx.env().define(new Entry(name, Entry.Kind.FIT, value, stmt.span(), stmt.doc()));
    }

    /** Fits one group and adds its row; false when its fit failed (warning L0650, a row of nan). */
    private static boolean fitGroup(Table g, Fitter fitter, List<String> params, int width, List<List<Object>> rows,
                                    Map<GroupKey, Law> laws, GroupWarnings warnings, Stmt.Fit stmt) {
        List<Object> row = new ArrayList<>(g.groupKey().values());
        String label = "group " + g.groupKey().render() + ": ";
        warnings.group(g.groupKey().render(), label);
        try {
            Fitted f = fitter.fit(g, label, warnings);
            laws.put(g.groupKey(), f.law());
            for (int j = 0; j < params.size(); j++) {
                row.add(f.values().get(params.get(j)));
                row.add(f.result().se(j));
            }
            if (f.result().scaleName() != null) {
                row.add(f.result().scale());
                row.add(f.result().scale() * f.result().scaleLogSe());
            }
            row.add(f.result().stats().get("objective"));
            row.add(f.result().stats().get("rmse"));
            row.add(f.result().stats().get("points"));
            rows.add(row);
            return true;
        } catch (Failure e) {
            warnings.accept(Diagnostic.warning(Code.GROUP_FIT_FAILED, stmt.span(), label + e.diagnostic().message()
                    + " [" + e.diagnostic().code().id() + "]").withHelp("a failed group's row holds nan"));
            while (row.size() < width - 1) {
                row.add(Double.NaN);
            }
            row.add((double) g.rowCount());
            rows.add(row);
            return false;
        }
    }
}
