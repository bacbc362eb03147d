package law.fit;

import java.util.List;
import java.util.Map;
import law.ast.Stmt;
import law.data.Table;
import law.diag.Code;
import law.eval.Context;
import law.eval.Failure;
import law.expr.Compiler;
import law.expr.Program;
import law.report.Fmt;

/** The rows a fit statement uses: its columns, target and weights over the rows its {@code where} keeps. */
final class FitRows {
    /** The prefix of the symbols that stand for the dataset's columns. */
    static final String COL = "data:";

    private FitRows() {
    }

    /**
     * The rows a fit uses: the values of its columns, target and weights over the rows its
     * {@code where} keeps, each checked (finite, positive under log residuals, valid weights).
     *
     * @param rowOf the row of {@code table} behind each kept row
     * @param keep  which rows of {@code table} the {@code where} kept
     */
    record Rows(double[][] data, double[] y, double[] w, int[] rowOf, boolean[] keep, int n) {
    }

    /** The values of the columns a fit uses ({@link Setup#cols()}) over every row of {@code table}. */
    static double[][] columns(Setup s, Table table) {
        List<String> cols = s.cols();
        double[][] data = new double[cols.size()][];
        for (int k = 0; k < cols.size(); k++) {
            data[k] = table.numeric(cols.get(k).substring(COL.length()));
        }
        return data;
    }

    static Rows rows(Setup s, Table table, Context ctx) {
        Stmt.Fit stmt = s.stmt();
        FitOptions opts = s.opts();
        List<String> cols = s.cols();
        int rows = table.rowCount();
        double[][] data = columns(s, table);
        double[] y = columnValues(s.target(), cols, data, rows);
        double[] w = s.weightExpr() == null ? null : columnValues(s.weightExpr(), cols, data, rows);
        boolean[] keep = new boolean[rows];
        java.util.Arrays.fill(keep, true);
        if (opts.where() != null) {
            keep = law.dataset.Clauses.mask(opts.where(), table, ctx);
        }
        int n = 0;
        for (boolean b : keep) {
            n += b ? 1 : 0;
        }
        int[] rowOf = new int[n];
        double[][] fdata = new double[cols.size()][n];
        double[] fy = new double[n];
        double[] fw = new double[n];
        int q = 0;
        for (int i = 0; i < rows; i++) {
            if (!keep[i]) {
                continue;
            }
            rowOf[q] = i;
            for (int k = 0; k < cols.size(); k++) {
                fdata[k][q] = data[k][i];
                if (!Double.isFinite(data[k][i])) {
                    throw Failure.at(Code.FIT_BAD_DATA, stmt.span(), "column '" + cols.get(k).substring(COL.length())
                            + "' is " + Fmt.num(data[k][i]) + " at " + where(table, i), "filter the row out with 'where'");
                }
            }
            fy[q] = y[i];
            fw[q] = w == null ? 1 : w[i];
            checkRow(s, table, i, fy[q], fw[q]);
            q++;
        }
        checkTotal(s, fw);
        return new Rows(fdata, fy, fw, rowOf, keep, n);
    }

    /** Checks one kept row's target and weight. */
    /** Refuses weights whose sum has no double: every sum of the fit would overflow with it. */
    private static void checkTotal(Setup s, double[] w) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        if (total == 0 && w.length > 0) {
            throw Failure.at(Code.FIT_BAD_WEIGHT, s.opts().weights().span(), "every weight is 0, so no point is fitted",
                    "give some rows a positive weight, or filter rows out with 'where'");
        }
        if (!(total <= Double.MAX_VALUE)) {
            throw Failure.at(Code.FIT_BAD_WEIGHT, s.opts().weights().span(), "the weights sum to more than the largest "
                    + "double (about 1.8e308), so every sum of the fit overflows",
                    "divide every weight by the same large number: the fit does not change");
        }
    }

    static void checkRow(Setup s, Table table, int i, double y, double w) {
        Stmt.Fit stmt = s.stmt();
        if (!Double.isFinite(y)) {
            throw Failure.at(Code.FIT_BAD_DATA, stmt.target().span(), "the target is " + Fmt.num(y) + " at "
                    + where(table, i));
        }
        if (s.opts().log() && !(y > 0)) {
            throw Failure.at(Code.FIT_NON_POSITIVE, stmt.target().span(), "the target is " + Fmt.num(y) + " at "
                    + where(table, i) + ", but log residuals need positive targets",
                    "use 'residual = linear', or filter the row out with 'where'");
        }
        if (!(w >= 0) || !Double.isFinite(w)) {
            throw Failure.at(Code.FIT_BAD_WEIGHT, s.opts().weights().span(), "the weight is " + Fmt.num(w) + " at "
                    + where(table, i) + "; weights must be finite and not negative");
        }
        if (w > 0 && w < Double.MIN_NORMAL) {
            // w rho(r) would underflow: the objective, and with it the fit's tests, would be 0.
            throw Failure.at(Code.FIT_BAD_WEIGHT, s.opts().weights().span(), "the weight is " + Fmt.num(w) + " at "
                    + where(table, i) + ", below the smallest normal double (2.2e-308), where the weighted loss has "
                    + "no precision left", "multiply every weight by the same large number: the fit does not change");
        }
    }


    static double maxAbs(double[] xs) {
        double m = 0;
        for (double x : xs) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    static String where(Table t, int row) {
        return t.source() + " " + t.numbering().word() + " " + t.sourceRow(row);
    }

    static String constantColumns(List<String> cols, double[][] data) {
        for (int k = 0; k < cols.size(); k++) {
            double[] c = data[k];
            boolean constant = c.length > 0;
            for (double x : c) {
                constant &= x == c[0];
            }
            if (constant) {
                return "'" + cols.get(k).substring(COL.length()) + "'";
            }
        }
        return null;
    }

    static double[] columnValues(law.expr.Expr e, List<String> cols, double[][] data, int rows) {
        double[] out = new double[rows];
        if (e.symbols().isEmpty()) {
            java.util.Arrays.fill(out, e.evaluate(Map.of()));
            return out;
        }
        Program prog = Compiler.compile(List.of(e), cols, List.of());
        prog.evaluate(data, rows, new double[0], new double[][]{out}, prog.newWorkspace());
        return out;
    }
}
