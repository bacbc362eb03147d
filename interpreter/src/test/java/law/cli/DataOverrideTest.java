package law.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --data NAME=PATH} for a NAME the spec does not define is a usage error (exit 2, L0006 on
 * the command line) found before any statement runs; picocli's errors read as ours; problems with
 * the files named on the command line point at them there.
 */
class DataOverrideTest {
    @TempDir
    Path dir;

    private Path spec;
    private String csv;

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @BeforeEach
    void files() throws IOException {
        csv = dir.resolve("t.csv").toString();
        Files.writeString(dir.resolve("t.csv"), "x,y\n1,2.1\n2,3.9\n3,6.2\n");
        spec = dir.resolve("s.law");
        Files.writeString(spec, """
                data train = csv("t.csv")
                data test = csv("t.csv")
                data inline = table {
                  x, y
                  1, 2
                }
                print "the spec ran"
                law f(x) = a * x { a > 0 }
                fit m = f(x) ~ y in train
                """);
    }

    @Test
    void anUnknownNameStopsTheRunBeforeAnyStatementWithASuggestion() {
        CliRun r = run("run", "--data", "trian=" + csv, spec.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out(), "nothing ran");
        assertTrue(r.err().startsWith("error[L0006]: --data trian=...: " + spec + " defines no dataset 'trian'\n"
                + " --> <command line>:1:16\n"), r.err());
        assertTrue(r.err().contains("\n  |                ^^^^^\n"), "the caret is under the name: " + r.err());
        assertTrue(r.err().contains("help: did you mean 'train'? the datasets read from files are: train, test"),
                r.err());
        CliRun quick = run("check", "--data=trian=" + csv, spec.toString());
        assertEquals(2, quick.exit(), quick.err());
        assertTrue(quick.err().contains("<command line>:1:18"), "--data=NAME=PATH points at NAME too: " + quick.err());
    }

    @Test
    void theErrorIsInTheJsonDocument() throws IOException {
        CliRun r = run("run", "--json", "--data", "zzz=" + csv, spec.toString());
        assertEquals(2, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(2, doc.get("exit").asInt());
        JsonNode file = doc.get("files").get(0);
        assertEquals(0, file.get("results").size(), "nothing ran");
        JsonNode d = file.get("diagnostics").get(0);
        assertEquals("L0006", d.get("code").asText());
        assertEquals("<command line>", d.get("file").asText());
        assertEquals("the datasets read from files are: train, test", d.get("help").asText(), "nothing is close to zzz");
    }

    @Test
    void aDatasetNotReadFromAFileHasNoPathToReplace() {
        CliRun r = run("run", "--data", "inline=" + csv, spec.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("'inline' is not read from a file (it is an inline table)"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aDatasetOfAUsedFileCanBeReplaced() throws IOException {
        Files.writeString(dir.resolve("common.law"), "data runs = csv(\"missing.csv\")\n");
        Path user = dir.resolve("user.law");
        Files.writeString(user, "use \"common.law\"\nprint runs.rows\n");
        CliRun r = run("run", "--data", "runs=" + csv, user.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("3", r.out().strip());
        CliRun typo = run("run", "--data", "run=" + csv, user.toString());
        assertEquals(2, typo.exit(), typo.err());
        assertTrue(typo.err().contains("did you mean 'runs'?"), typo.err());
    }

    @Test
    void statementsOnTheCommandLineAreCheckedToo() {
        CliRun r = run("--data", "train=" + csv, "-e", "print 1");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("<input> defines no dataset 'train'"), r.err());
        assertTrue(r.err().contains("the spec has none"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aSyntaxErrorIsReportedAloneAndAKnownNameRuns() throws IOException {
        Path bad = dir.resolve("bad.law");
        Files.writeString(bad, "data train = csv(\"t.csv\")\nfit m = f(x) ~ y on train\n");
        CliRun r = run("run", "--data", "trian=" + csv, bad.toString());
        assertEquals(65, r.exit(), r.err());
        assertTrue(r.err().contains("L0101"), r.err());
        assertFalse(r.err().contains("L0006"), "the spec's datasets are not known: " + r.err());
        CliRun ok = run("run", "--data", "train=" + csv, spec.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().startsWith("the spec ran"), ok.out());
    }

    @Test
    void anEmptyNameOrPathIsAUsageError() {
        CliRun noPath = run("run", "--data", "train=", spec.toString());
        assertEquals(2, noPath.exit(), noPath.err());
        assertTrue(noPath.err().startsWith("error[L0006]: --data train=: the PATH after '=' is empty\n"), noPath.err());
        CliRun noName = run("run", "--data", "=" + csv, spec.toString());
        assertEquals(2, noName.exit(), noName.err());
        assertTrue(noName.err().startsWith("error[L0006]: --data =...: the NAME before '=' is empty\n"), noName.err());
        assertEquals("", noName.out());
    }

    @Test
    void aNameGivenTwiceIsAUsageError() {
        CliRun r = run("run", "--data", "train=" + csv, "--data=train=" + csv, spec.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error[L0006]: --data train=... is given 2 times\n"), r.err());
        assertTrue(r.err().contains("\n  = help: give each dataset one --data NAME=PATH (the last one would win)"), r.err());
        assertEquals("", r.out());
    }

    /** A data file given with --data that cannot be read says it came from the command line. */
    @Test
    void aBadFileGivenWithDataSaysWhereItCameFrom() {
        CliRun r = run("run", "--data", "train=" + dir.resolve("nope.csv"), spec.toString());
        assertEquals(66, r.exit(), r.err());
        assertTrue(r.err().contains("error[L0401]: file not found"), r.err());
        assertTrue(r.err().contains("note: the file was given on the command line: --data train=" + dir.resolve("nope.csv")
                + " (instead of the spec's path)"), r.err());
    }

    @Test
    void aMissingSpecIsLocatedOnTheCommandLine() {
        String missing = dir.resolve("missing.law").toString();
        CliRun r = run("run", missing);
        assertEquals(66, r.exit(), r.err());
        assertTrue(r.err().contains("error[L0002]: file '" + missing + "' not found"), r.err());
        assertTrue(r.err().contains(" --> <command line>:1:9\n"), r.err());
    }

    @Test
    void anUnknownCommandIsNamedWithASuggestion() {
        CliRun typo = run("rn", spec.toString());
        assertEquals(2, typo.exit());
        assertTrue(typo.err().startsWith("error[L0006]: unknown command 'rn'\n --> <command line>:1:5\n"), typo.err());
        assertTrue(typo.err().contains("help: did you mean 'run'?"), typo.err());
        CliRun file = run(spec.toString());
        assertEquals(2, file.exit());
        assertTrue(file.err().contains("help: to run a file: law run " + spec), file.err());
    }

    @Test
    void reportChecksItsDataNamesAndFormatAndSaysWhyItCannotWrite() {
        CliRun data = run("report", "--data", "trian=" + csv, spec.toString());
        assertEquals(2, data.exit(), data.err());
        assertEquals("", data.out(), "no report of a spec that did not run");
        assertTrue(data.err().contains("did you mean 'train'?"), data.err());
        CliRun format = run("report", "--format", "pdf", spec.toString());
        assertEquals(2, format.exit());
        assertTrue(format.err().startsWith("error[L0006]: --format is text, markdown or latex (or --json), not 'pdf'\n"
                + " --> <command line>:1:21\n"), format.err());
        String out = dir.resolve("no/such/folder/r.md").toString();
        CliRun write = run("report", "-o", out, spec.toString());
        assertEquals(73, write.exit(), write.err());
        assertTrue(write.err().startsWith("error[L0803]: cannot write the report to " + out + ": its folder does not "
                + "exist\n --> <command line>:1:15\n"), "refused before the spec runs (no L0608 first): " + write.err());
    }

    @Test
    void picocliErrorsAreDiagnosticsInOurWords() {
        CliRun bad = run("run", "--data", "noequals", spec.toString());
        assertEquals(2, bad.exit());
        assertFalse(bad.err().contains("option option"), bad.err());
        assertTrue(bad.err().startsWith("error[L0006]: --data takes NAME=PATH (a dataset of the spec and the file to "
                + "read it from), not 'noequals'\n --> <command line>:1:16\n"), bad.err());
        CliRun typo = run("run", "--thread", "2", spec.toString());
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("error[L0006]: unknown option: '--thread'\n --> <command line>:1:9"), typo.err());
        assertTrue(typo.err().contains("did you mean '--threads'?"), typo.err());
        CliRun threads = run("run", "--threads", "0", spec.toString());
        assertEquals(2, threads.exit());
        assertTrue(threads.err().contains("--threads must be between 1 and 1024, not 0\n --> <command line>:1:19"),
                threads.err());
    }

    private static CliRun piped(String input, String... args) {
        return CliRun.withInput(input.getBytes(java.nio.charset.StandardCharsets.UTF_8), args);
    }

    /**
     * Piped input has no spec to check --data against before it runs, so a NAME that no entry of the
     * whole input defines is reported at the end (exit 2, as law -e refuses it), with the datasets it did define.
     */
    @Test
    void pipedInputReportsANameItNeverDefinedAtTheEnd() {
        CliRun r = piped("print 1\n", "--data", "foo=bar");
        assertEquals(2, r.exit(), r.all());
        assertEquals("1", r.out().strip(), "the input ran");
        assertTrue(r.err().startsWith("error[L0006]: --data foo=...: no statement of the input defines a dataset "
                + "'foo', so it was not used\n --> <command line>:1:12\n"), r.err());
        assertTrue(r.err().contains("statement, and the input has none\n"), r.err());
        CliRun typo = piped("data train = csv(\"" + csv + "\")\nprint train.rows\n", "repl", "--data", "trian=" + csv);
        assertEquals(2, typo.exit(), typo.all());
        assertTrue(typo.err().contains("help: did you mean 'train'? the datasets read from files are: train"), typo.err());
        CliRun used = piped("data train = csv(\"nowhere.csv\")\nprint train.rows\n", "--data", "train=" + csv);
        assertEquals(0, used.exit(), used.all());
        assertEquals("3", used.out().strip(), "the --data file was read, not nowhere.csv");
    }

    @Test
    void pipedInputRefusesAnInlineDatasetNamedByDataAndMalformedValuesAtOnce() throws IOException {
        CliRun inline = piped("data t = table {\n  x, y\n  1, 2\n}\nprint 5\n", "--data", "t=" + csv);
        assertEquals(2, inline.exit(), inline.all());
        assertEquals("5", inline.out().strip());
        assertTrue(inline.err().startsWith("error[L0006]: --data t=...: 't' is not read from a file (it is an inline "
                + "table), so there is no path to replace\n"), inline.err());
        CliRun twice = piped("print 1\n", "--data", "a=" + csv, "--data", "a=" + csv);
        assertEquals(2, twice.exit(), twice.all());
        assertEquals("", twice.out(), "nothing was read: " + twice.all());
        assertTrue(twice.err().startsWith("error[L0006]: --data a=... is given 2 times\n"), twice.err());
        CliRun json = piped("print 1\n", "--json", "--data", "foo=bar");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals(2, doc.get("exit").asInt(), json.out());
        JsonNode d = doc.get("files").get(0).get("diagnostics").get(0);
        assertEquals("L0006", d.get("code").asText());
        assertEquals("<command line>", d.get("file").asText());
    }
}
