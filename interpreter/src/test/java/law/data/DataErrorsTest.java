package law.data;

import static law.data.TestData.expect;
import static law.data.TestData.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per data error, on small malformed files. */
class DataErrorsTest {
    @TempDir
    Path dir;

    @Test
    void codesAreUniqueAndInTheL04Block() {
        Set<String> codes = new HashSet<>();
        for (DataError e : DataError.values()) {
            assertTrue(e.code().matches("L04\\d\\d"), e.code());
            assertTrue(codes.add(e.code()), "duplicate code " + e.code());
        }
        assertEquals("L0401", DataError.FILE_NOT_FOUND.code());
    }

    @Test
    void missingFileSuggestsASibling() throws IOException {
        write(dir, "svg_extracted_data.csv", "a\n1\n");
        DataException e = expect(DataError.FILE_NOT_FOUND,
                () -> CsvReader.read(dir.resolve("svg_extracted_dat.csv")));
        assertTrue(e.help().orElseThrow().contains("'svg_extracted_data.csv'"), e.help().orElseThrow());
        assertTrue(e.getMessage().startsWith("error[L0401]: file not found"), e.getMessage());
        DataException json = expect(DataError.FILE_NOT_FOUND, () -> JsonReader.read(dir.resolve("nope.json")));
        assertTrue(json.help().orElseThrow().startsWith("looked for"), json.help().orElseThrow());
    }

    @Test
    void folderIsUnreadable() {
        expect(DataError.UNREADABLE_FILE, () -> CsvReader.read(dir));
    }

    @Test
    void binaryAndCompressedFilesAreUnreadable() throws IOException {
        Path bin = Files.write(dir.resolve("x.csv"), new byte[] {'a', ',', 'b', '\n', 0, 1, 2, '\n'});
        DataException e = expect(DataError.UNREADABLE_FILE, () -> CsvReader.read(bin));
        assertTrue(e.detail().contains("binary"), e.detail());
        Path gz = Files.write(dir.resolve("x.csv.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        DataException g = expect(DataError.UNREADABLE_FILE, () -> CsvReader.read(gz));
        assertTrue(g.detail().contains("gzip"), g.detail());
    }

    @Test
    void latin1FileIsNotUtf8AndNamesTheLine() throws IOException {
        byte[] latin1 = "name,loss\nabc,1\nabc,2\nna\u00efve,3\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("latin1.csv"), latin1);
        DataException e = expect(DataError.UNREADABLE_FILE, () -> CsvReader.read(f));
        assertEquals(4, e.row());
        assertTrue(e.detail().contains("UTF-8"), e.detail());
        expect(DataError.UNREADABLE_FILE, () -> JsonReader.read(
                Files.write(dir.resolve("l.json"), "[{\"a\": \"na\u00efve\"}]".getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        DataException empty = expect(DataError.EMPTY_TABLE, () -> CsvReader.read(write(dir, "e.csv", "")));
        assertTrue(empty.detail().contains("no header"), empty.detail());
        expect(DataError.EMPTY_TABLE, () -> CsvReader.read(write(dir, "blank.csv", "\n\n")));
        DataException header = expect(DataError.EMPTY_TABLE, () -> CsvReader.read(write(dir, "h.csv", "N,L\n")));
        assertTrue(header.detail().contains("no data rows"), header.detail());
        expect(DataError.EMPTY_TABLE, () -> JsonReader.read(write(dir, "e.json", "")));
        expect(DataError.EMPTY_TABLE, () -> JsonReader.read(write(dir, "a.json", "[]")));
    }

    @Test
    void raggedRowsNameTheLine() throws IOException {
        DataException more = expect(DataError.RAGGED_ROW,
                () -> CsvReader.read(write(dir, "m.csv", "a,b,c\n1,2,3\n4,5,6,7\n")));
        assertEquals(3, more.row());
        assertTrue(more.detail().contains("4 cells") && more.detail().contains("3 columns"), more.detail());
        assertTrue(more.help().orElseThrow().contains("quoted"));
        DataException fewer = expect(DataError.RAGGED_ROW,
                () -> CsvReader.read(write(dir, "f.csv", "a,b,c\n1,2,3\n4,5,6\n7,8\n")));
        assertEquals(4, fewer.row());
        assertTrue(fewer.detail().contains("2 cells"), fewer.detail());
    }

    @Test
    void unclosedQuoteIsMalformed() throws IOException {
        DataException e = expect(DataError.MALFORMED_FILE,
                () -> CsvReader.read(write(dir, "q.csv", "a,b\n1,2\n3,\"abc\n")));
        assertTrue(e.row() >= 3, "row " + e.row());
    }

    @Test
    void duplicateColumnNames() throws IOException {
        DataException e = expect(DataError.DUPLICATE_COLUMN,
                () -> CsvReader.read(write(dir, "d.csv", "N,loss,D,loss\n1,2,3,4\n")));
        assertEquals("loss", e.column().orElseThrow());
        assertTrue(e.detail().contains("columns 2 and 4"), e.detail());
        assertEquals(1, e.row());
        expect(DataError.DUPLICATE_COLUMN,
                () -> InlineTable.of(List.of("a", "a"), List.of(List.of(1, 2))));
        Table t = InlineTable.of(List.of("a", "b"), List.of(List.of(1, 2)));
        expect(DataError.DUPLICATE_COLUMN, () -> t.rename("a", "b"));
    }

    @Test
    void missingColumnSuggestsTheClosestName() throws IOException {
        Table t = CsvReader.read(write(dir, "c.csv", "Model Size,Training FLOP,Loss,dataset\n1,2,3,x\n"));
        DataException caseOnly = expect(DataError.MISSING_COLUMN, () -> t.numeric("loss"));
        assertEquals("did you mean 'Loss'? (column names are case-sensitive)", caseOnly.help().orElseThrow());
        DataException typo = expect(DataError.MISSING_COLUMN, () -> t.column("Model_Size"));
        assertEquals("did you mean `Model Size`?", typo.help().orElseThrow());
        DataException swap = expect(DataError.MISSING_COLUMN, () -> t.column("datsaet"));
        assertEquals("did you mean 'dataset'?", swap.help().orElseThrow());
        DataException part = expect(DataError.MISSING_COLUMN, () -> t.column("FLOP"));
        assertEquals("did you mean `Training FLOP`?", part.help().orElseThrow());
        DataException far = expect(DataError.MISSING_COLUMN, () -> t.column("tokens"));
        assertTrue(far.help().orElseThrow().startsWith("the columns are `Model Size`"), far.help().orElseThrow());
        assertEquals("tokens", far.column().orElseThrow());
    }

    @Test
    void nanCellUnderErrorPolicyNamesRowAndColumn() throws IOException {
        Table t = CsvReader.read(write(dir, "n.csv", "N,loss\n1,3.5\n2,\n3,inf\n4,NaN\n"));
        DataException e = expect(DataError.NON_FINITE_CELL, () -> t.nanPolicy(NanPolicy.ERROR));
        assertEquals(3, e.row());
        assertEquals("loss", e.column().orElseThrow());
        assertTrue(e.help().orElseThrow().contains("nan = drop"));
        Table kept = t.nanPolicy(NanPolicy.DROP, List.of("N", "loss"));
        assertEquals(1, kept.rowCount());
        assertEquals(new DropStep("nan = drop", 3, "NaN or infinite: 3 in 'loss'", new int[] {3, 4, 5}),
                kept.steps().get(0));
        assertEquals(t, t.nanPolicy(NanPolicy.ERROR, List.of("N")), "no NaN in N: same table");
    }

    @Test
    void derivedNonFiniteNamesTheRowAndInputs() throws IOException {
        Table t = CsvReader.read(write(dir, "l.csv", "N,C\n1e8,1e20\n0,1e20\n2e8,1e21\n"));
        DataException e = expect(DataError.NON_FINITE_DERIVED, () -> t.derive("logN", List.of("N"),
                x -> java.util.Arrays.stream(x.numeric("N")).map(Math::log).toArray()));
        assertEquals(3, e.row());
        assertEquals("logN", e.column().orElseThrow());
        assertTrue(e.detail().contains("infinite"), e.detail());
        assertEquals("at this row N = 0", e.help().orElseThrow());
        DataException nan = expect(DataError.NON_FINITE_DERIVED, () -> t.deriveRows("s", List.of(),
                r -> Math.sqrt(r.number("N") - 1e8)));
        assertEquals(3, nan.row());
        assertTrue(nan.detail().contains("NaN"), nan.detail());
        assertFalse(nan.help().isPresent());
    }

    @Test
    void derivedFromANaNInputBlamesTheInputCell() throws IOException {
        Table t = CsvReader.read(write(dir, "l.csv", "N,C\n1e8,1e20\n,1e20\n"));
        DataException e = expect(DataError.NON_FINITE_CELL, () -> t.derive("D", List.of("C", "N"),
                x -> {
                    double[] c = x.numeric("C");
                    double[] n = x.numeric("N");
                    return new double[] {c[0] / (6 * n[0]), c[1] / (6 * n[1])};
                }));
        assertEquals(3, e.row());
        assertEquals("N", e.column().orElseThrow());
    }

    @Test
    void invalidOperations() throws IOException {
        Table t = InlineTable.of(List.of("a"), List.of(List.of(1), List.of(2)));
        expect(DataError.INVALID_OPERATION, () -> t.drop(3, Extreme.LARGEST, "a"));
        expect(DataError.INVALID_OPERATION, () -> t.where("where a > 1", x -> new boolean[1]));
        expect(DataError.INVALID_OPERATION, () -> t.derive("b", x -> new double[5]));
        expect(DataError.INVALID_OPERATION, () -> t.groupBy(List.of()));
    }
}
