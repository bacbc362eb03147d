package law.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON file into a {@link Table}. Two shapes: an array of objects
 * ({@code [{"N": 1e8, "L": 3.1}, ...]}, every object with the same keys; rows numbered by the line
 * each object starts on), or an object of columns ({@code {"N": [...], "L": [...]}}, arrays of
 * equal length; rows numbered 1, 2, ...). Cells: numbers, strings read by the cell rules,
 * booleans (1/0), {@code null} (missing); Python's {@code NaN} and {@code Infinity} are accepted.
 */
public final class JsonReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String SHAPES = "a JSON table is an array of objects [{\"N\": 1, \"L\": 2}, ...]"
            + " or an object of columns {\"N\": [...], \"L\": [...]}";

    private final Path path;
    private final String source;

    private JsonReader(Path path, String source) {
        this.path = path;
        this.source = source;
    }

    /** Reads {@code path}; the table's source is the path as given. */
    public static Table read(Path path) {
        return read(path, path.toString());
    }

    /** Reads {@code path}, naming it {@code source} in the table and in errors. */
    public static Table read(Path path, String source) {
        return new JsonReader(path, source).run();
    }

    private Table run() {
        try (Reader reader = FileInput.open(path, source); JsonParser p = MAPPER.createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw DataException.of(DataError.EMPTY_TABLE, source, "the file is empty");
            }
            Table table;
            if (t == JsonToken.START_ARRAY) {
                table = readRows(p);
            } else if (t == JsonToken.START_OBJECT) {
                table = readColumns(MAPPER.readTree(p));
            } else {
                throw malformed(p.currentTokenLocation().getLineNr(), "the file holds a single value");
            }
            if (p.nextToken() != null) {
                throw malformed(p.currentTokenLocation().getLineNr(), "there is more after the table");
            }
            return table;
        } catch (CharacterCodingException e) {
            throw FileInput.notUtf8(path, source, e);
        } catch (StreamReadException e) {
            String what = e.getOriginalMessage();
            int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (what.startsWith("Duplicate")) {
                throw DataException.at(DataError.DUPLICATE_COLUMN, source, at, RowNumbering.LINE, null,
                        "an object has the same key twice: " + what).withCause(e);
            }
            throw DataException.at(DataError.MALFORMED_FILE, source, at, RowNumbering.LINE, null,
                    "this is not valid JSON: " + what.toLowerCase(Locale.ROOT)).withCause(e);
        } catch (IOException e) {
            throw DataException.of(DataError.UNREADABLE_FILE, source,
                    "cannot read '" + source + "': " + e.getMessage()).withCause(e);
        }
    }

    private Table readRows(JsonParser p) throws IOException {
        List<String> names = null;
        List<List<Object>> cells = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int line = p.currentTokenLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                throw malformed(line, "item " + (lines.size() + 1) + " of the array is not an object");
            }
            JsonNode row = MAPPER.readTree(p);
            if (names == null) {
                names = fieldNames(row);
                if (names.isEmpty()) {
                    throw DataException.at(DataError.EMPTY_TABLE, source, line, RowNumbering.LINE,
                            null, "the first object has no keys, so the table has no columns");
                }
                for (int j = 0; j < names.size(); j++) {
                    cells.add(new ArrayList<>());
                }
            }
            checkKeys(row, names, line);
            for (int j = 0; j < names.size(); j++) {
                cells.get(j).add(cell(row.get(names.get(j)), line, RowNumbering.LINE, names.get(j)));
            }
            lines.add(line);
        }
        if (names == null) {
            throw DataException.of(DataError.EMPTY_TABLE, source, "the array is empty: no rows");
        }
        int[] rows = lines.stream().mapToInt(Integer::intValue).toArray();
        return Table.loaded(source, RowNumbering.LINE, names, build(cells), rows);
    }

    private Table readColumns(JsonNode root) {
        List<String> names = fieldNames(root);
        if (names.isEmpty()) {
            throw DataException.of(DataError.EMPTY_TABLE, source, "the object has no columns");
        }
        List<List<Object>> cells = new ArrayList<>();
        int n = -1;
        for (String name : names) {
            JsonNode values = root.get(name);
            if (!values.isArray()) {
                throw DataException.at(DataError.MALFORMED_FILE, source, 0, RowNumbering.ROW, name,
                        "'" + name + "' is not an array of values").withHelp(SHAPES);
            }
            if (n >= 0 && values.size() != n) {
                throw DataException.at(DataError.RAGGED_ROW, source, 0, RowNumbering.ROW, name,
                        "column '" + name + "' has " + values.size() + " values but '" + names.get(0)
                                + "' has " + n).withHelp("every column needs one value per row; use null for a missing value");
            }
            n = values.size();
            List<Object> column = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                column.add(cell(values.get(i), i + 1, RowNumbering.ROW, name));
            }
            cells.add(column);
        }
        if (n == 0) {
            throw DataException.of(DataError.EMPTY_TABLE, source, "the columns have no values: no rows");
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i + 1;
        }
        return Table.loaded(source, RowNumbering.ROW, names, build(cells), rows);
    }

    private void checkKeys(JsonNode row, List<String> names, int line) {
        for (String name : names) {
            if (!row.has(name)) {
                throw DataException.at(DataError.RAGGED_ROW, source, line, RowNumbering.LINE, name,
                        "this object has no key '" + name + "', which the first object has")
                        .withHelp("every object needs the same keys; use null for a missing value");
            }
        }
        if (row.size() != names.size()) {
            for (String key : fieldNames(row)) {
                if (!names.contains(key)) {
                    throw DataException.at(DataError.RAGGED_ROW, source, line, RowNumbering.LINE, key,
                            "this object has a key '" + key + "' that the first object does not have")
                            .withHelp("every object needs the same keys");
                }
            }
        }
    }

    private Object cell(JsonNode v, int row, RowNumbering numbering, String column) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        throw DataException.at(DataError.MALFORMED_FILE, source, row, numbering, column,
                "the value of '" + column + "' is " + (v.isArray() ? "an array" : "an object")
                        + "; a cell must be a number, a string, true/false or null").withHelp(SHAPES);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            names.add(e.getKey());
        }
        return names;
    }

    private static List<Column> build(List<List<Object>> cells) {
        List<Column> columns = new ArrayList<>();
        for (List<Object> c : cells) {
            columns.add(ColumnBuilder.fromCells(c.toArray()));
        }
        return columns;
    }

    private DataException malformed(int line, String what) {
        return DataException.at(DataError.MALFORMED_FILE, source, line, RowNumbering.LINE, null,
                "unsupported JSON layout: " + what).withHelp(SHAPES);
    }
}
