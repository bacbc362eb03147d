package law.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Renderer;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A REPL command that fails is a diagnostic with a code and a caret under the command or its
 * argument: in piped input it is located on its line of stdin and counts as a failed statement
 * (the exit code says so), at the prompt it prints and the session goes on (docs/repl.md).
 */
class CommandErrorsTest {
    @TempDir
    Path dir;

    private static Outcome pipe(String input) {
        return Piped.run(new Session(), new BufferedReader(new StringReader(input)), "<stdin>");
    }

    /** The one diagnostic of {@code input}, piped, checked for its code, place and exit code. */
    private static Diagnostic only(String input, Code code, int line, int column, int exit) {
        Outcome o = pipe(input);
        assertEquals(1, o.diagnostics().size(), o.diagnostics().toString());
        Diagnostic d = o.diagnostics().get(0);
        assertEquals(code, d.code(), d.toString());
        assertEquals(line + ":" + column, d.span().line() + ":" + d.span().column(), d.toString());
        assertEquals(exit, o.exitCode(), d.toString());
        return d;
    }

    @Test
    void everyFailingCommandInPipedInputIsAnErrorOnItsLine() {
        Diagnostic allow = only("print 1\n:allow /nonexistent/dir\nprint 2\n", Code.COMMAND, 2, 8, 65);
        assertEquals("'/nonexistent/dir' is not a directory (/nonexistent/dir does not exist)", allow.message());
        assertEquals(":allow takes a directory", allow.help());
        String shown = new Renderer(false).render(allow);
        assertTrue(shown.contains(" --> <stdin>:2:8\n") && shown.contains("2 | :allow /nonexistent/dir\n")
                && shown.contains("  |        " + "^".repeat(16) + "\n"), shown);
        assertEquals("unknown command ':laod'", only("\n  :laod x\n", Code.COMMAND, 2, 3, 65).message());
        assertEquals("missing FILE after :load", only(":load\n", Code.COMMAND, 1, 1, 65).message());
        assertEquals("no help on 'zz'", only(":help zz\n", Code.COMMAND, 1, 7, 65).message());
        assertEquals("':s' could be :show or :save", only(":s\n", Code.COMMAND, 1, 1, 65).message());
        assertEquals("a ':' without a command", only(":\n", Code.COMMAND, 1, 1, 65).message());
        for (String prompt : List.of(":json on", ":save x.law", ":edit", ":edit f")) {
            Diagnostic d = only(prompt + "\n", Code.COMMAND, 1, 1, 65);
            assertTrue(d.message().endsWith(" works only at the interactive prompt, so nothing was done"), d.message());
        }
        assertTrue(only(":json on\n", Code.COMMAND, 1, 1, 65).help().contains("law --json"));
    }

    @Test
    void docOfAnUnknownNameIsAnUnknownNameAsInAStatement() {
        Diagnostic typo = only("let alpha = 1\n:doc alhpa\n", Code.UNKNOWN_NAME, 2, 6, 65);
        assertEquals("'alhpa' is not defined", typo.message());
        assertEquals("did you mean 'alpha'?", typo.help());
        Diagnostic stdlib = only(":doc chinchilla\n", Code.UNKNOWN_NAME, 1, 6, 65);
        assertTrue(stdlib.help().startsWith("'chinchilla' is in the stdlib: 'use "), stdlib.help());
    }

    @Test
    void commandsThatWorkPrintResultsAndLeaveTheExitCodeAlone() {
        Outcome o = pipe("let x = 1\n:show\n:doc x\n:help load\n:allow\n:reset\n:quit\nprint x\n");
        assertEquals(0, o.exitCode(), o.diagnostics().toString());
        assertEquals(List.of("command", "command", "command", "command"), o.results().stream().map(r -> r.kind()).toList());
        assertTrue(o.results().get(0).text().startsWith("constants:\n  x = 1"), o.results().get(0).text());
        assertEquals("show", o.results().get(0).json().get("command").asText());
        assertEquals(":doc x", o.results().get(1).span().text());
        assertEquals(3, o.results().get(1).span().line());
        assertTrue(o.results().get(2).text().startsWith(":load FILE"), o.results().get(2).text());
    }

    /** A script may load a file as the prompt does; a missing one is L0002 at its name (exit 66, as law run gives). */
    @Test
    void pipedLoadRunsTheFileInTheSession() throws Exception {
        Path lib = dir.resolve("lib.law");
        Files.writeString(lib, "let a = 2\nprint a * 3\nprint nope\n");
        Session s = new Session();
        Outcome o = Piped.run(s, new BufferedReader(new StringReader(":load " + lib + "\nprint a + 1\n")), "<stdin>");
        assertEquals(List.of("6", "3"), o.results().stream().map(r -> r.text()).toList());
        assertEquals(1, o.diagnostics().size(), o.diagnostics().toString());
        assertEquals(lib.toString() + ":3:7", o.diagnostics().get(0).span().location(), "located in the loaded file");
        assertEquals(65, o.exitCode());
        Diagnostic missing = only("print 1\n:load " + dir.resolve("none.law") + "\n", Code.FILE_NOT_FOUND, 2, 7, 66);
        assertTrue(missing.message().startsWith("file '" + dir.resolve("none.law") + "' not found"), missing.message());
        assertEquals("'" + dir + "' is a folder, not a .law file", only(":l " + dir + "\n", Code.FILE_UNREADABLE, 1, 4,
                66).message());
    }

    /** At the prompt the same problems are diagnostics in the typed entry, and the session goes on. */
    @Test
    void atThePromptAFailingCommandPrintsADiagnosticAndTheSessionGoesOn() throws Exception {
        String printed = prompt("let x = 1\n:doc y\n:json maybe\n:load " + dir.resolve("none.law") + "\n:save "
                + dir.resolve("no/such/dir/s.law") + "\n:edit zz\nx\n");
        for (String expected : List.of("error[L0201]: 'y' is not defined\n --> <repl>:1:6\n",
                "error[L0007]: :json takes on or off, not 'maybe'\n --> <repl>:1:7\n",
                "= help: results print as text now; type :json on or :json off",
                "error[L0002]: file '" + dir.resolve("none.law") + "' not found", " --> <repl>:1:7\n",
                "error[L0803]: cannot write '" + dir.resolve("no/such/dir/s.law") + "'",
                "error[L0201]: 'zz' is not defined\n --> <repl>:1:7\n", "= help: :edit alone edits the last entry",
                "law> 1\n")) {
            assertTrue(printed.contains(expected), expected + " in\n" + printed);
        }
        assertTrue(prompt(":edit\n").contains("error[L0007]: nothing to edit yet\n --> <repl>:1:1\n"));
        String failed = prompt("let z = 1\n:edit\nz\n");
        assertTrue(failed.contains("error[L0007]: the editor 'false' exited with status 1; nothing ran"), failed);
        assertTrue(failed.contains("law> 1\n"), failed);
    }

    private static String prompt(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, StandardCharsets.UTF_8)) {
            new Repl(t, Options.defaults(), null, false, false, null).editor("false").run(null);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
