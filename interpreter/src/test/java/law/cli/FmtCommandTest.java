package law.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code law fmt}: rewriting, --check, --diff, folders, and the exit codes. */
class FmtCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private Path spec(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void checkListsFilesThatWouldChangeAndExits1() throws IOException {
        Path ugly = spec("ugly.law", "let x=1\n");
        Path fine = spec("fine.law", "let x = 1\n");
        CliRun r = run("fmt", "--check", ugly.toString(), fine.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(ugly + "\n", r.out());
        assertTrue(r.err().contains("run: law fmt"), r.err());
        assertEquals("let x=1\n", Files.readString(ugly), "--check writes nothing");
        assertEquals(0, run("fmt", "--check", fine.toString()).exit());
    }

    @Test
    void rewritesInPlaceAndFolders() throws IOException {
        Path a = spec("a.law", "let x=1\n");
        Path b = spec("sub/b.law", "print  1+2\n");
        spec("sub/notes.txt", "let x=1\n");
        CliRun r = run("fmt", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("let x = 1\n", Files.readString(a));
        assertEquals("print 1 + 2\n", Files.readString(b));
        assertEquals("let x=1\n", Files.readString(dir.resolve("sub/notes.txt")));
        assertEquals(0, run("fmt", "--check", dir.toString()).exit());
    }

    @Test
    void diffShowsTheChange() throws IOException {
        Path a = spec("a.law", "let x=1\n");
        CliRun r = run("fmt", "--diff", a.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("-let x=1\n+let x = 1\n"), r.out());
    }

    @Test
    void syntaxErrorsAndMissingFiles() throws IOException {
        Path bad = spec("bad.law", "let x = (1 +\n");
        CliRun r = run("fmt", bad.toString());
        assertEquals(65, r.exit());
        assertTrue(r.err().contains("error[L0102]"), r.err());
        assertEquals("let x = (1 +\n", Files.readString(bad));
        assertEquals(66, run("fmt", dir.resolve("nope.law").toString()).exit());
        assertEquals(2, run("fmt").exit());
    }
}
