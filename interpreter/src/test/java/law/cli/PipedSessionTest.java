package law.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements piped into {@code law} or {@code law repl} run as a session at the prompt does: a
 * name may be defined again (docs/repl.md), while a file run with {@code law run} refuses it.
 */
class PipedSessionTest {
    private static final String TWICE = "let x = 1\nlet x = 2\nprint x\n";

    @TempDir
    Path dir;

    @Test
    void pipedInputMayDefineANameAgainAsAtThePrompt() {
        for (String[] args : new String[][] {{"repl"}, {}}) {
            CliRun r = CliRun.withInput(TWICE.getBytes(StandardCharsets.UTF_8), args);
            assertEquals(0, r.exit(), r.all());
            assertEquals("2", r.out().strip(), r.all());
            assertEquals("", r.err());
        }
    }

    @Test
    void aFileStillDefinesANameOnce() throws IOException {
        Path f = dir.resolve("twice.law");
        Files.writeString(f, TWICE);
        CliRun r = CliRun.run("run", f.toString());
        assertEquals(65, r.exit(), r.all());
        assertTrue(r.err().contains("error[L0204]: 'x' is already defined on line 1"), r.err());
    }

    /** docs/repl.md: a piped run exits as law run would, so a command that fails counts as a failed statement. */
    @Test
    void aFailingCommandIsAnErrorOnItsLineOfStdinAndSetsTheExitCode() {
        CliRun r = CliRun.withInput(":allow /nonexistent\nprint 1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(65, r.exit(), r.all());
        assertEquals("1", r.out().strip(), "the input goes on after it");
        assertTrue(r.err().startsWith("error[L0007]: '/nonexistent' is not a directory (/nonexistent does not exist)\n"
                + " --> <stdin>:1:8\n"), r.err());
        CliRun typo = CliRun.withInput("print 1\n:laod x\n".getBytes(StandardCharsets.UTF_8), "repl");
        assertEquals(65, typo.exit(), typo.all());
        assertTrue(typo.err().contains("error[L0007]: unknown command ':laod'\n --> <stdin>:2:1\n"), typo.err());
        CliRun missing = CliRun.withInput(":load nope.law\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(66, missing.exit(), "a missing file, as law run nope.law: " + missing.all());
        assertTrue(missing.err().startsWith("error[L0002]: file 'nope.law' not found"), missing.err());
    }

    @Test
    void pipedLoadRunsTheFile() throws IOException {
        Path f = dir.resolve("lib.law");
        Files.writeString(f, "let x = 20\n");
        CliRun r = CliRun.withInput((":load " + f + "\nprint x + 1\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(0, r.exit(), r.all());
        assertEquals("21", r.out().strip(), r.all());
    }

    /**
     * law repl FILE with a FILE that cannot be read: the diagnostic law run FILE gives (L0002 or
     * L0003 at the name on the command line), exit 66, and the input is not run (on a terminal the
     * prompt does not open: the check comes before either).
     */
    @Test
    void aReplFileThatCannotBeReadIsReportedAsLawRunReportsIt() throws IOException {
        String missing = dir.resolve("nope.law").toString();
        byte[] input = "print 1\n".getBytes(StandardCharsets.UTF_8);
        CliRun repl = CliRun.withInput(input, "repl", missing);
        CliRun run = CliRun.run("run", missing);
        assertEquals(66, repl.exit(), repl.all());
        assertEquals(66, run.exit(), run.all());
        assertEquals("", repl.out(), "the input did not run");
        String located = "error[L0002]: file '" + missing + "' not found (looked at " + missing + ")\n"
                + " --> <command line>:1:10\n"
                + "  |\n"
                + "1 | law repl " + missing + "\n"
                + "  |          " + "^".repeat(missing.length()) + "\n";
        assertEquals(located, repl.err());
        assertEquals(run.err().replace("law run ", "law repl ").replace(":1:9", ":1:10").replace("   ^", "    ^"),
                repl.err(), "the same diagnostic as law run's, at the argument");
        CliRun json = CliRun.withInput(input, "repl", "--json", missing);
        assertEquals(66, json.exit(), json.all());
        assertEquals("", json.err());
        assertTrue(json.out().contains("\"code\" : \"L0002\"") && json.out().contains("\"exit\" : 66")
                && !json.out().contains("<stdin>"), json.out());
        Path folder = Files.createDirectories(dir.resolve("folder"));
        CliRun notAFile = CliRun.withInput(input, "repl", folder.toString());
        assertEquals(66, notAFile.exit(), notAFile.all());
        assertTrue(notAFile.err().startsWith("error[L0003]: '" + folder + "' is a folder, not a .law file\n"
                + " --> <command line>:1:10\n"), notAFile.err());
    }
}
