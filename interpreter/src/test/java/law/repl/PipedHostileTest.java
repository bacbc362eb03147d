package law.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/**
 * Piped input is read at the speed of a file: each line is lexed once and each entry is parsed
 * once, however long the entry or the input. The inputs below took minutes when every line re-lexed
 * the whole entry and every entry was padded with the lines before it (hours for the long line);
 * the time limit only catches a return to that: it is far above what linear reading needs, even
 * on a loaded machine.
 */
class PipedHostileTest {
    private static Outcome pipe(String text) {
        Session session = new Session(Options.defaults().withThreads(1).withQuiet(true));
        return assertTimeoutPreemptively(Duration.ofSeconds(300),
                () -> Piped.run(session, new BufferedReader(new StringReader(text)), "<stdin>"));
    }

    private static List<Code> codes(Outcome o) {
        return o.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void fiftyThousandOpenBrackets() {
        Outcome o = pipe("(\n".repeat(50_000));
        assertEquals(Code.TOO_DEEP, codes(o).get(0), o.diagnostics().toString());
        assertEquals(201, o.diagnostics().get(0).span().line(), "the first bracket too deep, as in file mode");
    }

    /** Half a million terms on one line: each token used to rescan the rest of the line for comments. */
    @Test
    void halfMillionTermLine() {
        Outcome o = pipe("1" + " + 1".repeat(500_000) + "\n");
        assertTrue(codes(o).isEmpty() || codes(o).equals(List.of(Code.TOO_DEEP)), codes(o).toString());
    }

    /** Many entries: locations still name the line of the whole input. */
    @Test
    void thirtyThousandEntriesKeepTheirLines() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            b.append("let a").append(i).append(" = ").append(i).append('\n');
        }
        b.append("let z = (\n  1 +\n  nope)\n");
        Outcome o = pipe(b.toString());
        assertEquals(1, o.diagnostics().size(), o.diagnostics().toString());
        Diagnostic d = o.diagnostics().get(0);
        assertEquals(Code.UNKNOWN_NAME, d.code());
        assertEquals("30003:3", d.span().line() + ":" + d.span().column());
        assertTrue(new law.diag.Renderer(false).render(d).contains("30003 |   nope)"), new law.diag.Renderer(false).render(d));
    }

    /** A string whose line ends in a backslash goes on to the next line, as when the entry is lexed whole. */
    @Test
    void entryStateMatchesWholeText() {
        for (String text : List.of("f(\"a\\\nb\")\n", "let x = \"a\\\nb\"\n", "law f(x) = x {\n  x: \"d\"\n}\n",
                "1 +\n2\n", "(]\n", "## doc\nlaw f(x) = x\n", "[0, 2)\n")) {
            EntryState s = new EntryState();
            StringBuilder seen = new StringBuilder();
            for (String line : text.split("\n")) {
                s.add(line);
                seen.append(line).append('\n');
                assertEquals(Tokens.missing(seen.toString()), s.missing(), "after " + seen);
                assertEquals(Tokens.hasCode(seen.toString()), s.hasCode(), "after " + seen);
            }
        }
    }
}
