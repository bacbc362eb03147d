package law.data;

import static law.data.TestData.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableOpsTest {
    private static Table runs() {
        return InlineTable.of(List.of("Model Size", "C", "L", "set"), List.of(
                List.of(1e8, 6e18, 3.0, "a"),
                List.of(2e8, 6e18, 5.0, "b"),
                List.of(1e8, 6e18, 3.0, "a"),
                List.of(4e8, 1e19, 5.0, "a"),
                List.of(8e8, 1e19, 1.0, "b")));
    }

    @Test
    void selectRenameBindShareColumnsAndKeepTheOriginal() {
        Table t = runs();
        Table b = t.bind("N", "Model Size");
        assertEquals(List.of("Model Size", "C", "L", "set", "N"), b.columnNames());
        assertSame(t.column("Model Size"), b.column("N"));
        assertEquals(4, t.columnNames().size(), "the original is unchanged");
        Table s = b.select(List.of("N", "L"));
        assertEquals(List.of("N", "L"), s.columnNames());
        Table r = t.rename("L", "loss");
        assertEquals(List.of("Model Size", "C", "loss", "set"), r.columnNames());
        Table replaced = t.bind("C", "L");
        assertEquals(List.of("Model Size", "C", "L", "set"), replaced.columnNames());
        assertArrayEquals(t.numeric("L"), replaced.numeric("C"));
    }

    @Test
    void numericReturnsACopy() {
        Table t = runs();
        t.numeric("L")[0] = 99;
        assertEquals(3.0, t.numeric("L")[0]);
    }

    @Test
    void deriveWholeColumnAndPerRow() {
        Table t = runs().bind("N", "Model Size").derive("D", List.of("C", "N"), x -> {
            double[] c = x.numeric("C");
            double[] n = x.numeric("N");
            double[] d = new double[c.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = c[i] / (6 * n[i]);
            }
            return d;
        });
        assertEquals(1e10, t.numeric("D")[0], 1e-3);
        Table u = t.deriveRows("ND", List.of("N", "D"), r -> r.number("N") * r.number("D"));
        assertEquals(1e18, u.numeric("ND")[0], 1e3);
        assertEquals(5, u.rowCount());
        assertTrue(u.steps().isEmpty());
    }

    @Test
    void whereRecordsItsStep() {
        Table t = runs().whereRows("where L < 5", r -> r.number("L") < 5);
        assertEquals(3, t.rowCount());
        assertEquals(List.of(new DropStep("where L < 5", 2, "", new int[] {2, 4})), t.steps());
        assertArrayEquals(new int[] {1, 3, 5}, new int[] {t.sourceRow(0), t.sourceRow(1), t.sourceRow(2)});
        assertEquals(5, t.loadedRows());
    }

    @Test
    void dropLargestAndSmallestBreakTiesByRowOrder() {
        Table t = runs().drop(1, Extreme.LARGEST, "L");
        assertArrayEquals(new double[] {3, 3, 5, 1}, t.numeric("L"), "the earlier of the two 5s goes");
        assertEquals(4, t.sourceRow(2));
        Table s = runs().drop(2, Extreme.SMALLEST, "L");
        assertArrayEquals(new double[] {5, 3, 5}, s.numeric("L"));
        assertEquals(List.of(new DropStep("drop 2 smallest L", 2, "", new int[] {1, 5})), s.steps());
        assertEquals("drop 2 smallest L: 2 rows", s.steps().get(0).render());
        assertEquals(5, runs().drop(0, Extreme.LARGEST, "L").rowCount());
    }

    @Test
    void dropRefusesNaN() {
        Table t = InlineTable.of(List.of("L"), List.of(List.of(1), Arrays.asList((Object) null)));
        DataException e = expect(DataError.NON_FINITE_CELL, () -> t.drop(1, Extreme.LARGEST, "L"));
        assertEquals(2, e.row());
    }

    @Test
    void dedupKeepsTheFirstOfExactDuplicates() {
        Table t = runs().dedup();
        assertEquals(4, t.rowCount());
        assertEquals(List.of(new DropStep("dedup", 1, "", new int[] {3})), t.steps());
        assertEquals(4, t.sourceRow(2));
        Table nan = InlineTable.of(List.of("a", "b"), List.of(Arrays.asList(1, null), Arrays.asList(1, null),
                Arrays.asList(1, 2)));
        assertEquals(2, nan.dedup().rowCount(), "NaN equals NaN for dedup");
    }

    @Test
    void groupByKeepsFirstAppearanceOrderAndNamesGroups() {
        List<Table> groups = runs().groupBy(List.of("C"));
        assertEquals(2, groups.size());
        assertEquals("C=6e18", groups.get(0).groupKey().render());
        assertEquals("C=1e19", groups.get(1).groupKey().render());
        assertEquals(3, groups.get(0).rowCount());
        assertEquals(List.of(6e18), groups.get(0).groupKey().values());
        List<Table> two = runs().groupBy(List.of("set", "C"));
        assertEquals(List.of("set=a, C=6e18", "set=b, C=6e18", "set=a, C=1e19", "set=b, C=1e19"),
                two.stream().map(g -> g.groupKey().render()).toList());
        assertArrayEquals(new int[] {1, 3}, new int[] {two.get(0).sourceRow(0), two.get(0).sourceRow(1)});
        assertTrue(runs().groupKey().isEmpty());
    }

    @Test
    void stepsAccumulateInOrder() {
        Table t = runs().dedup().drop(1, Extreme.LARGEST, "L").whereRows("where L > 0", r -> true);
        assertEquals(List.of("dedup: 1 row", "drop 1 largest L: 1 row", "where L > 0: 0 rows"),
                t.steps().stream().map(DropStep::render).toList());
    }

    @Test
    void hashIsStableAndSensitiveToEveryValue() {
        String h = runs().hash();
        assertTrue(h.matches("sha256:[0-9a-f]{64}"), h);
        assertEquals(h, runs().hash());
        assertNotEquals(h, runs().rename("L", "loss").hash());
        assertNotEquals(h, runs().drop(1, Extreme.LARGEST, "L").hash());
        Table tiny = InlineTable.of(List.of("x"), List.of(List.of(1.0)));
        Table nudged = InlineTable.of(List.of("x"), List.of(List.of(Math.nextUp(1.0))));
        assertNotEquals(tiny.hash(), nudged.hash());
        Table text = InlineTable.of(List.of("x"), List.of(List.of("1.0x")));
        assertNotEquals(tiny.hash(), text.hash());
    }

    @Test
    void numbersFormatCompactlyAndExactly() {
        assertEquals("1.23e+09", Numbers.compact(1.2345e9));
        assertEquals("2.2256", Numbers.compact(2.22564));
        assertEquals("245", Numbers.compact(245));
        assertEquals("0.0015", Numbers.compact(0.0015));
        assertEquals("NaN", Numbers.compact(Double.NaN));
        assertEquals("-inf", Numbers.compact(Double.NEGATIVE_INFINITY));
        assertEquals("1e19", Numbers.exact(1e19));
        assertEquals("1.25e16", Numbers.exact(1.25e16));
        assertEquals("331776", Numbers.exact(331776.0));
        assertEquals("0.5", Numbers.exact(0.5));
        assertEquals("-2.5e-7", Numbers.exact(-2.5e-7));
    }
}
