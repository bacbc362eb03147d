package law.data;

/** What to do with NaN or infinite cells in the columns a data statement uses. */
public enum NanPolicy {
    /** Report the first such cell as error {@code L0409} (the default). */
    ERROR,
    /** Drop every row that has one, and count the dropped rows in the table's steps. */
    DROP
}
