package law.session;

import law.diag.Code;

/** The documented process exit codes (sysexits-style where one fits). */
public final class ExitCode {
    /** Everything ran and every expectation held. */
    public static final int OK = 0;
    /** Everything ran but an {@code expect} failed. */
    public static final int EXPECT_FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The spec or its data has an error (syntax, names, bad data, a fit that cannot run). */
    public static final int SPEC_ERROR = 65;
    /** A spec file, module or data file does not exist or cannot be read. */
    public static final int NO_INPUT = 66;
    /** A bug in law. */
    public static final int INTERNAL = 70;
    /** An output file could not be written. */
    public static final int CANT_CREATE = 73;

    private ExitCode() {
    }

    /** Codes that mean an input is missing or unreadable. */
    static boolean isMissingInput(Code code) {
        return code == Code.FILE_NOT_FOUND || code == Code.FILE_UNREADABLE || code == Code.DATA_NOT_FOUND
                || code == Code.DATA_UNREADABLE;
    }
}
