package law.data;

import java.util.Optional;

/**
 * A problem with data, unchecked: a stable {@link DataError} code, the source (file path or
 * {@code "inline table"}), the row (a 1-based file line or data row, 0 when unknown), the column
 * (or {@code null}), a plain-English message and an optional help line.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final DataError error;
    private final String source;
    private final int row;
    private final RowNumbering numbering;
    private final String column;
    private final String detail;
    private final String help;

    private DataException(DataError error, String source, int row, RowNumbering numbering,
            String column, String detail, String help, Throwable cause) {
        super(compose(error, source, row, numbering, column, detail, help), cause);
        this.error = error;
        this.source = source;
        this.row = row;
        this.numbering = numbering;
        this.column = column;
        this.detail = detail;
        this.help = help;
    }

    /** An error about a whole source: no row, no column. */
    public static DataException of(DataError error, String source, String detail) {
        return new DataException(error, source, 0, RowNumbering.ROW, null, detail, null, null);
    }

    /** An error at a row (0 = unknown) and column ({@code null} = none) of a source. */
    public static DataException at(DataError error, String source, int row, RowNumbering numbering,
            String column, String detail) {
        return new DataException(error, source, row, numbering, column, detail, null, null);
    }

    /** A copy with a help line (e.g. a did-you-mean). */
    public DataException withHelp(String helpLine) {
        return new DataException(error, source, row, numbering, column, detail, helpLine, getCause());
    }

    /** A copy recording the low-level cause. */
    public DataException withCause(Throwable cause) {
        return new DataException(error, source, row, numbering, column, detail, help, cause);
    }

    /** The error kind and its stable code. */
    public DataError error() {
        return error;
    }

    /** The stable code, e.g. {@code "L0407"}. */
    public String code() {
        return error.code();
    }

    /** The file path or {@code "inline table"} the data came from. */
    public String source() {
        return source;
    }

    /** The 1-based row or line, 0 when the error is not about one row. */
    public int row() {
        return row;
    }

    /** Whether {@link #row()} is a file line or a data row. */
    public RowNumbering numbering() {
        return numbering;
    }

    /** The column the error is about, if any. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** The plain-English message without location, e.g. {@code "no column named 'los'"}. */
    public String detail() {
        return detail;
    }

    /** The help line, e.g. {@code "did you mean 'loss'?"}, if any. */
    public Optional<String> help() {
        return Optional.ofNullable(help);
    }

    /** Where: {@code "runs.csv, line 57, column 'loss'"} (parts that are unknown are left out). */
    public String location() {
        return location(source, row, numbering, column);
    }

    private static String location(String source, int row, RowNumbering numbering, String column) {
        StringBuilder sb = new StringBuilder(source == null ? "data" : source);
        if (row > 0) {
            sb.append(", ").append(numbering.word()).append(' ').append(row);
        }
        if (column != null) {
            sb.append(", column '").append(column).append('\'');
        }
        return sb.toString();
    }

    private static String compose(DataError error, String source, int row, RowNumbering numbering,
            String column, String detail, String help) {
        String text = "error[" + error.code() + "]: " + detail + "\n  --> "
                + location(source, row, numbering, column);
        return help == null ? text : text + "\n  help: " + help;
    }
}
