package law.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableSummaryTest {
    @Test
    void rendersSourceStepsStatsTextColumnsAndPreview() {
        Table t = InlineTable.of(List.of("N", "L", "set"), List.of(
                List.of(1e8, 3.0, "a"), List.of(2e9, 2.5, "b"), List.of(2e9, 2.5, "b"),
                Arrays.asList(5e9, null, "a"), List.of(7e10, 2.0, "c"), List.of(1e11, 1.9, "a"),
                List.of(3e11, 1.8, "a")))
                .dedup().nanPolicy(NanPolicy.DROP);
        String text = TableSummary.render(t);
        String expected = String.join("\n",
                "source: inline table",
                "rows loaded: 7",
                "  dedup: 1 row",
                "  nan = drop: 1 row (NaN or infinite: 1 in 'L')",
                "rows kept: 5",
                "numeric columns:",
                "  column  min       median    max",
                "  N       1.00e+08  7.00e+10  3.00e+11",
                "  L       1.8       2         3",
                "text columns:",
                "  column  distinct  example",
                "  set     3         a",
                "first 5 rows:",
                "  row  N         L    set",
                "  1    1.00e+08  3    a",
                "  2    2.00e+09  2.5  b",
                "  5    7.00e+10  2    c",
                "  6    1.00e+11  1.9  a",
                "  7    3.00e+11  1.8  a",
                "");
        assertEquals(expected, text);
    }

    @Test
    void groupAndNaNCountsAppear() {
        Table t = InlineTable.of(List.of("C", "L"), List.of(List.of(1e19, 2.0),
                Arrays.asList(1e19, null)));
        String text = TableSummary.render(t.groupBy(List.of("C")).get(0), 1);
        assertTrue(text.contains("group: C=1e19\n"), text);
        assertTrue(text.contains("1 NaN/inf"), text);
        assertTrue(text.contains("first 1 row:\n"), text);
    }
}
