package law.data;

import static law.data.TestData.expect;
import static law.data.TestData.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReaderTest {
    @TempDir
    Path dir;

    @Test
    void arrayOfObjectsNumbersStringsBooleansNull() throws IOException {
        Table t = JsonReader.read(write(dir, "r.json", "[\n"
                + "  {\"N\": 49999999, \"C\": \"6e18\", \"ok\": true, \"L\": 7.19, \"set\": \"owt2\"},\n"
                + "  {\"N\": \"70B\", \"C\": 1e+19, \"ok\": false, \"L\": null, \"set\": \"c4\"},\n"
                + "  {\"N\": 1.5, \"C\": 2, \"ok\": true, \"L\": NaN, \"set\": \"c4\"}\n]\n"));
        assertEquals(List.of("N", "C", "ok", "L", "set"), t.columnNames());
        assertArrayEquals(new double[] {49999999, 7e10, 1.5}, t.numeric("N"));
        assertArrayEquals(new double[] {6e18, 1e19, 2}, t.numeric("C"));
        assertArrayEquals(new double[] {1, 0, 1}, t.numeric("ok"));
        assertTrue(Double.isNaN(t.numeric("L")[1]) && Double.isNaN(t.numeric("L")[2]));
        assertArrayEquals(new String[] {"owt2", "c4", "c4"}, t.text("set"));
        assertEquals(RowNumbering.LINE, t.numbering());
        assertEquals(2, t.sourceRow(0));
        assertEquals(4, t.sourceRow(2));
    }

    @Test
    void objectOfColumns() throws IOException {
        Table t = JsonReader.read(write(dir, "c.json",
                "{\"N\": [1, 2, 3], \"L\": [3.0, \"2.5\", Infinity], \"tag\": [\"a\", \"b\", 7]}"));
        assertArrayEquals(new double[] {1, 2, 3}, t.numeric("N"));
        assertArrayEquals(new double[] {3.0, 2.5, Double.POSITIVE_INFINITY}, t.numeric("L"));
        assertArrayEquals(new String[] {"a", "b", "7"}, t.text("tag"));
        assertEquals(RowNumbering.ROW, t.numbering());
        assertEquals(3, t.sourceRow(2));
    }

    @Test
    void strayStringInNumericJsonColumnIsReportedWithItsLine() throws IOException {
        Table t = JsonReader.read(write(dir, "s.json", "[{\"L\": 1},\n{\"L\": 2},\n{\"L\": \"oops\"}]"));
        DataException e = expect(DataError.NON_NUMERIC_CELL, () -> t.numeric("L"));
        assertEquals(3, e.row());
        assertTrue(e.detail().contains("'oops'"), e.detail());
    }

    @Test
    void malformedAndUnsupportedShapes() throws IOException {
        expect(DataError.MALFORMED_FILE, () -> JsonReader.read(write(dir, "a.json", "[{\"a\": 1},")));
        expect(DataError.MALFORMED_FILE, () -> JsonReader.read(write(dir, "b.json", "42")));
        expect(DataError.MALFORMED_FILE, () -> JsonReader.read(write(dir, "c.json", "[[1, 2], [3, 4]]")));
        expect(DataError.MALFORMED_FILE, () -> JsonReader.read(write(dir, "d.json", "{\"a\": 1}")));
        DataException nested = expect(DataError.MALFORMED_FILE,
                () -> JsonReader.read(write(dir, "e.json", "[{\"a\": 1},\n {\"a\": [1]}]")));
        assertEquals(2, nested.row());
        assertEquals("a", nested.column().orElseThrow());
        expect(DataError.MALFORMED_FILE, () -> JsonReader.read(write(dir, "f.json", "[{\"a\": 1}] [")));
    }

    @Test
    void raggedObjectsAndColumns() throws IOException {
        DataException missing = expect(DataError.RAGGED_ROW, () -> JsonReader.read(
                write(dir, "m.json", "[{\"a\": 1, \"b\": 2},\n{\"a\": 3}]")));
        assertEquals(2, missing.row());
        assertEquals("b", missing.column().orElseThrow());
        DataException extra = expect(DataError.RAGGED_ROW, () -> JsonReader.read(
                write(dir, "x.json", "[{\"a\": 1},\n{\"a\": 3, \"c\": 4}]")));
        assertEquals("c", extra.column().orElseThrow());
        DataException cols = expect(DataError.RAGGED_ROW, () -> JsonReader.read(
                write(dir, "c.json", "{\"a\": [1, 2], \"b\": [1]}")));
        assertEquals("b", cols.column().orElseThrow());
    }

    @Test
    void duplicateKeysAreReported() throws IOException {
        DataException e = expect(DataError.DUPLICATE_COLUMN, () -> JsonReader.read(
                write(dir, "d.json", "[{\"a\": 1, \"a\": 2}]")));
        assertTrue(e.detail().contains("a"), e.detail());
    }
}
