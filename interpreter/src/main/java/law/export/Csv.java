package law.export;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import law.data.Column;
import law.data.NumericColumn;
import law.data.Table;

/**
 * CSV exports: a fit's parameter table ({@code parameter,value,se,ci_low,ci_high} and the
 * bootstrap columns) or a dataset's rows after every clause. Numbers are written in full
 * ({@link Double#toString}), so they read back to the same doubles; NaN is an empty cell.
 */
final class Csv {
    private Csv() {
    }

    /** The parameter table of a fit. */
    static void params(ParamTable t, OutputStream out) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("parameter"));
        List<String> cols = ParamTable.columns(t.bootstrap());
        header.addAll(cols);
        lines.add(header);
        for (int i = 0; i < t.names().size(); i++) {
            List<String> line = new ArrayList<>(List.of(t.names().get(i)));
            Map<String, Double> row = t.rows().get(i);
            for (String c : cols) {
                line.add(cell(row.get(c)));
            }
            lines.add(line);
        }
        write(lines, out);
    }

    /** The rows of a dataset, every column, in order, streamed and counted on {@code progress} (cancellable). */
    static void table(Table t, OutputStream out, law.eval.Progress progress) throws IOException {
        try (law.eval.Progress.Task task = progress.start("export: rows", t.rowCount());
             com.fasterxml.jackson.databind.SequenceWriter w = new CsvMapper().writer()
                     .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
            w.write(t.columnNames());
            for (int r = 0; r < t.rowCount(); r++) {
                if (r % 4096 == 0) {
                    law.eval.Cancelled.check();
                    task.step(Math.min(4096, t.rowCount() - r));
                }
                List<String> line = new ArrayList<>();
                for (String c : t.columnNames()) {
                    Column col = t.column(c);
                    line.add(col instanceof NumericColumn n ? cell(n.get(r)) : col.display(r));
                }
                w.write(line);
            }
        }
    }

    private static String cell(Double v) {
        return v == null || Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static void write(List<List<String>> lines, OutputStream out) throws IOException {
        new CsvMapper().writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, lines);
    }
}
