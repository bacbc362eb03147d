package law.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors of the other commands are L0006 diagnostics on the command line too, exit 2. */
class UsageErrorsTest {
    @TempDir
    Path dir;

    /** An option that takes a value swallowed the spec: say which, and how to write it. */
    @Test
    void anOptionThatTookTheSpecAsItsValueIsNamed() {
        CliRun r = CliRun.run("run", "--allow-path", "s.law");
        assertEquals(2, r.exit(), r.all());
        assertEquals("""
                error[L0006]: missing FILE: --allow-path took 's.law' as its DIR
                 --> <command line>:1:22
                  |
                1 | law run --allow-path s.law
                  |                      ^^^^^
                  = help: give --allow-path its DIR before the file: law run --allow-path DIR s.law
                """, r.err());
        CliRun top = CliRun.run("--threads", "2", "check", "-q", "--data", "x.law");
        assertEquals(2, top.exit(), top.all());
        assertTrue(top.err().startsWith("error[L0006]: "), top.err());
        CliRun data = CliRun.run("run", "--data", "x=y.law");
        assertTrue(data.err().startsWith("error[L0006]: missing FILE: 'law run' needs FILE (the .law files to run, "
                + "in order)\n"), "--data's value is NAME=PATH, not a spec: " + data.err());
        CliRun plain = CliRun.run("check", "-q");
        assertTrue(plain.err().startsWith("error[L0006]: missing FILE: 'law check' needs FILE (the .law files to "
                + "check)\n"), plain.err());
        assertTrue(plain.err().contains("= help: usage: law check [OPTIONS] FILE...; 'law check --help' lists the options"),
                plain.err());
    }

    @Test
    void docWithoutANameOrWithAnUnknownOne() {
        CliRun none = CliRun.run("doc");
        assertEquals(2, none.exit());
        assertTrue(none.err().startsWith("error[L0006]: say which law to document\n --> <command line>:1:1\n"),
                none.err());
        CliRun typo = CliRun.run("doc", "chinchila");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().startsWith("error[L0006]: no stdlib law is named 'chinchila'\n --> <command line>:1:9\n"),
                typo.err());
        assertTrue(typo.err().contains("help: did you mean 'chinchilla'?"), typo.err());
    }

    @Test
    void limitsBelowTheirMinimumAreRefusedNotClamped() throws IOException {
        Path f = dir.resolve("s.law");
        Files.writeString(f, "print 1\n");
        CliRun starts = CliRun.run("run", "--max-starts", "-5", f.toString());
        assertEquals(2, starts.exit(), starts.all());
        assertTrue(starts.err().startsWith("error[L0006]: --max-starts must be at least 1, not -5\n"
                + " --> <command line>:1:22\n"), starts.err());
        assertEquals("", starts.out(), "nothing ran");
        CliRun threads = CliRun.run("run", "--threads=0", f.toString());
        assertEquals(2, threads.exit(), threads.all());
        assertTrue(threads.err().startsWith("error[L0006]: --threads must be between 1 and 1024, not 0\n"
                + " --> <command line>:1:19\n"), "the caret on the value after '=': " + threads.err());
        CliRun boot = CliRun.run("repl", "--max-bootstrap=-1");
        assertEquals(2, boot.exit(), boot.all());
        assertTrue(boot.err().contains("--max-bootstrap must be at least 0, not -1"), boot.err());
        CliRun items = CliRun.run("report", "--max-items", "0", f.toString());
        assertEquals(2, items.exit(), items.all());
        assertTrue(items.err().contains("--max-items must be at least 1, not 0"), items.err());
    }

    /**
     * An --allow-path that is not a directory is a typo that would show only later, as a refusal
     * of a path the user meant to allow: L0006 at its value, exit 2, before anything runs, for
     * every command that runs specs (and each bad value at once).
     */
    @Test
    void anAllowPathThatIsNotADirectoryIsRefused() throws IOException {
        Path f = dir.resolve("s.law");
        Files.writeString(f, "print 1\n");
        String missing = dir.resolve("nonexistent").toString();
        CliRun r = CliRun.run("run", "--allow-path", missing, f.toString());
        assertEquals(2, r.exit(), r.all());
        assertEquals("", r.out(), "nothing ran");
        String line = "law run --allow-path " + missing + " " + f;
        assertEquals("error[L0006]: --allow-path '" + missing + "' is not a directory (" + missing + " does not exist)\n"
                + " --> <command line>:1:22\n"
                + "  |\n"
                + "1 | " + line + "\n"
                + "  |                      " + "^".repeat(missing.length()) + "\n"
                + "  = help: --allow-path takes a directory\n", r.err());
        CliRun file = CliRun.run("--allow-path", dir.toString(), "check", "--allow-path=" + f, f.toString());
        assertEquals(2, file.exit(), file.all());
        assertTrue(file.err().startsWith("error[L0006]: --allow-path '" + f + "' is not a directory\n"
                + " --> <command line>:1:" + (("law --allow-path " + dir + " check --allow-path=").length() + 1) + "\n"),
                "the caret on the value after '=': " + file.err());
        assertTrue(file.err().contains("= help: --allow-path takes a directory, such as the one holding it: " + dir),
                file.err());
        CliRun both = CliRun.run("run", "--allow-path", missing, "--allow-path", f.toString(), f.toString());
        assertEquals(2, both.err().split("error\\[L0006]", -1).length - 1, both.err());
        for (String[] args : new String[][] {{"-e", "print 1", "--allow-path", missing},
            {"report", "--allow-path", missing, f.toString()}, {"repl", "--allow-path", missing},
            {"--allow-path", missing}}) {
            CliRun other = CliRun.withInput("print 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), args);
            assertEquals(2, other.exit(), String.join(" ", args) + ": " + other.all());
            assertTrue(other.err().startsWith("error[L0006]: --allow-path '" + missing + "' is not a directory"),
                    other.err());
        }
        assertEquals(0, CliRun.run("run", "--allow-path", dir.toString(), f.toString()).exit(), "a directory is fine");
        CliRun empty = CliRun.run("run", "--allow-path", "", f.toString());
        assertEquals(2, empty.exit(), "an unset variable's empty value would allow the working directory: " + empty.all());
        assertTrue(empty.err().startsWith("error[L0006]: --allow-path is empty"), empty.err());
    }

    @Test
    void aFolderOrAnEmptyNameIsNotASpec() {
        CliRun folder = CliRun.run("run", dir.toString());
        assertEquals(66, folder.exit(), folder.err());
        assertTrue(folder.err().startsWith("error[L0003]: '" + dir + "' is a folder, not a .law file\n"
                + " --> <command line>:1:9\n"), folder.err());
        CliRun empty = CliRun.run("run", "");
        assertEquals(66, empty.exit(), empty.err());
        assertTrue(empty.err().startsWith("error[L0003]: the file name is empty\n"), empty.err());
    }

    @Test
    void fmtLocatesAMissingFileOnTheCommandLine() {
        String missing = dir.resolve("missing.law").toString();
        CliRun r = CliRun.run("fmt", missing);
        assertEquals(66, r.exit(), r.err());
        assertTrue(r.err().contains(" --> <command line>:1:9\n"), r.err());
    }
}
