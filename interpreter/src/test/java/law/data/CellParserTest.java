package law.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellParserTest {
    private final CellParser parser = new CellParser();

    private double read(String cell) {
        assertTrue(parser.read(cell), () -> "expected numeric-like: '" + cell + "'");
        return parser.value;
    }

    @Test
    void plainAndScientificNumbers() {
        assertEquals(42.0, read("42"));
        assertEquals(-0.5, read("-0.5"));
        assertEquals(0.5, read(".5"));
        assertEquals(5.0, read("5."));
        assertEquals(1e20, read("1e+20"));
        assertEquals(9.993852799709755e+18, read("9.993852799709755e+18"));
        assertEquals(2.5e-3, read("+2.5E-3"));
        assertEquals(3.1, read("  3.1 "));
        assertEquals(9456351902178213888.0, read("9456351902178213888"));
    }

    @Test
    void countSuffixes() {
        assertEquals(2.8e9, read("2.8B"));
        assertEquals(7e10, read("70B"));
        assertEquals(1.4e12, read("1.4T"));
        assertEquals(2.62e8, read("262M"));
        assertEquals(3e3, read("3k"));
        assertEquals(1e15, read("1P"));
        assertEquals(0.1e9, read("0.1B"));
    }

    @Test
    void wordsBooleansAndMissing() {
        assertEquals(1.0, read("True"));
        assertEquals(0.0, read("False"));
        assertEquals(1.0, read("true"));
        assertEquals(0.0, read("FALSE"));
        assertTrue(Double.isNaN(read("NaN")));
        assertTrue(Double.isNaN(read("nan")));
        assertTrue(Double.isNaN(read("")));
        assertTrue(parser.blank);
        assertTrue(Double.isNaN(read("   ")));
        assertEquals(Double.POSITIVE_INFINITY, read("inf"));
        assertEquals(Double.POSITIVE_INFINITY, read("Inf"));
        assertEquals(Double.NEGATIVE_INFINITY, read("-inf"));
        assertEquals(Double.NEGATIVE_INFINITY, read("-Infinity"));
        read("1");
        assertFalse(parser.blank);
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String s : new String[] {"abc", "2b832b4b", "#faebdd", "1e", "e5", "-", ".", "+.", "1.2.3",
            "1e3k", "2.8b", "2.8 B", "70BB", "1,000", "0x10", "1d", "1f", "Infinityy", "nana", "TRUE1",
            "6 Enc, 6 Dec", "NA", "--1", "1e+", "tRUE"}) {
            assertFalse(parser.read(s), () -> "should not be numeric: '" + s + "'");
            assertTrue(Double.isNaN(parser.value));
        }
    }

    @Test
    void agreesWithDoubleParseDoubleBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            String s;
            switch (i % 4) {
                case 0: s = Double.toString(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
                    break;
                case 1: s = String.format(Locale.ROOT, "%.17g", random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
                    break;
                case 2: s = random.nextLong(1_000_000_000_000_000_000L) + "." + random.nextInt(1_000_000);
                    break;
                default: s = random.nextInt(1, 10) + "." + random.nextLong(1L << 62) + "e" + random.nextInt(-320, 309);
            }
            double expected = Double.parseDouble(s);
            String cell = s;
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(read(cell)),
                    () -> "differs for " + cell);
        }
    }
}
