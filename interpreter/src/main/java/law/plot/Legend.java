package law.plot;

/**
 * Where a plot's legend goes: the {@code legend} option. By default to the right of the plot on
 * screen and below it on paper (a column has no room beside the plot); residual panels keep it
 * inside, in the corner that covers the fewest points and curves ({@link LegendCorner}).
 */
enum Legend {
    /** To the right of the plot. */
    RIGHT,
    /** Below the plot. */
    BELOW,
    /** Inside the plot, in its emptiest corner. */
    INSIDE,
    /** No legend. */
    NONE;

    /** The legend named by the option ({@code right}, {@code below}, {@code inside}, {@code none}), or {@code null}. */
    static Legend named(String n) {
        for (Legend l : values()) {
            if (l.name().equalsIgnoreCase(n)) {
                return l;
            }
        }
        return null;
    }
}
