package law.fit;

import law.data.Table;
import law.eval.Context;
import law.model.Law;

/**
 * How to refit one fit statement on other rows of its data, with the statement's own law,
 * options and starts: one call per refit ({@link #on}). Rollouts refit on every prefix of a
 * ladder's rungs this way. A refit is deterministic for the statement's seed whatever the number
 * of threads, and is not recorded for {@code law report}.
 */
public final class Refit {
    private final Setup setup;

    Refit(Setup setup) {
        this.setup = setup;
    }

    /** The rows the statement fitted (its dataset, before the fit's {@code where}). */
    public Table table() {
        return setup.table();
    }

    /** The statement's name. */
    public String name() {
        return setup.stmt().name().text();
    }

    /** The fit's target as written ({@code L}, {@code log(loss)}). */
    public String targetText() {
        return setup.stmt().target().span().text();
    }

    /** Which rows of {@link #table()} the fit's {@code where} keeps (all of them without one). */
    public boolean[] kept(Context ctx) {
        boolean[] keep = new boolean[setup.table().rowCount()];
        java.util.Arrays.fill(keep, true);
        return setup.opts().where() == null ? keep : law.dataset.Clauses.mask(setup.opts().where(), setup.table(), ctx);
    }

    /** The law's arguments at each row of {@code rows} ({@code [variable][row]}, in the law's order). */
    public double[][] arguments(Table rows) {
        double[][] data = FitRows.columns(setup, rows);
        double[][] out = new double[setup.form().vars().size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = FitRows.columnValues(setup.subst().get(setup.form().vars().get(i)), setup.cols(), data,
                    rows.rowCount());
        }
        return out;
    }

    /** The target at each row of {@code rows}. */
    public double[] target(Table rows) {
        return FitRows.columnValues(setup.target(), setup.cols(), FitRows.columns(setup, rows), rows.rowCount());
    }

    /**
     * Refits on {@code rows}; the fit's own {@code where} still applies. Problems are thrown as
     * {@link law.eval.Failure}s at the fit statement; warnings are reported with {@code label}
     * before them.
     *
     * @return the fitted law, its {@link FitResult} attached
     */
    public Law on(Table rows, Context ctx, String label) {
        return Fits.refit(setup, rows, ctx, label);
    }

    /** {@link #on(Table, Context, String)}, its warnings (with {@code label} before them) to {@code warn}. */
    public Law on(Table rows, Context ctx, String label, java.util.function.Consumer<law.diag.Diagnostic> warn) {
        return Fits.refit(setup, rows, ctx, label, warn);
    }
}
