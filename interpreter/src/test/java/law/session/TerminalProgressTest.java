package law.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import law.eval.Progress;
import org.junit.jupiter.api.Test;

/** The terminal's bar: drawn once a task runs long enough, and cleared without leaving a line behind. */
class TerminalProgressTest {

    @Test
    void aFinishedBarIsClearedAndLeavesNoEmptyLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress.Task task = new TerminalProgress(err).start("table: rows", 10);
        task.step(3);
        for (int i = 0; i < 200 && !bytes.toString(StandardCharsets.UTF_8).contains("table: rows"); i++) {
            Thread.sleep(50);
        }
        task.step(2);
        task.done();
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("table: rows"), "the bar was drawn: " + drawn);
        assertTrue(drawn.endsWith("\r"), "the cursor is back at the start of the cleared line: " + drawn);
        assertFalse(drawn.contains("\n"), "no empty line is left before what is printed next: " + drawn);
        String last = drawn.substring(drawn.lastIndexOf('\r', drawn.length() - 2) + 1);
        assertTrue(last.isBlank(), "the line is cleared: '" + last + "'");
    }
}
