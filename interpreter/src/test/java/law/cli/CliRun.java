package law.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One {@code law} command line run in-process, as the tests of the command line see it.
 *
 * @param exit its exit code
 * @param out  what it printed on standard output
 * @param err  what it printed on standard error
 */
record CliRun(int exit, String out, String err) {
    /** Both streams, standard output first. */
    String all() {
        return out + err;
    }

    /** Runs {@code args} with the test's standard input. */
    static CliRun run(String... args) {
        return withInput(null, args);
    }

    /** Runs {@code args} with {@code stdin} (unless null) as standard input. */
    static synchronized CliRun withInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream saved = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin));
            }
            int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(saved);
        }
    }
}
