package law.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input too big, too deep or not text: a clear diagnostic (or a result), never a crash. */
class HostileInputTest {
    @TempDir
    Path dir;

    private Outcome run(String name, byte[] bytes) throws IOException {
        Path spec = dir.resolve(name);
        Files.write(spec, bytes);
        return new Session(Options.defaults().withThreads(2).withQuiet(true)).runFile(spec);
    }

    private static List<Code> codes(Outcome o) {
        return o.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void longOperatorChainsGiveAValueOrTooDeep() throws IOException {
        for (String text : List.of("1" + "+1".repeat(99_999), "-".repeat(100_000) + "2", "1" + "^1".repeat(99_999),
                "2" + "*1".repeat(99_999))) {
            Outcome o = run("chain.law", (text + "\n").getBytes(StandardCharsets.UTF_8));
            List<Code> codes = codes(o);
            assertTrue(codes.isEmpty() || codes.equals(List.of(Code.TOO_DEEP)), text.substring(0, 10) + ": " + codes);
        }
    }

    @Test
    void binarySpecIsRefused() throws IOException {
        Outcome o = run("bin.law", new byte[] {0x4c, 0x00, 0x01, 0x02, 'x'});
        assertEquals(List.of(Code.FILE_UNREADABLE), codes(o));
        assertTrue(o.diagnostics().get(0).message().contains("binary"), o.diagnostics().toString());
    }

    @Test
    void specNotUtf8IsRefused() throws IOException {
        Outcome o = run("latin1.law", "let a = 1\nlet caf\u00e9 = 1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(Code.FILE_UNREADABLE), codes(o));
        assertTrue(o.diagnostics().get(0).message().contains("not UTF-8"), o.diagnostics().toString());
        assertEquals("2:8", where(o.diagnostics().get(0)), "at the first byte that is not UTF-8");
    }

    /** 600 good lines, then a NUL: the error points at the NUL, not at the whole file. */
    @Test
    void nulIsLocated() throws IOException {
        String text = "let v = 1\n".repeat(600) + "let w = 2\0\n";
        Outcome o = run("nul.law", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(Code.FILE_UNREADABLE), codes(o));
        assertEquals("601:10", where(o.diagnostics().get(0)), o.diagnostics().toString());
        assertTrue(o.diagnostics().get(0).message().contains("binary"), o.diagnostics().toString());
    }

    private static String where(Diagnostic d) {
        return d.span() == null ? "none" : d.span().line() + ":" + d.span().column();
    }

    /** A named pipe named by a spec (data, a spec to use, a saved fit) is refused at once, never read. */
    @Test
    void fifoIsRefusedNotRead() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        Assumptions.assumeTrue(mkfifo(fifo) && !Files.isRegularFile(fifo), "mkfifo is not available");
        Files.createSymbolicLink(dir.resolve("pipe.law"), fifo);
        Files.createSymbolicLink(dir.resolve("pipe.json"), fifo);
        for (String spec : List.of("data d = csv(\"pipe.csv\")\n", "use \"pipe.law\"\n", "use \"pipe.json\"\n")) {
            Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> run("fifo.law", spec.getBytes(StandardCharsets.UTF_8)), spec);
            assertEquals(1, o.diagnostics().size(), spec + o.diagnostics());
            Diagnostic d = o.diagnostics().get(0);
            assertTrue(d.code() == Code.DATA_UNREADABLE || d.code() == Code.FILE_UNREADABLE, spec + d);
            assertTrue(d.message().contains("not a regular file"), spec + d.message());
            assertEquals(66, o.exitCode(), spec);
        }
    }

    private static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Fifty thousand statements run in linear time: a statement no longer copies every earlier
     * definition to be able to roll back (that made 20,000 lets take 34 s).
     */
    @Test
    void fiftyThousandStatements() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            b.append("let a").append(i).append(" = ").append(i).append('\n');
        }
        b.append("let bad = nope\nprint a49999 + 1\n");
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run("many.law", b.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(Code.UNKNOWN_NAME), codes(o));
        assertEquals("50000", o.results().get(0).text());
    }

    /**
     * Two million columns load, and reading fields does not compute every column's statistics
     * (it did, for each field read: 40 reads of this table took minutes).
     */
    @Test
    void twoMillionColumns() throws IOException {
        int n = 2_000_000;
        Path csv = dir.resolve("wide.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            for (int row = 0; row < 2; row++) {
                for (int j = 0; j < n; j++) {
                    w.write(j == 0 ? "" : ",");
                    w.write(row == 0 ? "c" + j : Integer.toString(j % 7));
                }
                w.write("\n");
            }
        }
        String spec = "data w = csv(\"wide.csv\")\n" + "w.rows\n".repeat(20) + "w.c1999999.max\n".repeat(20);
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> run("wide.law", spec.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), o.diagnostics());
        assertEquals("1", o.results().get(0).text());
        assertEquals(Integer.toString(1_999_999 % 7), o.results().get(39).text());
    }

    @Test
    void dataNotTextIsADataError() throws IOException {
        Files.write(dir.resolve("bin.csv"), new byte[] {'x', ',', 'y', '\n', (byte) 0xff, (byte) 0xfe, 0, 1, '\n'});
        Outcome o = run("d.law", "data d = csv(\"bin.csv\")\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, o.diagnostics().size(), o.diagnostics().toString());
        assertTrue(o.diagnostics().get(0).code().id().startsWith("L04"), o.diagnostics().toString());
    }

    @Test
    void cyclicUseOfFilesIsAnError() throws IOException {
        Files.writeString(dir.resolve("b.law"), "use \"a.law\"\n");
        Outcome o = run("a.law", "use \"b.law\"\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(codes(o).contains(Code.CYCLIC_USE), codes(o).toString());
    }

    /** Ten million rows (about 150 MB of CSV) load and summarise within the test JVM's memory. */
    @Test
    void tenMillionRows() throws IOException {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("N,D,loss\n");
            for (int i = 0; i < 10_000_000; i++) {
                w.write(Integer.toString(1000 + i % 9973));
                w.write(",");
                w.write(Integer.toString(20_000 + i % 7919));
                w.write(",2.5\n");
            }
        }
        Outcome o = run("big.law", "data runs = csv(\"big.csv\")\nruns.rows\n".getBytes(StandardCharsets.UTF_8));
        List<Diagnostic> errors = o.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty()) {
            assertTrue(o.results().get(o.results().size() - 1).text().contains("10000000")
                    || o.results().get(o.results().size() - 1).text().contains("1e7"), o.results().toString());
        } else {
            assertTrue(errors.get(0).message().contains("memory"), errors.toString());
        }
    }
}
