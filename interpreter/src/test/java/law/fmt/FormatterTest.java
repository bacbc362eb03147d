package law.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import law.ast.Program;
import law.diag.Code;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.syntax.SpecParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The canonical layout, case by case, and its promises (idempotent, same tree) on every file of the repository. */
class FormatterTest {

    private static String fmt(String text) {
        Formatter.Result r = Formatter.format("t.law", text);
        assertTrue(r.ok(), () -> "not formatted: " + r.diagnostics());
        return r.text();
    }

    @Test
    void spacesAroundOperatorsNoneInsideBrackets() {
        assertEquals("law f(N, D) = E + A / N^alpha - B * D^-beta { A > 0, alpha in (0, 2) }\n",
                fmt("law f ( N,D )=E+A/N ^ alpha-B*D^ - beta{A>0,alpha in(0,2)}"));
        assertEquals("let r = exp(-1..1 by 0.5)\n", fmt("let r = exp( - 1 .. 1 by 0.5 )"));
        assertEquals("expect (optimal N for f at C = 1e24).N = 72B +- 2%\n",
                fmt("expect ( optimal N for f at C=1e24 ) . N = 72B +- 2 %"));
        assertEquals("log(y)\n", fmt("log (y)"));
    }

    @Test
    void blocksAreIndentedAndOptionsAligned() {
        String in = """
                fit epoch = chinchilla(N, D) ~ L in runs {
                residual = log
                      loss = huber(1e-3)
                bootstrap = 10

                  seed = 1
                }
                """;
        String want = """
                fit epoch = chinchilla(N, D) ~ L in runs {
                  residual  = log
                  loss      = huber(1e-3)
                  bootstrap = 10

                  seed = 1
                }
                """;
        assertEquals(want, fmt(in));
    }

    @Test
    void recordsAreTightBlocksAreSpaced() {
        assertEquals("fit few = f(N) ~ L in d { start = {A = 10, alpha = 0.3} }\n",
                fmt("fit few = f(N) ~ L in d {start = { A = 10,alpha = 0.3 }}"));
        assertEquals("law g = f with {}\n", fmt("law g = f with { }"));
    }

    @Test
    void continuationLines() {
        String in = """
                fit e = f(N) ~ L in d {
                  start = grid(alpha = 0..2 by 0.5,
                     beta = 0..2 by 0.5)
                }
                let total = 1 +
                2 +
                        3
                print max(
                1, 2
                )
                """;
        String want = """
                fit e = f(N) ~ L in d {
                  start = grid(alpha = 0..2 by 0.5,
                               beta = 0..2 by 0.5)
                }
                let total = 1 +
                    2 +
                    3
                print max(
                    1, 2
                )
                """;
        assertEquals(want, fmt(in));
    }

    @Test
    void commentsAndDocsStay() {
        String in = """
                # heading


                ## The law.
                ## Second line.
                law f(N) = A / N^alpha {   # trailing
                    # inside
                  A > 0                    # aligned
                  alpha>0                  # aligned
                }
                let x=1 # tight
                """;
        String want = """
                # heading

                ## The law.
                ## Second line.
                law f(N) = A / N^alpha {   # trailing
                  # inside
                  A > 0                    # aligned
                  alpha > 0                # aligned
                }
                let x = 1  # tight
                """;
        assertEquals(want, fmt(in));
    }

    @Test
    void trailingCommentsKeepTheirColumnWhenThereIsRoom() {
        String kept = "let a = 1   # one\nlet bbbbbbbbbb = 2   # two\n";
        assertEquals(kept, fmt(kept));
        assertEquals("let a = 1               # x\nlet b = 2               # x\n",
                fmt("let   a =  1            # x\nlet b=2                 # x\n"));
    }

    @Test
    void trailingCommentsOfARunMoveTogether() {
        String in = "let a = 1     # x\nlet b = 1+2+3 # x\nlet c = 3     # x\n";
        assertEquals("let a = 1          # x\nlet b = 1 + 2 + 3  # x\nlet c = 3          # x\n", fmt(in));
        String apart = "let a = 1     # x\n\nlet b = 1+2+3 # x\n";
        assertEquals("let a = 1     # x\n\nlet b = 1 + 2 + 3  # x\n", fmt(apart));
    }

    @Test
    void semicolonsBlankLinesAndEndOfFile() {
        assertEquals("let a = 2; let b = 3; a * b\n", fmt("let a = 2 ;let b = 3;  a*b"));
        assertEquals("let a = 1\n\nlet b = 2\n", fmt("\n\nlet a = 1\n\n\n\nlet b = 2\n\n\n"));
        assertEquals("law f(N) = A {\n  A\n}\n", fmt("law f(N) = A {\n\n  A\n\n}"));
        assertEquals("", fmt(""));
        assertEquals("let a = 1\n", fmt("let a = 1\r\n"));
    }

    @Test
    void softKeywordsAsNamesAndSigns() {
        assertEquals("data d = table {\n  log, by\n  -1, 2\n}\n", fmt("data d = table {\n log,by\n - 1,2\n}"));
        assertEquals("print -x, 2 - -3\n", fmt("print - x,2- - 3"));
    }

    @Test
    void fmtOffKeepsARegion() {
        String in = "let a=1\n# fmt: off\nlet   b =  2\n  - 2\n# fmt: on\nlet c=3\n";
        assertEquals("let a = 1\n# fmt: off\nlet   b =  2\n  - 2\n# fmt: on\nlet c = 3\n", fmt(in));
    }

    @Test
    void syntaxErrorsLeaveTheFileAlone() {
        Formatter.Result r = Formatter.format("t.law", "let x = (1 +\n");
        assertFalse(r.ok());
        assertNull(r.text());
        assertEquals(Code.UNCLOSED_BRACKET, r.diagnostics().get(0).code());
    }

    @Test
    void sameTreeSeesRealDifferences() {
        Program a = parse("let x = 1 + 2 * 3");
        Program b = parse("let   x=1+2*3");
        Program c = parse("let x = (1 + 2) * 3");
        assertTrue(SameTree.equal(a.statements(), b.statements()));
        assertEquals("program[0].value.op", SameTree.difference(a.statements(), c.statements(), "program"));
    }

    /**
     * Every .law file of the repository that parses: formatting keeps its tree and is idempotent.
     * A file already in the canonical layout (the formatter gives its text back) has both by that
     * alone, formatting being deterministic, so it is put to a harder test: with the indentation of
     * every line taken away, formatting must give the file back (lines with a comment keep theirs,
     * as a trailing comment keeps its written column, and so do {@code # fmt: off} regions). Each
     * file is formatted once for this test and {@link FormatCheckTest} together. The
     * others (fuzz seeds, a file not yet formatted) are parsed before and after, and formatted twice.
     */
    @TestFactory
    Stream<DynamicTest> everyFileKeepsItsMeaning() throws IOException {
        return RepoFiles.all().stream().map(f -> DynamicTest.dynamicTest(RepoFiles.root().relativize(f).toString(),
                () -> keepsMeaning(f)));
    }

    private static void keepsMeaning(Path file) throws IOException {
        if (RepoFiles.isFuzzSeed(file) && !isUtf8(Files.readAllBytes(file))) {
            return; // a seed that is not UTF-8 on purpose: law fmt refuses it before the formatter
        }
        RepoFiles.Formatted f = RepoFiles.formatted(file);
        Formatter.Result r = f.result();
        if (!r.ok()) {
            assertTrue(RepoFiles.mayBeBroken(file), "does not parse: " + r.diagnostics());
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.code() == Code.INTERNAL), r.diagnostics().toString());
            return;
        }
        if (f.unchanged()) {
            String flat = dedent(f.text());
            if (!flat.equals(f.text())) {
                assertEquals(f.text(), fmt(flat), "the indentation of " + file + " does not come back");
            }
            return;
        }
        assertNull(SameTree.difference(parse(f.text()).statements(), parse(r.text()).statements(), "program"));
        assertEquals(r.text(), fmt(r.text()), "formatting twice changes " + file);
    }

    /** A text with the leading spaces of its lines removed, but for lines with a {@code #} and fmt: off regions. */
    private static String dedent(String text) {
        StringBuilder out = new StringBuilder();
        boolean off = false;
        for (String line : text.split("\n", -1)) {
            String s = line.strip();
            off |= s.equals(Lines.OFF);
            out.append(off || line.contains("#") ? line : line.stripLeading()).append('\n');
            off &= !s.equals(Lines.ON);
        }
        return out.substring(0, out.length() - 1);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Program parse(String text) {
        Diagnostics d = new Diagnostics();
        Program p = SpecParser.parse(SourceFile.of("t.law", text), d);
        assertFalse(d.hasErrors(), d.all().toString());
        return p;
    }
}
