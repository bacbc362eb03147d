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
        return session(input, "false");
    }

    /** The same, with {@code editor} as the editor of {@code :edit}. */
    private static String session(String input, String editor) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, StandardCharsets.UTF_8)) {
            new Repl(t, Options.defaults(), null, false, false, null).editor(editor).run(null);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void editOpensTheLastEntryOrADefinitionInTheEditorThenRunsIt() throws Exception {
        String printed = session(LAWS + "g(4)\n:edit\n:edit g\ng(8)\n:edit nope\n",
                "sed -i -e 's/g(4)/g(8)/' -e 's/A = 2/A = 4/'");
        assertTrue(printed.contains("edit> g(8)\n"), printed);
        assertTrue(printed.contains("law> 0.25\n") || printed.contains("\n0.25\n"), printed);
        assertTrue(printed.contains("edit> law g = f with { A = 4, a = 1 }"), printed);
        assertTrue(printed.contains("law> 0.5\n"), "g(8) with A = 4: " + printed);
        assertTrue(printed.contains("'nope' is not defined"), printed);
        String unchanged = session(LAWS + ":edit f\n:edit\n", "true");
        assertTrue(unchanged.contains("unchanged; nothing ran"), unchanged);
        String failed = session("g(1)\n:edit\n", "exit 3");
        assertTrue(failed.contains("exited with status 3; nothing ran"), failed);
    }

    @Test
    void aDataStatementSaysWhatItKept() throws Exception {
        String printed = session("data d = table {\n  N, L\n  1, 2\n  2, 1\n  4, 0.5\n  where L < 2\n}\n");
        assertTrue(printed.contains("data d\nsource: inline table\nrows loaded: 3\n"), printed);
        assertTrue(printed.contains("rows kept: 2\ncolumns: N, L   (print d for"), printed);
    }

    @Test
    void helpNamesUnambiguousPrefixesAndAMisspelledKeywordGetsADidYouMean() throws Exception {
        String printed = session(":help\n:s\n");
        assertTrue(printed.contains(":sh is :show"), printed);
        assertTrue(printed.contains("':s' could be :show or :save"), printed);
        for (String[] c : new String[][] {{"prnt g", "print"}, {"fitt k = f(N) ~ L in d", "fit"},
            {"tabel x = 1..2: x", "table"}}) {
            Outcome o = new Session().run("<t>", c[0]);
            assertEquals("did you mean '" + c[1] + "'? ('" + c[0].split(" ")[0] + "' is not a statement keyword)",
                    o.diagnostics().get(0).help(), c[0]);
        }
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

    /** Runs {@code law check ARGS}; returns the exit code, asserting on the output when it fails. */
    private static int check(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = Main.run(all, new PrintStream(out), new PrintStream(out));
        assertTrue(exit != 0 || out.toString().contains("1 expectation held"), out.toString());
        return exit;
    }

    @Test
    void savedSessionReadsTheSameFilesWhereverItIsSaved(@TempDir Path dir) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("runs.csv"), "N,L\n1,2\n2,1\n4,0.5\n");
        Files.writeString(dir.resolve("sub/more.csv"), "N,L\n8,0.25\n");
        Files.writeString(dir.resolve("sub/spec.law"), "data more = csv(\"more.csv\")\n");
        String rel = cwd.relativize(dir.resolve("runs.csv")).toString();
        Path away = dir.resolve("other/dir/s2.law");
        Files.createDirectories(away.getParent());
        String printed = session(":allow " + dir + "\n" + "data runs = csv(\"" + rel + "\")\n"
                + ":load " + dir.resolve("sub/spec.law") + "\n" + "expect runs.rows + more.rows = 4\n"
                + ":show\n:save " + away + "\n:save " + dir.resolve("here.law") + "\n");
        assertTrue(printed.contains("statements may now read and write under " + dir), printed);
        assertTrue(printed.contains("allowed directories") && printed.contains("  " + dir + "\n"), printed);
        assertTrue(printed.contains("\"" + rel + "\" -> \"../../runs.csv\""), printed);
        assertTrue(printed.contains("\"more.csv\" -> \"../../sub/more.csv\""), printed);
        assertTrue(printed.contains("law check --allow-path " + dir + " " + away), printed);
        String saved = Files.readString(away);
        assertTrue(saved.contains("csv(\"../../runs.csv\")") && saved.contains("csv(\"../../sub/more.csv\")"), saved);
        assertTrue(saved.contains("#   law check --allow-path " + dir + " s2.law"), saved);
        assertTrue(saved.contains(":allow: " + dir), saved);
        assertEquals(0, check("--allow-path", dir.toString(), away.toString()), "checked from another directory");
        assertEquals(65, check(away.toString()), "without the allowed directory the sandbox refuses");
        assertTrue(Files.readString(dir.resolve("here.law")).contains("csv(\"runs.csv\")"));
        assertEquals(0, check(dir.resolve("here.law").toString()), "saved beside its data it needs nothing");
    }

    @Test
    void allowWidensTheSandboxForTheSessionOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runs.csv"), "N,L\n1,2\n");
        String data = "data runs = csv(\"" + dir.resolve("runs.csv") + "\")\nruns.rows\n";
        String refused = session(data);
        assertTrue(refused.contains("error[L0901]") && refused.contains(":allow DIR"), refused);
        String allowed = session(":allow " + dir.resolve("nope") + "\n:allow " + dir + "\n" + data + ":allow\n");
        assertTrue(allowed.contains("error[L0007]: '" + dir.resolve("nope") + "' is not a directory ("), allowed);
        assertEquals(1, allowed.split("error\\[", -1).length - 1, allowed);
        assertTrue(allowed.contains("law> 1\n"), allowed);
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
        assertEquals(List.of("runs/"), values(c.candidates(":allow ru", 9)));
        assertEquals(List.of("f", "g"), values(c.candidates(":doc ", 5)).stream().filter(v -> v.length() == 1).toList());
        for (String half : List.of("\"", "(((", "`", "use ", "use \"", "#", "law f(N) = ", ":", ":zz x", "1e")) {
            for (int i = 0; i <= half.length(); i++) {
                c.candidates(half, i);
            }
        }
    }

    @Test
    void completesTheFieldsOfFitsDatasetsAndQueryResults() {
        Session s = new Session();
        Outcome o = s.run("<t>", LAWS + "data runs = table {\n  N, L, `Model Size`\n  1, 2, 1\n  2, 1, 2\n  4, 0.5, 4\n"
                + "  8, 0.25, 8\n}\nfit epoch = f(N) ~ L in runs\nlet r = (minimize (x - 1)^2 + 2)\n");
        assertFalse(o.hasErrors(), o.diagnostics().toString());
        LawCompleter c = new LawCompleter(s::env, Path.of("."));
        assertEquals(List.of("rmse", "r2", "reduced_chi_square"), values(c.candidates("epoch.r", 7)),
                "fields, not the names in scope");
        assertEquals(List.of("se"), values(c.candidates("epoch.a.s", 9)));
        assertTrue(values(c.candidates("epoch.a.", 8)).containsAll(List.of("value", "se", "ci_low", "ci_high")));
        assertFalse(values(c.candidates("epoch.a.", 8)).contains("A"));
        assertEquals(List.of("rows", "N", "L", "`Model Size`"), values(c.candidates("runs.", 5)));
        assertEquals(List.of("min", "median", "max", "first", "last", "sum"), values(c.candidates("1 + runs.L.", 11)));
        assertEquals(List.of("x", "objective"), values(c.candidates("r.", 2)));
        assertEquals(List.of(), values(c.candidates("nope.", 5)));
        assertTrue(values(c.candidates("1..", 3)).contains("epoch"), "a range is not a field");
    }

    @Test
    void pathCompletionInStatementsOffersOnlyWhatMayBeRead(@TempDir Path dir) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(dir.resolve("shared/data"));
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("shared/data/runs.csv"), "N,L\n");
        Files.writeString(project.resolve("local.csv"), "N,L\n");
        List<Path> roots = new java.util.ArrayList<>(List.of(project));
        LawCompleter c = new LawCompleter(new Session()::env, project, () -> roots);
        assertEquals(List.of("../project/"), values(c.candidates("data d = csv(\"../", 17)), "not shared/ nor elsewhere/");
        assertEquals(List.of("../elsewhere/", "../project/", "../shared/"),
                values(c.candidates(":load ../", 9)).stream().sorted().toList(), "commands are not sandboxed");
        roots.add(dir.resolve("shared/data"));
        assertEquals(List.of("../project/", "../shared/"), values(c.candidates("data d = csv(\"../", 17)).stream()
                .sorted().toList(), "folders on the way to an allowed directory");
        assertEquals(List.of("../shared/data/runs.csv"), values(c.candidates("data d = csv(\"../shared/data/", 29)));
        assertEquals(List.of("local.csv"), values(c.candidates("data d = csv(\"lo", 16)));
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

    /** A command that takes no argument refuses one: ':reset x' must not forget everything. */
    @Test
    void aCommandWithoutArgumentsRefusesOneAndATypoGetsASuggestion() throws Exception {
        String printed = session("let x = 1\n:reset x\nx\n:laod f.law\n:quit now\nx\n");
        assertTrue(printed.contains("error[L0007]: :reset takes no argument, so nothing was done with 'x'\n"
                + " --> <repl>:1:8\n"), printed);
        assertTrue(printed.contains("= help: type :reset alone"), printed);
        assertTrue(printed.contains("error[L0007]: unknown command ':laod'\n --> <repl>:1:1\n"), printed);
        assertTrue(printed.contains("= help: did you mean ':load'? :help lists the commands"), printed);
        assertTrue(printed.contains(":quit takes no argument"), printed);
        assertEquals(2, printed.split("law> 1\n", -1).length - 1, "x kept, and the session went on: " + printed);
        Session s = new Session();
        Outcome o = Piped.run(s, new BufferedReader(new StringReader("let y = 2\n:reset y\n:shwo\n")), "<stdin>");
        assertEquals(List.of(law.diag.Code.COMMAND, law.diag.Code.COMMAND),
                o.diagnostics().stream().map(law.diag.Diagnostic::code).toList());
        assertEquals(":reset takes no argument, so nothing was done with 'y'", o.diagnostics().get(0).message());
        assertEquals("did you mean ':show'? :help lists the commands", o.diagnostics().get(1).help());
        assertTrue(s.env().get("y") != null, "piped too, nothing was forgotten");
    }

    @Test
    void aNameDefinedAgainAtThePromptReplacesTheOldDefinition() throws Exception {
        String printed = session("let x = 1\nlet x = 2\nx\n");
        assertFalse(printed.contains("L0204"), printed);
        assertTrue(printed.contains("law> 2\n"), printed);
    }

    /** Piped input through a session that forbids redefinition (as files do; law's own piped mode allows it). */
    @Test
    void pipedRedefinitionNamesTheLineOfTheInput() {
        Outcome o = Piped.run(new Session(), new BufferedReader(new StringReader("let x = 1\nlet x = 2\n")), "<stdin>");
        law.diag.Diagnostic d = o.diagnostics().get(0);
        assertEquals(law.diag.Code.DUPLICATE, d.code());
        assertEquals("'x' is already defined on line 1", d.message());
        assertEquals("choose another name", d.help(), "no module defined it: the input did");
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
    void ctrlCCancelsAnEntryThatSwallowsTheFirstInterrupt() throws Exception {
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
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException swallowed) {
                    // library code that catches the interrupt and carries on
                }
                Thread.sleep(60_000);
                return null;
            }));
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "the second sleep was interrupted too");
        }
    }

    @Test
    void aCancelledStatementAndTheOnesAfterItAreNotSaved() {
        law.diag.SourceFile src = law.diag.SourceFile.of("<repl>", "let a = 1\nlet b = 2\nlet c = 3\n");
        law.diag.Span second = new law.diag.Span(src, 10, 19);
        Transcript t = new Transcript();
        t.add(src, new Outcome(List.of(), List.of(law.diag.Diagnostic.warning(law.diag.Code.CANCELLED, second,
                "cancelled; nothing was changed")), 0, 0));
        assertTrue(t.text().endsWith("REPL. Paths are relative to this file.\nlet a = 1\n"), t.text());
    }

    @Test
    void historyFileComesFromTheFlagThenTheEnvironment() {
        assertEquals(Path.of("x"), Repl.historyFile(Path.of("x"), Map.of("LAW_HISTORY", "y"), "/h"));
        assertEquals(Path.of("y"), Repl.historyFile(null, Map.of("LAW_HISTORY", "y"), "/h"));
        assertEquals(Path.of("/h/.law_history"), Repl.historyFile(null, Map.of(), "/h"));
    }
}
