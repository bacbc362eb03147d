package law.cli;

import java.io.PrintStream;

/** The output streams of the current command-line run (the real ones, or a test's). */
final class Streams {
    private static PrintStream out = System.out;
    private static PrintStream err = System.err;

    private Streams() {
    }

    static synchronized void set(PrintStream o, PrintStream e) {
        out = o;
        err = e;
    }

    static synchronized PrintStream out() {
        return out;
    }

    static synchronized PrintStream err() {
        return err;
    }
}
