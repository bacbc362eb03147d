package law.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Builds one column while cells stream in, by the package's column rule: numbers are parsed as
 * they arrive; a column whose first non-blank cell is not numeric-like is kept as text from the
 * start; a column that turns out to be mixed (numbers, then a word) is marked {@link #isMixed()}
 * so the reader can collect its text in a second pass instead of holding every cell's string.
 */
final class ColumnBuilder {
    private double[] numbers = new double[8];
    private String[] texts;
    private int size;
    private int numericCells;
    private boolean mixed;

    /** Adds the next cell. */
    void add(String cell, CellParser parser) {
        if (texts != null) {
            if (size == texts.length) {
                texts = Arrays.copyOf(texts, size * 2);
            }
            texts[size++] = cell;
        } else if (mixed) {
            size++;
        } else if (parser.read(cell)) {
            if (size == numbers.length) {
                numbers = Arrays.copyOf(numbers, size * 2);
            }
            numbers[size++] = parser.value;
            if (!parser.blank) {
                numericCells++;
            }
        } else if (numericCells == 0) {
            texts = new String[Math.max(16, numbers.length)];
            Arrays.fill(texts, 0, size, "");
            numbers = null;
            texts[size++] = cell;
        } else {
            mixed = true;
            numbers = null;
            size++;
        }
    }

    /** Whether numeric cells were followed by a non-numeric one (the text must be re-read). */
    boolean isMixed() {
        return mixed;
    }

    /** The finished column; {@code rereadText} holds the cells of a mixed column, else unused. */
    Column build(String[] rereadText) {
        if (mixed) {
            return new TextColumn(rereadText);
        }
        if (texts != null) {
            return new TextColumn(Arrays.copyOf(texts, size));
        }
        return new NumericColumn(Arrays.copyOf(numbers, size));
    }

    /**
     * A column from whole cells (JSON values, inline table cells): {@code Number}, {@code Boolean}
     * (1/0), {@code null} (missing) or {@code String} (read by the cell rules). Numeric when every
     * cell is numeric-like, else text.
     */
    static Column fromCells(Object[] cells) {
        CellParser parser = new CellParser();
        double[] values = new double[cells.length];
        boolean numeric = true;
        for (int i = 0; i < cells.length && numeric; i++) {
            Object c = cells[i];
            if (c == null) {
                values[i] = Double.NaN;
            } else if (c instanceof Number n) {
                values[i] = n.doubleValue();
            } else if (c instanceof Boolean b) {
                values[i] = b ? 1 : 0;
            } else if (parser.read(c.toString())) {
                values[i] = parser.value;
            } else {
                numeric = false;
            }
        }
        if (numeric) {
            return new NumericColumn(values);
        }
        String[] texts = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            texts[i] = text(cells[i]);
        }
        return new TextColumn(texts);
    }

    /** A cell as text: integers exactly, other numbers in shortest form, null as empty. */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal d) {
            return d.toString();
        }
        if (cell instanceof Double || cell instanceof Float) {
            return Double.toString(((Number) cell).doubleValue());
        }
        if (cell instanceof Number n && !(n instanceof BigInteger)) {
            return Long.toString(n.longValue());
        }
        return cell.toString();
    }
}
