package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import law.data.InlineTable;
import law.diag.Diagnostic;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/** Fields, expectations and the JSON twin of a fit. */
class FitReportTest {

    @Test
    void fieldsExpectationsAndJson() {
        Session s = FitFixtures.session(2, "d", InlineTable.of(List.of("x", "y"), List.of(
                List.of(1, 2.9), List.of(2, 5.1), List.of(3, 7.0), List.of(4, 9.2), List.of(5, 10.9))));
        Outcome o = FitFixtures.run(s, """
                law line(x) = a + b * x { a > -inf
                  b > 0 }
                fit f = line(x) ~ y in d { loss = soft_l1(1)
                  start = {a = 0, b = 1} }
                expect f.b = 2 +- 0.1
                expect f.b.se < 0.2
                print f.b.ci_high
                print f
                """);
        assertTrue(o.diagnostics().stream().noneMatch(Diagnostic::isError), o.diagnostics().toString());
        assertEquals(2, o.passed());
        JsonNode json = o.results().get(o.results().size() - 1).json();
        assertEquals("soft_l1(1)", json.get("options").get("loss").asText());
        assertEquals("linear", json.get("options").get("residual").asText());
        assertEquals(0, json.get("options").get("seed").asInt());
        assertTrue(json.get("data_hash").asText().startsWith("sha256:"));
        assertEquals(2, json.get("parameters").size());
    }

    @Test
    void iterationLimitIsAWarningThatKeepsTheResult() {
        Session s = FitFixtures.session(1, "d", InlineTable.of(List.of("x", "y"), List.of(
                List.of(1, 5.0), List.of(10, 2.6), List.of(100, 1.5), List.of(1000, 1.16), List.of(10000, 1.05))));
        Outcome o = FitFixtures.run(s, """
                law p(x) = a * x^(-b) + c { a > 0
                  b > 0
                  c > -inf }
                fit f = p(x) ~ y in d { method = newton
                  max_iterations = 2
                  start = {a = 100, b = 3, c = -5} }
                """);
        assertTrue(o.diagnostics().stream().noneMatch(Diagnostic::isError), o.diagnostics().toString());
        assertTrue(o.diagnostics().stream().anyMatch(d -> d.code() == law.diag.Code.FIT_ITERATION_LIMIT));
        assertTrue(s.env().get("f") != null);
    }
}
