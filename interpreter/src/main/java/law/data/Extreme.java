package law.data;

/** Which end of a column {@link Table#drop(int, Extreme, String)} removes rows from. */
public enum Extreme {
    /** The rows with the largest values. */
    LARGEST("largest"),
    /** The rows with the smallest values. */
    SMALLEST("smallest");

    private final String word;

    Extreme(String word) {
        this.word = word;
    }

    /** {@code "largest"} or {@code "smallest"}, as written in {@code .law}. */
    public String word() {
        return word;
    }
}
