package law.data;

import static law.data.TestData.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineTableTest {
    @Test
    void buildsFromTokensNumbersAndStrings() {
        Table t = InlineTable.of(List.of("N", "D", "L", "set"), List.of(
                List.of("70B", 1.4e12, 1.94, "chinchilla"),
                Arrays.asList(1e8, "2e9", null, "tiny")));
        assertEquals(InlineTable.SOURCE, t.source());
        assertArrayEquals(new double[] {7e10, 1e8}, t.numeric("N"));
        assertArrayEquals(new double[] {1.4e12, 2e9}, t.numeric("D"));
        assertEquals(1.94, t.numeric("L")[0]);
        assertEquals(Double.NaN, t.numeric("L")[1]);
        assertArrayEquals(new String[] {"chinchilla", "tiny"}, t.text("set"));
        assertEquals(2, t.sourceRow(1));
        assertEquals(RowNumbering.ROW, t.numbering());
    }

    @Test
    void specLinesNumberTheRows() {
        Table t = InlineTable.of("spec.law", List.of("x"), List.of(List.of(1), List.of(2)),
                new int[] {12, 13}, RowNumbering.LINE);
        assertEquals(13, t.sourceRow(1));
        DataException e = expect(DataError.RAGGED_ROW, () -> InlineTable.of("spec.law", List.of("x", "y"),
                List.of(List.of(1, 2), List.of(3)), new int[] {12, 13}, RowNumbering.LINE));
        assertEquals(13, e.row());
        assertEquals(RowNumbering.LINE, e.numbering());
    }

    @Test
    void emptyInlineTables() {
        expect(DataError.EMPTY_TABLE, () -> InlineTable.of(List.of(), List.of()));
        expect(DataError.EMPTY_TABLE, () -> InlineTable.of(List.of("a"), List.of()));
    }
}
