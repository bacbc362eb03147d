package law.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One step that dropped rows: what it was (e.g. {@code "drop 5 largest L"}, {@code "where L < 5"},
 * {@code "dedup"}, {@code "nan = drop"}), how many rows it dropped, an optional reason (e.g.
 * {@code "NaN in loss"}; {@code ""} when the step says it all) and which rows: their numbers in
 * the source (file lines or 1-based data rows, as {@link Table#sourceRow(int)}), in source order.
 *
 * @param step       what the step was
 * @param rows       how many rows it dropped (0 or more)
 * @param reason     why, or {@code ""}
 * @param sourceRows the dropped rows' numbers in the source, {@code rows} of them
 */
public record DropStep(String step, int rows, String reason, int[] sourceRows) {
    /** Checks the fields. */
    public DropStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
        if (rows < 0) {
            throw new IllegalArgumentException("negative row count " + rows);
        }
        sourceRows = sourceRows.clone();
        if (sourceRows.length != rows) {
            throw new IllegalArgumentException(rows + " rows dropped but " + sourceRows.length + " row numbers");
        }
    }

    /** The dropped rows' numbers in the source (a copy). */
    @Override
    public int[] sourceRows() {
        return sourceRows.clone();
    }

    /** {@code "drop 5 largest L: 5 rows"}, with {@code " (reason)"} when there is one. */
    public String render() {
        String text = step + ": " + rows + (rows == 1 ? " row" : " rows");
        return reason.isEmpty() ? text : text + " (" + reason + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DropStep d && d.step.equals(step) && d.rows == rows && d.reason.equals(reason)
                && Arrays.equals(d.sourceRows, sourceRows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(step, rows, reason, Arrays.hashCode(sourceRows));
    }

    @Override
    public String toString() {
        return "DropStep[" + render() + ", rows " + Arrays.toString(sourceRows) + "]";
    }
}
