package law.data;

import static law.data.TestData.expect;
import static law.data.TestData.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsSpacedNamesNumbersAndBlankLines() throws IOException {
        Path f = write(dir, "runs.csv", "Model Size,Training FLOP,name,loss,ok\n"
                + "70B,5.76e23,\"Chinchilla, 70B\",1.94,True\n"
                + "\n"
                + "2.8e9, 1e+22 ,\"multi\nline\",,False\n"
                + "1.4T,inf,plain,NaN,true\n");
        Table t = CsvReader.read(f);
        assertEquals(List.of("Model Size", "Training FLOP", "name", "loss", "ok"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertArrayEquals(new double[] {7e10, 2.8e9, 1.4e12}, t.numeric("Model Size"));
        assertArrayEquals(new double[] {5.76e23, 1e22, Double.POSITIVE_INFINITY}, t.numeric("Training FLOP"));
        assertArrayEquals(new String[] {"Chinchilla, 70B", "multi\nline", "plain"}, t.text("name"));
        double[] loss = t.numeric("loss");
        assertEquals(1.94, loss[0]);
        assertTrue(Double.isNaN(loss[1]) && Double.isNaN(loss[2]));
        assertArrayEquals(new double[] {1, 0, 1}, t.numeric("ok"));
        assertEquals(2, t.sourceRow(0));
        assertEquals(4, t.sourceRow(1), "the blank line 3 is skipped; the row starts on line 4");
        assertEquals(6, t.sourceRow(2), "the quoted newline makes the row after it line 6");
        assertEquals(RowNumbering.LINE, t.numbering());
        assertEquals(f.toString(), t.source());
    }

    @Test
    void textColumnIsTextAndEmptyCellsStayEmpty() throws IOException {
        Table t = CsvReader.read(write(dir, "t.csv", "dataset,condition,x\nowt2,,1\nc4,raw,2\n"));
        assertFalse(t.column("dataset").isNumeric());
        assertArrayEquals(new String[] {"", "raw"}, t.text("condition"));
        assertTrue(t.column("x").isNumeric());
    }

    @Test
    void allEmptyColumnIsNumericNaN() throws IOException {
        Table t = CsvReader.read(write(dir, "t.csv", "a,b\n1,\n2,\n"));
        assertTrue(t.column("b").isNumeric());
        assertTrue(Double.isNaN(t.numeric("b")[1]));
    }

    @Test
    void strayWordInNumericColumnIsReportedWhenUsedAsNumber() throws IOException {
        Path f = write(dir, "t.csv", "N,loss\n1,3.5\n2,3.1\n3,n/a\n4,2.9\n");
        Table t = CsvReader.read(f);
        assertFalse(t.column("loss").isNumeric());
        assertArrayEquals(new String[] {"3.5", "3.1", "n/a", "2.9"}, t.text("loss"));
        DataException e = expect(DataError.NON_NUMERIC_CELL, () -> t.numeric("loss"));
        assertEquals(4, e.row());
        assertEquals(RowNumbering.LINE, e.numbering());
        assertEquals("loss", e.column().orElseThrow());
        assertEquals(f.toString(), e.source());
        assertTrue(e.detail().contains("'n/a'"), e.detail());
        assertTrue(e.help().orElseThrow().startsWith("3 of the column's 4 cells are numbers"));
        assertArrayEquals(new double[] {1, 2, 3, 4}, t.numeric("N"), "other columns still work");
    }

    @Test
    void mixedColumnIsUsableAsNumberOnceFilteredToNumbers() throws IOException {
        Table t = CsvReader.read(write(dir, "t.csv", "kind,size\nlm,1.68e+07\nnmt,6 Enc\nlm,262M\n"));
        expect(DataError.NON_NUMERIC_CELL, () -> t.numeric("size"));
        String[] kind = t.text("kind");
        Table lm = t.where("where kind == \"lm\"", x -> new boolean[] {kind[0].equals("lm"),
            kind[1].equals("lm"), kind[2].equals("lm")});
        assertArrayEquals(new double[] {1.68e7, 2.62e8}, lm.numeric("size"));
    }

    @Test
    void textFirstColumnErrorSaysItHoldsText() throws IOException {
        Table t = CsvReader.read(write(dir, "t.csv", "dataset,x\nowt2,1\nc4,2\n"));
        DataException e = expect(DataError.NON_NUMERIC_CELL, () -> t.numeric("dataset"));
        assertEquals(2, e.row());
        assertTrue(e.detail().contains("holds text"), e.detail());
        DataException e2 = expect(DataError.TEXT_EXPECTED, () -> t.text("x"));
        assertEquals("x", e2.column().orElseThrow());
    }

    @Test
    void byteOrderMarkAndUnnamedIndexColumn() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = ",N,L\n0,1e8,3.1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Path f = Files.write(dir.resolve("bom.csv"), all);
        Table t = CsvReader.read(f);
        assertEquals(List.of("unnamed_1", "N", "L"), t.columnNames());
        assertEquals(1e8, t.numeric("N")[0]);
    }
}
