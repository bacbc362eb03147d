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
}
