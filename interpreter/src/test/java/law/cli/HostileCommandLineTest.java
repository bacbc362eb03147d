package law.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against hostile specs and misplaced options: nothing a spec holds reaches the
 * terminal raw, options are honoured before or after the subcommand, exit codes stay documented.
 */
class HostileCommandLineTest {
    private static final String ESC = "\u001b";
    private static final String BEL = "\u0007";

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private static CliRun runWithInput(byte[] stdin, String... args) {
        return CliRun.withInput(stdin, args);
    }

    private Path spec(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Escape sequences in strings, comments, data cells and quoted lines are shown escaped, never sent raw. */
    @Test
    void specTextNeverReachesTheTerminalRaw() throws IOException {
        Files.writeString(dir.resolve("cells.csv"), "name,y\nok" + ESC + "[2J,1\nb,2\n");
        Path f = spec("esc.law", "print \"" + ESC + "]0;PWNED" + BEL + "\"\n"
                + "data d = csv(\"cells.csv\")\nprint d\n"
                + "let q = \"" + ESC + "[2J\" + nope # " + ESC + "[31m red\n");
        CliRun r = run("run", "--no-color", f.toString());
        assertEquals(65, r.exit(), r.all());
        assertFalse(r.all().contains(ESC), "raw ESC in: " + r.all().replace(ESC, "<ESC>"));
        assertFalse(r.all().contains(BEL), "raw BEL in: " + r.all());
        assertTrue(r.out().contains("\\u001b]0;PWNED\\u0007"), r.out());
        String quoted = "4 | let q = \"\\u001b[2J\" + nope # \\u001b[31m red\n";
        assertTrue(r.err().contains(quoted), r.err());
        assertCaretUnder("nope", r.err());
        CliRun json = run("run", "--json", f.toString());
        assertTrue(json.out().contains("\\u001B]0;PWNED\\u0007") || json.out().contains("\\u001b]0;PWNED\\u0007"),
                "JSON keeps the exact string, escaped the JSON way: " + json.out());
    }

    /** The carets of the first quoted line of {@code err} sit under {@code word} in that line. */
    private static void assertCaretUnder(String word, String err) {
        int quote = err.indexOf(" | ");
        int lineEnd = err.indexOf('\n', quote);
        String line = err.substring(err.lastIndexOf('\n', quote) + 1, lineEnd);
        String carets = err.substring(lineEnd + 1, err.indexOf('\n', lineEnd + 1));
        assertEquals(line.indexOf(word), carets.indexOf('^'), "caret under '" + word + "' in:\n" + err);
        assertEquals(word.length(), carets.chars().filter(c -> c == '^').count(), "one caret per character of '" + word + "':\n" + err);
    }

    /** A syntax error quotes its line escaped too. */
    @Test
    void syntaxErrorsQuoteEscaped() throws IOException {
        Path f = spec("syntax.law", "let r = 1 " + ESC + "[2J\n");
        CliRun r = run("check", "--no-color", f.toString());
        assertEquals(65, r.exit(), r.all());
        assertFalse(r.all().contains(ESC), "raw ESC in: " + r.all().replace(ESC, "<ESC>"));
        assertTrue(r.err().contains("1 | let r = 1 \\u001b[2J"), r.err());
    }

    /** The piped REPL's echo is escaped the same way. */
    @Test
    void pipedReplEchoIsEscaped() {
        CliRun r = runWithInput(("print \"" + ESC + "[2J\"\n:doc " + ESC + "x\n:" + ESC + "[2J\n").getBytes(StandardCharsets.UTF_8),
                "repl");
        assertFalse(r.all().contains(ESC), "raw ESC in: " + r.all().replace(ESC, "<ESC>"));
        assertTrue(r.out().contains("\\u001b[2J"), r.out());
    }

    /** A 5 MB line is quoted as a window around the caret, not reprinted whole under every error. */
    @Test
    void longLinesAreCutAroundTheCaret() throws IOException {
        String big = "x".repeat(5_000_000);
        Path f = spec("long.law", "let v = nope + 1 # " + big + "\nlet s = \"" + big + "\" + nope\n");
        CliRun r = run("run", "--no-color", f.toString());
        assertEquals(65, r.exit());
        assertTrue(r.err().length() < 2_000, "the errors are short: " + r.err().length() + " characters");
        String[] errors = r.err().split("(?=error\\[)");
        assertEquals(2, errors.length, r.err());
        assertTrue(errors[0].contains("1 | let v = nope + 1 # xxx") && errors[0].contains("xxx...\n"), errors[0]);
        assertCaretUnder("nope", errors[0]);
        assertTrue(errors[1].contains("2 | ...xxx") && errors[1].contains("xxx\" + nope\n"), errors[1]);
        assertCaretUnder("nope", errors[1]);
    }

    /** Non-UTF-8 bytes on stdin are refused like a file that is not UTF-8 (exit 66), after what came before ran. */
    @Test
    void pipedStdinThatIsNotUtf8() {
        byte[] latin1 = "print 1 + 1\nlet caf\u00e9 = 2\nprint 3\n".getBytes(StandardCharsets.ISO_8859_1);
        CliRun r = runWithInput(latin1, "repl");
        assertEquals(66, r.exit(), r.all());
        assertTrue(r.err().contains("error[L0003]: <stdin> is not UTF-8 text: line 2"), r.err());
        assertTrue(r.out().startsWith("2"), r.out());
        assertFalse(r.out().contains("3") || r.all().contains("\ufffd"), r.all());
    }

    /**
     * law fmt as a filter: stdin that is not UTF-8 is refused (exit 66, located), and given back
     * byte for byte rather than decoded with replacement characters into a corrupted copy.
     */
    @Test
    void fmtFilterRefusesStdinThatIsNotUtf8() {
        byte[] latin1 = "let x=1\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        synchronized (HostileCommandLineTest.class) {
            InputStream saved = System.in;
            try {
                System.setIn(new ByteArrayInputStream(latin1));
                exit = Main.run(new String[] {"fmt", "-"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
            } finally {
                System.setIn(saved);
            }
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(66, exit, e);
        assertTrue(e.contains("error[L0003]: '<stdin>' is not UTF-8 text") && e.contains("<stdin>:2:6"), e);
        assertArrayEquals(latin1, out.toByteArray());
        CliRun fine = runWithInput("let x=1\n".getBytes(StandardCharsets.UTF_8), "fmt", "-");
        assertEquals(0, fine.exit(), fine.all());
        assertEquals("let x = 1\n", fine.out());
    }

    /** Options before the subcommand are honoured, as the usage line shows them. */
    @Test
    void optionsBeforeTheSubcommand() throws IOException {
        Files.writeString(dir.resolve("spec.csv"), "x,y\n1,2\n");
        Path other = Files.createDirectory(dir.resolve("elsewhere"));
        Files.writeString(other.resolve("one.csv"), "x,y\n1,2\n3,4\n5,6\n");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path f = spec("sub/f.law", "data d = csv(\"../spec.csv\")\nd.rows\nlet r = 1..10\nr\n");
        CliRun plain = run("run", f.toString());
        assertEquals(65, plain.exit(), "the spec's own folder only: " + plain.all());
        CliRun allowed = run("--allow-path", dir.toString(), "run", f.toString());
        assertEquals(0, allowed.exit(), allowed.all());
        assertTrue(allowed.out().startsWith("1\n"), allowed.out());
        CliRun data = run("--data", "d=" + other.resolve("one.csv"), "run", f.toString());
        assertTrue(data.out().startsWith("3\n"), data.all());
        CliRun limited = run("--max-items", "3", "--allow-path", dir.toString(), "run", f.toString());
        assertEquals(65, limited.exit(), limited.all());
        assertTrue(limited.err().contains("the limit is 3"), limited.err());
        CliRun json = run("--json", "--allow-path", dir.toString(), "check", f.toString());
        assertTrue(json.out().strip().startsWith("{") && json.out().contains("\"law_version\""), json.out());
        CliRun both = run("--allow-path", sub.toString(), "run", "--allow-path", dir.toString(), f.toString());
        assertEquals(0, both.exit(), "a list option given in both places keeps both: " + both.all());
    }

    /** law report takes the options before it too, and prints a spec's strings escaped. */
    @Test
    void reportTakesOptionsBeforeItAndEscapes() throws IOException {
        Files.writeString(dir.resolve("pts.csv"), "x,y\n1,2\n2,4.1\n3,5.9\n4,8.2\n");
        Path sub = Files.createDirectory(dir.resolve("r"));
        Path f = spec("r/f.law", "law line(x) = k * x { k > 0\n  cite \"" + ESC + "[2J\" }\n"
                + "data d = csv(\"../pts.csv\")\nfit g = line(x) ~ y in d\n");
        CliRun plain = run("report", f.toString());
        assertEquals(65, plain.exit(), "the data is outside the spec's folder: " + plain.all());
        CliRun r = run("--allow-path", dir.toString(), "report", f.toString());
        assertEquals(0, r.exit(), r.all());
        assertFalse(r.all().contains(ESC), "raw ESC in: " + r.all().replace(ESC, "<ESC>"));
        assertEquals(2, run("-e", "print 1", "report", f.toString()).exit());
        assertTrue(sub.toFile().isDirectory());
    }

    @Test
    void evalWithASubcommandIsAUsageError() throws IOException {
        Path f = spec("f.law", "print 1\n");
        CliRun r = run("-e", "print 2", "run", f.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("-e"), r.err());
    }

    /** --max-items limits every list, not only ranges: a literal beyond it is refused, never printed. */
    @Test
    void listLiteralsObeyMaxItems() {
        CliRun r = run("--max-items", "3", "-e", "let v = [1, 2, 3, 4, 5, 6]; v");
        assertEquals(65, r.exit(), r.all());
        assertTrue(r.err().contains("error[L0902]: the number of elements of this list (6) exceeds the limit of 3"),
                r.err());
        assertFalse(r.out().contains("6"), r.out());
        CliRun within = run("--max-items", "3", "-e", "let v = [1, 2, 3]; v");
        assertEquals(0, within.exit(), within.all());
        assertEquals("[1, 2, 3]", within.out().strip());
    }

    /** A --data file with a data error exits 65 with that error only, not also "defines no dataset". */
    @Test
    void dataOverrideWithBadData() throws IOException {
        Files.writeString(dir.resolve("ragged.csv"), "x,y\n1,2\n3\n");
        Files.writeString(dir.resolve("ok.csv"), "x,y\n1,2\n");
        Path f = spec("f.law", "data d = csv(\"ok.csv\")\nd.rows\n");
        CliRun r = run("run", "--data", "d=" + dir.resolve("ragged.csv"), f.toString());
        assertEquals(65, r.exit(), r.all());
        assertTrue(r.err().contains("L0405"), r.err());
        assertFalse(r.err().contains("defines no dataset"), r.err());
        CliRun unknown = run("run", "--data", "e=" + dir.resolve("ok.csv"), f.toString());
        assertEquals(2, unknown.exit(), "a dataset the spec never defines is still a usage error");
    }
}
