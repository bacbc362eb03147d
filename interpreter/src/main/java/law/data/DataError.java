package law.data;

/**
 * Stable codes of the data stage's errors (block {@code L04xx}). Tests and tools match on these,
 * never on message text.
 */
public enum DataError {
    /** The data file does not exist. */
    FILE_NOT_FOUND("L0401", "file not found"),
    /** The file exists but cannot be read as UTF-8 text (a directory, binary, not UTF-8, I/O error). */
    UNREADABLE_FILE("L0402", "file cannot be read as text"),
    /** The file is text but not well-formed CSV or JSON, or JSON of an unsupported shape. */
    MALFORMED_FILE("L0403", "malformed data file"),
    /** The table has no header, or a header and no data rows. */
    EMPTY_TABLE("L0404", "empty table"),
    /** A row has more or fewer cells than the header has columns. */
    RAGGED_ROW("L0405", "row length differs from the header"),
    /** Two columns have the same name. */
    DUPLICATE_COLUMN("L0406", "duplicate column name"),
    /** A column name that the table does not have. */
    MISSING_COLUMN("L0407", "no such column"),
    /** A cell that is not a number, in a column used as a number. */
    NON_NUMERIC_CELL("L0408", "non-numeric cell"),
    /** A NaN or infinite cell under the NaN policy {@code error} (the default). */
    NON_FINITE_CELL("L0409", "NaN or infinite cell"),
    /** A derived or simulated value that is NaN or infinite. */
    NON_FINITE_DERIVED("L0410", "derived value is not finite"),
    /** A numeric column used where text is needed. */
    TEXT_EXPECTED("L0411", "numeric column used as text"),
    /** An operation that cannot be done on this table (e.g. dropping more rows than there are). */
    INVALID_OPERATION("L0412", "invalid data operation");

    private final String code;
    private final String title;

    DataError(String code, String title) {
        this.code = code;
        this.title = title;
    }

    /** The stable code, e.g. {@code "L0401"}. */
    public String code() {
        return code;
    }

    /** A short title of the error kind, e.g. {@code "file not found"}. */
    public String title() {
        return title;
    }
}
