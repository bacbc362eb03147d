package law.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: subcommands, exit codes, JSON output, and no stack traces. */
class MainTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private Path spec(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void evaluatesStatementsFromTheCommandLine() {
        CliRun r = run("-e", "let x = 2; x^10");
        assertEquals(0, r.exit());
        assertEquals("1024", r.out().strip());
    }

    @Test
    void versionAndHelp() {
        assertTrue(run("--version").out().startsWith("law "));
        CliRun help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("check"), help.out());
    }

    @Test
    void usageErrorsExitWith2() {
        CliRun r = run("run");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'law run --help' lists the options"), r.err());
        assertEquals(2, run("--no-such-flag").exit());
    }

    @Test
    void checkFailsWhenAnExpectationFails() throws IOException {
        Path p = spec("a.law", "let x = 3\nexpect x = 4 +- 0.5\n");
        CliRun r = run("check", p.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("error[L0501]"), r.err());
        assertTrue(r.err().contains("a.law:2:1"), r.err());
        assertTrue(r.out().contains("0 expectations held, 1 failed"), r.out());
    }

    @Test
    void specErrorsExitWith65AndMissingFilesWith66() throws IOException {
        assertEquals(65, run("run", spec("b.law", "let x = y\n").toString()).exit());
        assertEquals(66, run("run", dir.resolve("missing.law").toString()).exit());
        assertEquals(66, run("run", spec("c.law", "data d = csv(\"nope.csv\")\n").toString()).exit());
    }

    @Test
    void dataOverrideReplacesThePathInTheSpec() throws IOException {
        Files.writeString(dir.resolve("real.csv"), "N,L\n1,2\n3,4\n5,6\n");
        Path p = spec("d.law", "data runs = csv(\"placeholder.csv\")\nexpect runs.rows = 3\n");
        assertEquals(66, run("check", p.toString()).exit());
        CliRun r = run("check", "--data", "runs=" + dir.resolve("real.csv"), p.toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void jsonOutputIsOneDocument() throws IOException {
        Path p = spec("e.law", "let x = 2\nx * 3\nexpect x = 2\nx + y\n");
        CliRun r = run("run", "--json", p.toString());
        assertEquals(65, r.exit());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(65, doc.get("exit").asInt());
        JsonNode file = doc.get("files").get(0);
        assertEquals(6.0, file.get("results").get(0).get("value").asDouble());
        assertEquals("L0201", file.get("diagnostics").get(0).get("code").asText());
        assertEquals(4, file.get("diagnostics").get(0).get("line").asInt());
        assertFalse(doc.get("law_version").asText().isEmpty());
    }

    @Test
    void garbageNeverPrintsAStackTrace() throws IOException {
        byte[] junk = new byte[4096];
        new java.util.Random(1).nextBytes(junk);
        Path bin = dir.resolve("junk.law");
        Files.write(bin, junk);
        CliRun r = run("run", bin.toString());
        assertEquals(66, r.exit());
        assertFalse(r.err().contains("\tat "), r.err());
        CliRun deep = run("-e", "(".repeat(5000) + "1" + ")".repeat(5000));
        assertEquals(65, deep.exit());
        assertTrue(deep.err().contains("L0107"), deep.err());
    }

    /**
     * Two runs the same but for how the command line is quoted in a usage error's source line
     * ({@code --data=t=x} and {@code --data t=x} are spelt differently, and each is shown as typed).
     */
    private static void assertSame(CliRun a, CliRun b) {
        assertEquals(a.exit(), b.exit());
        assertEquals(a.out(), b.out());
        String quoted = "(?m)^(1 \\| .*|  \\| *\\^+| --> <command line>:.*)\n";
        assertEquals(a.err().replaceAll(quoted, ""), b.err().replaceAll(quoted, ""));
    }

    /** The quick path (no picocli) for -e, run and check means what picocli makes of the same words. */
    @Test
    void quickCommandLinesMatchPicocli() throws IOException {
        Path ok = spec("q.law", "let x = 3\nx * 2\nexpect x = 3\n");
        Path bad = spec("r.law", "let x = y\n");
        String threads = "--threads=" + Runtime.getRuntime().availableProcessors();
        assertSame(run("--eval=let x = 2; x^10"), run("-e", "let x = 2; x^10"));
        assertSame(run("-e", "1 +"), run("--eval=1 +"));
        assertSame(run("run", threads, ok.toString(), bad.toString()), run("run", ok.toString(), bad.toString()));
        assertSame(run("check", threads, ok.toString()), run("check", ok.toString()));
        assertSame(run("run", threads, dir.resolve("missing.law").toString()),
                run("run", dir.resolve("missing.law").toString()));
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "x,y\n1,2\n2,4\n");
        Path data = spec("d.law", "data t = csv(\"elsewhere.csv\")\nprint t.y\n");
        String d = dir.toString();
        assertSame(run("run", "--data=t=" + csv, "--allow-path=" + d, "--threads=1", "--quiet", data.toString()),
                run("run", "--data", "t=" + csv, data.toString(), "--allow-path", d, "--threads", "1", "-q"));
        assertSame(run("check", "--allow-path=" + d, "--data=t=" + csv, ok.toString(), data.toString()),
                run("check", "--allow-path", d, "--data", "t=" + csv, ok.toString(), data.toString()));
        for (String[] quick : new String[][] {{"run", "-q", ok.toString()}, {"check", "--threads", "2", ok.toString()},
                {"run", "--allow-path", d, "--data", "t=" + csv, data.toString()}}) {
            assertTrue(QuickArgs.run(quick) != null, String.join(" ", quick));
        }
        for (String[] picocli : new String[][] {{"run"}, {"-e"}, {"-e", "1", "2"}, {"run", "--json", ok.toString()},
                {"run", "@args"}, {"-e", "-1"}, {"repl", ok.toString()}, {"run", ""}, {"--json", "-e", "1"},
                {"run", ok.toString(), "--threads"}, {"run", "--threads", "two", ok.toString()},
                {"run", "--data", "noequals", ok.toString()}, {"run", "--allow-path", "-q", ok.toString()},
                {"run", "--threads=2", ok.toString()}, {"check", "-q"}}) {
            assertEquals(null, QuickArgs.run(picocli), String.join(" ", picocli));
        }
    }
}
