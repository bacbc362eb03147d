package law.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
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
        Outcome o = run("latin1.law", "let caf\u00e9 = 1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(Code.FILE_UNREADABLE), codes(o));
        assertTrue(o.diagnostics().get(0).message().contains("not UTF-8"), o.diagnostics().toString());
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
