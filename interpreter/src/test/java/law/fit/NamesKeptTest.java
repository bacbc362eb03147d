package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Options;
import law.eval.Value;
import law.model.Law;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fit made from columns answers in those columns' names: predict, optimal, plot, compare,
 * extrapolation warnings and export speak of {@code params} and {@code tokens}, not of the form's
 * {@code N} and {@code D}, and the form's names keep working.
 */
class NamesKeptTest {
    private static final String SPEC = """
            use chinchilla
            data runs = simulate(hoffmann2022, N = 1e8..1e10 log 6, D = 1e9..1e11 log 6, noise = lognormal(0.01),
                                 seed = 7, target = loss) {
              params = N
              tokens = D
            }
            fit cf = chinchilla(params, tokens) ~ loss in runs {
              start = {E = 1.7, A = 400, B = 400, alpha = 0.3, beta = 0.3}
            }
            """;

    private static Session fitted(Path dir) {
        Session s = new Session(Options.defaults().withThreads(2).withAllowedPaths(List.of(dir)));
        Outcome o = s.run("<spec>", SPEC);
        assertFalse(o.hasErrors(), o.diagnostics().toString());
        return s;
    }

    private static Outcome run(Session s, String text) {
        Outcome o = s.run("<q>", text);
        assertFalse(o.hasErrors(), o.diagnostics().toString());
        return o;
    }

    private static double number(Outcome o) {
        JsonNode v = o.results().get(o.results().size() - 1).json();
        return v.isObject() ? v.get("value").asDouble() : v.asDouble();
    }

    @Test
    void theFittedLawsVariablesAreTheBoundColumns(@TempDir Path dir) {
        Session s = fitted(dir);
        Law cf = ((Value.LawRef) s.env().get("cf").value()).law();
        assertEquals(List.of("params", "tokens"), cf.vars());
        assertEquals("params", cf.variable("N"), "the form's names are aliases");
        assertEquals(List.of("params", "tokens"), List.copyOf(cf.fitted().variableRanges().keySet()));
        assertEquals("cf(params, tokens)", cf.signature());
    }

    @Test
    void predictAnswersInTheColumnsNamesAndTheFormsNames(@TempDir Path dir) {
        Session s = fitted(dir);
        double byColumns = number(run(s, "predict cf at (params = 1e9, tokens = 2e10)"));
        double byForm = number(run(s, "predict cf at (N = 1e9, D = 2e10)"));
        assertEquals(byColumns, byForm, 0);
        double truth = 1.69 + 406.4 / Math.pow(1e9, 0.34) + 410.7 / Math.pow(2e10, 0.28);
        assertEquals(truth, byColumns, 0.02 * truth, "the fit recovers the simulating law");
        Outcome far = run(s, "predict cf at (params = 1e12, tokens = 2e10)");
        Diagnostic w = far.diagnostics().stream().filter(d -> d.code() == Code.EXTRAPOLATION).findFirst().orElseThrow();
        assertTrue(w.message().startsWith("params = 1e12 is 1e2x beyond the largest fitted params (1e10)"), w.message());
        assertTrue(w.help().contains("fitted on params from 1e8 to 1e10"), w.help());
    }

    @Test
    void optimalUsesTheDeclaredConstraintThroughTheAliases(@TempDir Path dir) {
        Session s = fitted(dir);
        JsonNode byColumns = run(s, "optimal params, tokens for cf at C = 1e21").results().get(0).json();
        JsonNode byForm = run(s, "optimal N, D for cf at C = 1e21").results().get(0).json();
        assertTrue(byColumns.has("params") && byColumns.has("tokens") && byColumns.has("L"), byColumns.toString());
        assertFalse(byColumns.has("N"), byColumns.toString());
        assertEquals(byColumns.toString(), byForm.toString(), "the form's names ask the same question");
        double n = byColumns.get("params").get("value").asDouble();
        double d = byColumns.get("tokens").get("value").asDouble();
        assertEquals(1e21, 6 * n * d, 1e-6 * 1e21, "C = 6 * N * D, spoken as params and tokens");
        Outcome one = run(s, "expect (optimal N for cf at C = 1e21) = " + n + " +- 1e-6%");
        assertEquals(1, one.passed(), "the primary field of 'optimal N' is params");
    }

    @Test
    void compareAndPlotFindTheColumns(@TempDir Path dir) throws Exception {
        Session s = fitted(dir);
        Outcome c = run(s, "compare cf, hoffmann2022(params, tokens) on runs");
        assertTrue(c.results().get(0).text().contains("cf  "), c.results().get(0).text());
        run(s, "plot cf on runs { x = params } -> \"" + dir.resolve("cf.png") + "\"");
        run(s, "plot cf on runs by tokens -> \"" + dir.resolve("cf2.png") + "\"");
        run(s, "plot frontier(cf, C = 1e19..1e22 log 4) -> \"" + dir.resolve("frontier.png") + "\"");
        assertTrue(Files.size(dir.resolve("frontier.png")) > 1000);
    }

    @Test
    void anExportedFitKeepsTheNamesAndTheAliases(@TempDir Path dir) throws Exception {
        Session s = fitted(dir);
        Path file = dir.resolve("cf.json");
        run(s, "export cf -> \"" + file + "\"");
        JsonNode doc = new ObjectMapper().readTree(file.toFile());
        assertEquals("[\"params\",\"tokens\"]", doc.get("form").get("variables").toString());
        assertEquals("{\"N\":\"params\",\"D\":\"tokens\"}", doc.get("form").get("aliases").toString());
        assertTrue(doc.get("variable_ranges").has("params"));
        double live = number(run(s, "predict cf at (N = 1e9, D = 2e10)"));
        Session loaded = new Session(Options.defaults().withAllowedPaths(List.of(dir)));
        run(loaded, "use \"" + file + "\"");
        assertEquals(live, number(run(loaded, "predict cf at (params = 1e9, tokens = 2e10)")), 0);
        assertEquals(live, number(run(loaded, "predict cf at (N = 1e9, D = 2e10)")), 0);
    }

    @Test
    void expressionsAndClashesKeepTheFormsNames(@TempDir Path dir) {
        Session s = fitted(dir);
        run(s, "fit scaled = chinchilla(params * 1, tokens) ~ loss in runs "
                + "{ start = {E = 1.7, A = 400, B = 400, alpha = 0.3, beta = 0.3} }");
        Law scaled = ((Value.LawRef) s.env().get("scaled").value()).law();
        assertEquals(List.of("N", "tokens"), scaled.vars(), "an expression is not a column: the form's name stays");
        run(s, "data same = simulate(hoffmann2022, N = 1e8..1e10 log 4, D = 1e9..1e11 log 4, noise = none, "
                + "target = loss) { A = N }");
        run(s, "fit clash = chinchilla(A, D) ~ loss in same { start = {E = 1.7, A = 400, B = 400, alpha = 0.3, beta = 0.3} }");
        Law clash = ((Value.LawRef) s.env().get("clash").value()).law();
        assertEquals(List.of("N", "D"), clash.vars(), "a column named like a parameter does not rename");
    }
}
