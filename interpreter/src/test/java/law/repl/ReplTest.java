package law.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import law.cli.Main;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplTest {
    private static final String LAWS = """
            law f(N) = A / N^a {
              A > 0
              a in (0, 2)
            }
            law g = f with { A = 2, a = 1 }
            """;

    /** Runs a REPL over a dumb terminal fed {@code input}; returns what it printed. */
    private static String session(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, StandardCharsets.UTF_8)) {
            new Repl(t, Options.defaults(), null, false, false, null).run(null);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void multiLineEntriesRunAsOne() throws Exception {
        String printed = session(LAWS + "g(4)\n:quit\n");
        assertTrue(printed.contains("0.5"), printed);
        assertFalse(printed.contains("error"), printed);
    }

    @Test
    void anErrorKeepsEveryDefinition() throws Exception {
        String printed = session(LAWS + "let g = nope(1)\ng(2)\n:show\n");
        assertTrue(printed.contains("error[L0202]"), printed);
        assertTrue(printed.contains("law> 1\n"), printed);
        assertTrue(printed.contains("g(N)"), printed);
    }

    @Test
    void savedSessionPassesCheck(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("saved.law");
        String printed = session("## a power law\n" + LAWS + "g(4)\nfoo\nlet k = 1\nlet k = 2\n"
                + "expect g(k) = 1 +- 1e-9\n:save " + file + "\n");
        assertTrue(printed.contains("saved 5 statements"), printed);
        String saved = Files.readString(file);
        assertFalse(saved.contains("foo"), saved);
        assertTrue(saved.contains("## a power law"), saved);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"check", file.toString()}, new PrintStream(out), new PrintStream(out));
        assertEquals(0, exit, out.toString());
        assertTrue(out.toString().contains("1 expectation held"), out.toString());
    }

    @Test
    void commandsTakeAnyUniquePrefix() throws Exception {
        String printed = session(LAWS + ":sh\n:d f\n:s\n:res\n:sh\n:qu\ng(1)\n");
        assertTrue(printed.contains("laws:"), printed);
        assertTrue(printed.contains("a: parameter, in (0, 2)"), printed);
        assertTrue(printed.contains("':s' could be :show or :save"), printed);
        assertTrue(printed.contains("nothing is defined yet"), printed);
        assertFalse(printed.contains("unknown"), printed);
    }

    @Test
    void entriesAreUnfinishedWhileABracketIsOpenOrAnOperatorTrails() {
        EntryParser p = new EntryParser();
        for (String unfinished : List.of("max(1,", "law f(N) = N {", "1 +", "law h = f with", "f(1,\n  2", "## doc")) {
            assertThrows(EOFError.class, () -> p.parse(unfinished, unfinished.length(), ParseContext.ACCEPT_LINE),
                    unfinished);
        }
        for (String finished : List.of("x", "max(1, 2)", "1)", ":show (", "\"open", "3 + 4 # comment +", "1 +; 2")) {
            p.parse(finished, finished.length(), ParseContext.ACCEPT_LINE);
        }
        assertEquals("hof", p.parse("1 + hof", 7, ParseContext.COMPLETE).word());
    }

    @Test
    void completesNamesModulesPathsAndCommands(@TempDir Path dir) throws Exception {
        Session s = new Session();
        s.run("<t>", LAWS + "let hoffmann_E = 1.69\n");
        Files.createDirectory(dir.resolve("runs"));
        Files.writeString(dir.resolve("runs/points.csv"), "N,L\n");
        LawCompleter c = new LawCompleter(s::env, dir);
        assertEquals(List.of("hoffmann_E"), values(c.candidates("1 + hof", 7)));
        assertTrue(values(c.candidates("g(", 2)).containsAll(List.of("g", "f", "N", "A", "a", "exp", "law")));
        assertEquals(List.of("runs/"), values(c.candidates("data d = csv(\"ru", 16)));
        assertEquals(List.of("runs/points.csv"), values(c.candidates("data d = csv(\"runs/p", 20)));
        assertEquals(List.of("runs/points.csv"), values(c.candidates(":load runs/", 11)));
        assertEquals(List.of(":show", ":save"), values(c.candidates(":s", 2)));
        assertEquals(List.of("f", "g"), values(c.candidates(":doc ", 5)).stream().filter(v -> v.length() == 1).toList());
        for (String half : List.of("\"", "(((", "`", "use ", "use \"", "#", "law f(N) = ", ":", ":zz x", "1e")) {
            for (int i = 0; i <= half.length(); i++) {
                c.candidates(half, i);
            }
        }
    }

    private static List<String> values(List<Candidate> cs) {
        return cs.stream().map(Candidate::value).toList();
    }

    @Test
    void highlightsAnUnbalancedBracketAsAnError() {
        AttributedString a = new LawHighlighter().highlight(null, "let q = (1 + 2]) # note");
        assertEquals(LawHighlighter.KEYWORD, a.styleAt(0));
        assertEquals(LawHighlighter.NUMBER, a.styleAt(9));
        assertEquals(LawHighlighter.ERROR, a.styleAt(15));
        assertEquals(LawHighlighter.COMMENT, a.styleAt(18));
        assertEquals("let q = (1 + 2]) # note", a.toString());
    }

    @Test
    void pipedInputRunsEntryByEntryWithFileLineNumbers() {
        Session s = new Session();
        Outcome o = Piped.run(s, new BufferedReader(new StringReader(LAWS + "\ng(4)\nfoo\n")), "<stdin>");
        assertEquals(65, o.exitCode());
        assertEquals("0.5", o.results().get(0).text());
        assertEquals(8, o.diagnostics().get(0).span().line());
        assertNull(s.env().get("foo"));
    }

    @Test
    void ctrlCCancelsTheRunningEntry() throws Exception {
        try (Worker w = new Worker()) {
            new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                w.cancel();
            }).start();
            long start = System.nanoTime();
            assertTrue(w.run(() -> {
                Thread.sleep(60_000);
                return null;
            }));
            assertTrue(System.nanoTime() - start < 30_000_000_000L);
            assertFalse(w.run(() -> 1));
        }
    }

    @Test
    void aCancelledStatementAndTheOnesAfterItAreNotSaved() {
        law.diag.SourceFile src = law.diag.SourceFile.of("<repl>", "let a = 1\nlet b = 2\nlet c = 3\n");
        law.diag.Span second = new law.diag.Span(src, 10, 19);
        Transcript t = new Transcript();
        t.add(src, new Outcome(List.of(), List.of(law.diag.Diagnostic.warning(law.diag.Code.CANCELLED, second,
                "cancelled; nothing was changed")), 0, 0));
        assertEquals("# Saved from the law REPL.\nlet a = 1\n", t.text());
    }

    @Test
    void historyFileComesFromTheFlagThenTheEnvironment() {
        assertEquals(Path.of("x"), Repl.historyFile(Path.of("x"), Map.of("LAW_HISTORY", "y"), "/h"));
        assertEquals(Path.of("y"), Repl.historyFile(null, Map.of("LAW_HISTORY", "y"), "/h"));
        assertEquals(Path.of("/h/.law_history"), Repl.historyFile(null, Map.of(), "/h"));
    }
}
