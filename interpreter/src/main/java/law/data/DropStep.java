package law.data;

import java.util.Objects;

/**
 * One step that dropped rows: what it was (e.g. {@code "drop 5 largest L"}, {@code "where L < 5"},
 * {@code "dedup"}, {@code "nan = drop"}), how many rows it dropped, and an optional reason
 * (e.g. {@code "NaN in loss"}; {@code ""} when the step says it all).
 *
 * @param step   what the step was
 * @param rows   how many rows it dropped (0 or more)
 * @param reason why, or {@code ""}
 */
public record DropStep(String step, int rows, String reason) {
    /** Checks the fields. */
    public DropStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
        if (rows < 0) {
            throw new IllegalArgumentException("negative row count " + rows);
        }
    }

    /** {@code "drop 5 largest L: 5 rows"}, with {@code " (reason)"} when there is one. */
    public String render() {
        String text = step + ": " + rows + (rows == 1 ? " row" : " rows");
        return reason.isEmpty() ? text : text + " (" + reason + ")";
    }
}
