package law.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import law.JsonSchemas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code law report --json} (docs/report.md, schema docs/schema/law.report-1.schema.json): the
 * run's diagnostics are in the document as {@code law --json run} gives them, and, as under
 * {@code law --json run}, nothing goes to stderr, also when the file is missing or the report
 * cannot be written.
 */
class ReportJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAD = "law f(x) = a * x^b\nfit g = f(x) ~ y in nodata\n";

    @TempDir
    static Path dir;
    static Schema schema;
    static Path bad;

    @BeforeAll
    static void setUp() throws IOException {
        schema = JsonSchemas.load("law.report-1.schema.json");
        bad = dir.resolve("bad.law");
        Files.writeString(bad, BAD);
    }

    private static JsonNode valid(CliRun r) throws IOException {
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(List.of(), JsonSchemas.errors(schema, doc), r.out());
        assertEquals("law.report/1", doc.get("schema").asText());
        return doc;
    }

    /** The errors of a spec are structured diagnostics, the same objects law --json run gives; problems stays. */
    @Test
    void diagnosticsAreThoseOfRunJson() throws IOException {
        CliRun report = CliRun.run("report", "--json", bad.toString());
        assertEquals(65, report.exit(), report.all());
        assertEquals("", report.err(), "under --json nothing goes to stderr");
        JsonNode doc = valid(report);
        CliRun run = CliRun.run("run", "--json", bad.toString());
        assertEquals(JSON.readTree(run.out()).get("files").get(0).get("diagnostics"), doc.get("diagnostics"));
        JsonNode first = doc.get("diagnostics").get(0);
        assertEquals("L0201", first.get("code").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals(bad.toString(), first.get("file").asText());
        assertEquals(1, first.get("line").asInt());
        assertEquals(12, first.get("column").asInt());
        assertEquals("did you mean 'x'?", first.get("help").asText());
        assertEquals("L0201 at " + bad + ":1:12: unknown name 'a'", doc.get("problems").get(0).asText());
        assertEquals(2, doc.get("problems").size());
    }

    /** Without --json the appendix is text and the diagnostics go to stderr, as before. */
    @Test
    void textReportStillPrintsDiagnosticsOnStderr() {
        CliRun r = CliRun.run("report", bad.toString());
        assertEquals(65, r.exit(), r.all());
        assertTrue(r.err().startsWith("error[L0201]: unknown name 'a'\n"), r.err());
        assertTrue(r.out().contains("L0201 at " + bad + ":1:12: unknown name 'a'"), r.out());
    }

    /** A clean report has warnings among its diagnostics too, and no problems. */
    @Test
    void aCleanReportValidatesWithItsWarnings() throws IOException {
        Path spec = dir.resolve("fit.law");
        Files.writeString(spec, """
                law pw(x) = a * x^b { a > 0, b: "exponent" }
                data d = table {
                  x, y
                  1, 2.0
                  2, 2.9
                  4, 4.1
                  8, 6.0
                }
                fit f = pw(x) ~ y in d { start = {a = 1, b = 0.5} }
                predict f at (x = 100)
                """);
        CliRun r = CliRun.run("report", "--json", spec.toString());
        assertEquals(0, r.exit(), r.all());
        assertEquals("", r.err());
        JsonNode doc = valid(r);
        assertEquals(0, doc.get("problems").size());
        assertEquals("L0706", doc.get("diagnostics").get(0).get("code").asText(), "the prediction extrapolates");
        assertEquals("warning", doc.get("diagnostics").get(0).get("severity").asText());
        assertEquals("f", doc.get("sections").get(0).get("name").asText());
    }

    /** A missing file, an unknown --data name: the document says so (exit 66, 2), stderr stays empty. */
    @Test
    void aFileThatDoesNotRunIsADocumentToo() throws IOException {
        Path missing = dir.resolve("missing.law");
        CliRun r = CliRun.run("report", "--json", missing.toString());
        assertEquals(66, r.exit(), r.all());
        assertEquals("", r.err());
        JsonNode d = valid(r).get("diagnostics").get(0);
        assertEquals("L0002", d.get("code").asText());
        assertEquals("<command line>", d.get("file").asText());
        assertEquals("law report --json ".length() + 1, d.get("column").asInt());
        CliRun data = CliRun.run("--json", "report", "--data", "zz=x.csv", bad.toString());
        assertEquals(2, data.exit(), data.all());
        assertEquals("", data.err());
        assertEquals("L0006", valid(data).get("diagnostics").get(0).get("code").asText());
    }

    /**
     * -o OUT that cannot be written (exit 73): the error is in the document, printed on stdout
     * instead, with the run's own diagnostics when the spec ran.
     */
    @Test
    void anUnwritableOutputIsInTheDocument() throws IOException {
        CliRun early = CliRun.run("report", "--json", "-o", dir.resolve("no/such/x.json").toString(), bad.toString());
        assertEquals(73, early.exit(), early.all());
        assertEquals("", early.err());
        JsonNode e = valid(early).get("diagnostics");
        assertEquals(1, e.size(), "found before the spec runs");
        assertEquals("L0803", e.get(0).get("code").asText());
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        CliRun late = CliRun.run("report", "--json", "-o", folder.toString(), bad.toString());
        assertEquals(73, late.exit(), late.all());
        assertEquals("", late.err());
        JsonNode l = valid(late).get("diagnostics");
        assertEquals(List.of("L0201", "L0206", "L0803"), List.of(l.get(0).get("code").asText(),
                l.get(1).get("code").asText(), l.get(2).get("code").asText()));
    }

    /** The schema is not vacuous, and its diagnostic is law.output/1's. */
    @Test
    void theSchemaCatchesMistakes() throws IOException {
        JsonNode doc = valid(CliRun.run("report", "--json", bad.toString()));
        ObjectNode asText = doc.deepCopy();
        asText.putArray("diagnostics").add("L0201 at bad.law:1:12: unknown name 'a'");
        assertFalse(JsonSchemas.errors(schema, asText).isEmpty(), "a diagnostic as a string passed");
        ObjectNode noCode = doc.deepCopy();
        ((ObjectNode) noCode.get("diagnostics").get(0)).remove("code");
        assertFalse(JsonSchemas.errors(schema, noCode).isEmpty(), "a diagnostic without its code passed");
        ObjectNode without = doc.deepCopy();
        without.remove("diagnostics");
        assertFalse(JsonSchemas.errors(schema, without).isEmpty(), "a document without diagnostics passed");
        JsonNode output = JSON.readTree(Files.readString(JsonSchemas.file("law.output-1.schema.json")));
        JsonNode report = JSON.readTree(Files.readString(JsonSchemas.file("law.report-1.schema.json")));
        assertEquals(output.get("$defs").get("diagnostic"), report.get("$defs").get("diagnostic"),
                "the report schema repeats law.output/1's diagnostic");
    }
}
