package law.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Table} from a header and rows of cells, the {@code .law} form
 * {@code table { N, D, L \n 1e8, 2e9, 3.1 }}. Cells are {@code Number}, {@code Boolean} (1/0),
 * {@code null} (missing) or {@code String} read by the cell rules ({@code "70B"} = 7e10), so the
 * caller may pass number tokens as written. Rows are numbered 1, 2, ... unless the caller gives
 * their lines in the spec file.
 */
public final class InlineTable {
    /** The source name of inline tables. */
    public static final String SOURCE = "inline table";

    private InlineTable() {
    }

    /** A table from {@code header} and {@code rows}, rows numbered 1, 2, .... */
    public static Table of(List<String> header, List<? extends List<?>> rows) {
        int[] numbers = new int[rows.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i + 1;
        }
        return of(SOURCE, header, rows, numbers, RowNumbering.ROW);
    }

    /**
     * A table from {@code header} and {@code rows}, named {@code source}, whose rows carry the given
     * numbers ({@code numbering} says whether they are lines of the spec file or data rows).
     */
    public static Table of(String source, List<String> header, List<? extends List<?>> rows,
            int[] rowNumbers, RowNumbering numbering) {
        if (rowNumbers.length != rows.size()) {
            throw new IllegalArgumentException(rowNumbers.length + " row numbers for " + rows.size()
                    + " rows");
        }
        if (header.isEmpty()) {
            throw DataException.of(DataError.EMPTY_TABLE, source, "the table has no header");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            Integer before = seen.put(header.get(j), j + 1);
            if (before != null) {
                throw DataException.at(DataError.DUPLICATE_COLUMN, source, 0, numbering,
                        header.get(j), "the header has two columns named '" + header.get(j)
                                + "' (columns " + before + " and " + (j + 1) + ")");
            }
        }
        if (rows.isEmpty()) {
            throw DataException.of(DataError.EMPTY_TABLE, source, "the table has a header but no rows");
        }
        Object[][] cells = new Object[header.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            List<?> row = rows.get(i);
            if (row.size() != header.size()) {
                throw DataException.at(DataError.RAGGED_ROW, source, rowNumbers[i], numbering, null,
                        "this row has " + row.size() + " cells but the header has " + header.size()
                                + " columns");
            }
            for (int j = 0; j < row.size(); j++) {
                cells[j][i] = row.get(j);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (Object[] c : cells) {
            columns.add(ColumnBuilder.fromCells(c));
        }
        return Table.loaded(source, numbering, header, columns, rowNumbers.clone());
    }
}
