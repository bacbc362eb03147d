package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import law.diag.Code;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/**
 * A parameter declared in an interval stays in it whatever the method: the default runs the trust
 * region there (it keeps the interval by projection), and lm or lbfgs, which run unbounded and
 * reported E = 2 for {@code E in [0, 1]}, are refused.
 */
class IntervalMethodsTest {
    private static final String SPEC = """
            law truth(N) = 2 + 5 / N^0.5
            data d = simulate(truth, N = 1..1000 log 20, target = L)
            law q(N) = E + A / N^alpha { E in [0, 1], A > 0, alpha > 0 }
            """;

    @Test
    void theDefaultKeepsTheIntervalWithTheTrustRegion() {
        Session s = new Session(Options.defaults());
        Outcome o = s.run("<spec>", SPEC + "fit f = q(N) ~ L in d { start = {E = 0.5, A = 1, alpha = 0.3} }\nprint f\nprint f.E\n");
        assertFalse(o.hasErrors(), o.diagnostics().toString());
        com.fasterxml.jackson.databind.JsonNode e = o.results().get(o.results().size() - 1).json();
        assertEquals(1.0, e.isObject() ? e.get("value").asDouble() : e.asDouble(), 0, "E on its upper end");
        assertTrue(o.results().stream().anyMatch(r -> r.text().contains("squared, trust_region")),
                o.results().get(0).text());
    }

    @Test
    void lmAndLbfgsAreRefusedWhereAParameterIsInAnInterval() {
        for (String method : new String[] {"lm", "lbfgs"}) {
            Session s = new Session(Options.defaults());
            Outcome o = s.run("<spec>", SPEC + "fit f = q(N) ~ L in d { start = {E = 0.5, A = 1, alpha = 0.3}, method = "
                    + method + " }\n");
            assertTrue(o.diagnostics().stream().anyMatch(d -> d.code() == Code.BAD_OPTION
                    && d.message().contains("cannot keep 'E' in its interval")), method + ": " + o.diagnostics());
        }
    }
}
