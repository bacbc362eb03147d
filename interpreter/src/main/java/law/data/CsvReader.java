package law.data;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file with a header row into a {@link Table}, streaming rows through Jackson's CSV
 * parser: quoted fields (with commas or newlines), names with spaces, spaces around unquoted cells
 * and blank lines are handled; cells follow the package's cell and column rules. Each row is
 * numbered by the file line its first cell is on.
 */
public final class CsvReader {
    /** The streaming factory alone: a mapper would load Jackson's data binding, which start-up pays for. */
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private final Path path;
    private final String source;
    private int line;

    private CsvReader(Path path, String source) {
        this.path = path;
        this.source = source;
    }

    /** Reads {@code path}; the table's source is the path as given. */
    public static Table read(Path path) {
        return read(path, path.toString());
    }

    /** Reads {@code path}, naming it {@code source} in the table and in errors. */
    public static Table read(Path path, String source) {
        return new CsvReader(path, source).run();
    }

    private Table run() {
        List<String> header;
        ColumnBuilder[] builders;
        int[] lines;
        try (Reader reader = FileInput.open(path, source); CsvParser p = parser(reader)) {
            header = readHeader(p);
            builders = new ColumnBuilder[header.size()];
            for (int j = 0; j < builders.length; j++) {
                builders[j] = new ColumnBuilder();
            }
            lines = readRows(p, builders);
        } catch (IOException e) {
            throw failure(e);
        }
        if (lines.length == 0) {
            throw DataException.at(DataError.EMPTY_TABLE, source, line, RowNumbering.LINE, null,
                    "the file has a header but no data rows");
        }
        String[][] mixed = new String[builders.length][];
        boolean anyMixed = false;
        for (ColumnBuilder b : builders) {
            anyMixed |= b.isMixed();
        }
        if (anyMixed) {
            mixed = rereadText(builders, lines.length);
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < builders.length; j++) {
            columns.add(builders[j].build(mixed[j]));
        }
        return Table.loaded(source, RowNumbering.LINE, header, columns, lines);
    }

    private static CsvParser parser(Reader reader) throws IOException {
        CsvParser p = FACTORY.createParser(reader);
        p.setSchema(CsvSchema.emptySchema());
        return p;
    }

    private List<String> readHeader(CsvParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw DataException.of(DataError.EMPTY_TABLE, source,
                    "the file is empty: it has no header row");
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            line = p.currentTokenLocation().getLineNr();
            String name = p.getText().trim();
            if (name.isEmpty()) {
                name = "unnamed_" + (names.size() + 1);
            }
            Integer before = seen.put(name, names.size() + 1);
            if (before != null) {
                throw DataException.at(DataError.DUPLICATE_COLUMN, source, line, RowNumbering.LINE,
                        name, "the header has two columns named '" + name + "' (columns " + before
                                + " and " + (names.size() + 1) + ")")
                        .withHelp("rename one of them in the file");
            }
            names.add(name);
        }
        return names;
    }

    private int[] readRows(CsvParser p, ColumnBuilder[] builders) throws IOException {
        CellParser cells = new CellParser();
        int width = builders.length;
        int[] lines = new int[1024];
        int rows = 0;
        while (p.nextToken() == JsonToken.START_ARRAY) {
            int j = 0;
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                if (j == 0) {
                    line = p.currentTokenLocation().getLineNr();
                }
                if (j < width) {
                    builders[j].add(p.getText(), cells);
                }
                j++;
            }
            if (j != width) {
                throw ragged(j, width);
            }
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, rows * 2);
            }
            lines[rows++] = line;
        }
        return Arrays.copyOf(lines, rows);
    }

    /** Second pass: the text of every cell of the mixed columns. */
    private String[][] rereadText(ColumnBuilder[] builders, int rows) {
        String[][] out = new String[builders.length][];
        for (int j = 0; j < builders.length; j++) {
            out[j] = builders[j].isMixed() ? new String[rows] : null;
        }
        try (Reader reader = FileInput.open(path, source); CsvParser p = parser(reader)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                // skip the header
            }
            int row = 0;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                int j = 0;
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    if (j < out.length && out[j] != null && row < rows) {
                        out[j][row] = p.getText();
                    }
                    j++;
                }
                row++;
            }
            if (row != rows) {
                throw DataException.of(DataError.UNREADABLE_FILE, source,
                        "the file changed while it was being read");
            }
        } catch (IOException e) {
            throw failure(e);
        }
        return out;
    }

    private DataException ragged(int cells, int width) {
        DataException e = DataException.at(DataError.RAGGED_ROW, source, line, RowNumbering.LINE,
                null, "this row has " + cells + (cells == 1 ? " cell" : " cells") + " but the header has "
                        + width + (width == 1 ? " column" : " columns"));
        return e.withHelp(cells > width
                ? "a cell that contains a comma must be quoted, e.g. \"6 Enc, 6 Dec\""
                : "every row needs a cell for each column; leave a cell empty for a missing value (1,,3)");
    }

    private DataException failure(IOException e) {
        if (e instanceof CharacterCodingException) {
            return FileInput.notUtf8(path, source, e);
        }
        if (e instanceof StreamReadException s) {
            int at = s.getLocation() == null ? line : s.getLocation().getLineNr();
            String what = s.getOriginalMessage();
            return DataException.at(DataError.MALFORMED_FILE, source, at, RowNumbering.LINE, null,
                    "this is not valid CSV: " + what.toLowerCase(java.util.Locale.ROOT))
                    .withHelp("check the quotes: a quoted cell must end with a closing quote")
                    .withCause(e);
        }
        return DataException.of(DataError.UNREADABLE_FILE, source,
                "cannot read '" + source + "': " + e.getMessage()).withCause(e);
    }
}
