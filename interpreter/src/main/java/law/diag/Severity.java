package law.diag;

/** How bad a diagnostic is: errors stop a statement, warnings and notes do not. */
public enum Severity {
    /** The statement could not be carried out. */
    ERROR,
    /** The statement ran but its result deserves a second look. */
    WARNING,
    /** Extra information. */
    NOTE;

    /** The lower-case word used in rendered diagnostics. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
