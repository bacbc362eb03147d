package law.data;

/** How a table numbers its rows in messages: by line in the source file, or by data row. */
public enum RowNumbering {
    /** 1-based line number in the source file (CSV rows, JSON objects). */
    LINE("line"),
    /** 1-based data row (inline tables, JSON columns, simulated tables). */
    ROW("row");

    private final String word;

    RowNumbering(String word) {
        this.word = word;
    }

    /** The word used in messages: {@code "line"} or {@code "row"}. */
    public String word() {
        return word;
    }
}
