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
}
