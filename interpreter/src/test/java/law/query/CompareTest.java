package law.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code compare}: {@code where} keeps rows as everywhere, {@code holdout} sets rows aside (and
 * warns when a compared fit was fitted on them), and laws nested through {@code with} (bound or
 * tied parameters) get a likelihood-ratio test while the others say why they are not nested.
 */
class CompareTest {
    private static final String START = "{ start = {E = 1.7, A = 400, B = 400, alpha = 0.3, beta = 0.3} }";
    private static Session session;

    @BeforeAll
    static void fits() {
        session = new Session(Options.defaults().withThreads(2));
        Outcome o = session.run("<spec>", """
                use chinchilla
                data d = simulate(hoffmann2022, N = 1e8..1e10 log 6, D = 1e9..1e11 log 6, noise = lognormal(0.02),
                                  seed = 11, target = L)
                law tied = chinchilla with { beta = alpha }
                law e_fixed = chinchilla with { E = 1.69 }
                law doubled(N, D) = E + A / N^alpha + B / D^(2 * beta) { A > 0, B > 0, E >= 0, alpha in (0, 2), beta in (0, 2) }
                law doubled_b = doubled with { beta = 0.14 }
                law written(N, D) = E + A / N^alpha + B / D^0.28 { A > 0, B > 0, E >= 0, alpha in (0, 2) }
                fit full = chinchilla(N, D) ~ L in d START
                fit one = tied(N, D) ~ L in d { start = {E = 1.7, A = 400, B = 400, alpha = 0.3} }
                fit ef = e_fixed(N, D) ~ L in d { start = {A = 400, B = 400, alpha = 0.3, beta = 0.3} }
                fit db = doubled_b(N, D) ~ L in d { start = {E = 1.7, A = 400, B = 400, alpha = 0.3} }
                fit so = written(N, D) ~ L in d { start = {E = 1.7, A = 400, B = 400, alpha = 0.3} }
                fit small_n = chinchilla(N, D) ~ L in d { where = N < 1e9, start = {E = 1.7, A = 400, B = 400, alpha = 0.3, beta = 0.3} }
                """.replace("START", START));
        assertFalse(o.hasErrors(), o.diagnostics().toString());
    }

    private static Outcome run(String text) {
        Outcome o = session.run("<q>", text);
        assertFalse(o.hasErrors(), o.diagnostics().toString());
        return o;
    }

    private static JsonNode law(JsonNode compare, String name) {
        for (JsonNode l : compare.get("laws").get("rows")) {
            if (l.get("law").asText().equals(name)) {
                return l;
            }
        }
        throw new AssertionError(name + " not in " + compare);
    }

    /** The likelihood-ratio tests as the text prints them: {@code full vs one: STAT on DF degrees of freedom, p = P}. */
    private static List<String> ratios(JsonNode compare) {
        List<String> out = new ArrayList<>();
        compare.get("likelihood_ratios").forEach(x -> out.add(x.get("law").asText() + " vs " + x.get("nested").asText()
                + ": " + law.report.Fmt.num(x.get("statistic").asDouble(), 5) + " on " + x.get("df").asInt()
                + " degrees of freedom, p " + (x.get("p_value").asDouble() < 1e-16 ? "< 1e-16"
                        : "= " + law.report.Fmt.num(x.get("p_value").asDouble(), 3))));
        return out;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** The pairs that are not nested as the text prints them: {@code full and db: why}. */
    private static List<String> notNested(JsonNode compare) {
        List<String> out = new ArrayList<>();
        compare.get("not_nested").forEach(x -> out.add(x.get("law").asText() + " and " + x.get("other").asText() + ": "
                + x.get("reason").asText()));
        return out;
    }

    @Test
    void whereKeepsTheRowsWhereItHolds() {
        JsonNode c = run("compare full, hoffmann2022 on d where N > 1e9").results().get(0).json();
        assertEquals(18, law(c, "full").get("n").asInt(), "6 sizes above 1e9 of 6 x 6 points: 3 x 6 rows kept");
        assertEquals(18, c.get("rows_kept").asInt());
        assertTrue(c.get("laws").get("rows").get(0).get("held-out n") == null, "where holds nothing out");
        String text = run("compare full on d where N > 1e9").results().get(0).text();
        assertTrue(text.startsWith("compare (linear residuals) on d: 18 of 36 rows where N > 1e9\n"), text);
        assertFalse(text.contains("held-out"), text);
    }

    @Test
    void holdoutSetsRowsAsideAndWarnsWhenAFitSawThem() {
        Outcome o = run("compare full, small_n, hoffmann2022 on d holdout N >= 1e9");
        JsonNode c = o.results().get(0).json();
        assertEquals(18, law(c, "full").get("n").asInt());
        assertEquals(18, law(c, "full").get("held-out n").asInt());
        assertEquals(18, c.get("rows_held_out").asInt());
        List<Diagnostic> seen = o.diagnostics().stream().filter(d -> d.code() == Code.HOLDOUT_SEEN).toList();
        assertEquals(1, seen.size(), "full was fitted on every row; small_n and the published law on none held out: "
                + o.diagnostics());
        assertTrue(seen.get(0).message().startsWith("18 of the 18 held-out rows were part of the data 'full' was fitted on"),
                seen.get(0).message());
        assertTrue(o.results().get(0).text().contains("held-out RMSE"));
        List<Diagnostic> both = run("compare full, one, small_n on d holdout N >= 1e9").diagnostics().stream()
                .filter(d -> d.code() == Code.HOLDOUT_SEEN).toList();
        assertEquals(1, both.size(), both.toString());
        assertTrue(both.get(0).message().startsWith("held-out rows were part of the data 'full' (18 of the 18) and "
                + "'one' (18 of the 18) were fitted on, so their"), "every fit that saw them is named: " + both);
        JsonNode kept = run("compare small_n on d where D > 1e9 holdout N >= 1e9").results().get(0).json();
        assertEquals(15, law(kept, "small_n").get("n").asInt(), "where first (30 rows), then 15 held out");
        assertEquals(15, law(kept, "small_n").get("held-out n").asInt());
        // the extrapolation figures: the relative error at the largest held-out N, and the
        // held-out points inside their 95% prediction intervals
        JsonNode small = law(c, "small_n");
        assertTrue(Math.abs(small.get("largest rel. err").asDouble()) < 0.05, small.toString());
        String[] pi = small.get("in 95% PI").asText().split("/");
        assertEquals(18, Integer.parseInt(pi[1]), small.toString());
        assertTrue(Integer.parseInt(pi[0]) >= 14, "about 95% of 18: " + small);
        assertEquals("-", law(c, "hoffmann2022").get("in 95% PI").asText(), "a published law has no noise estimate");
    }

    @Test
    void aLawWithATiedParameterIsNestedInItsBase() {
        JsonNode c = run("compare full, one on d").results().get(0).json();
        List<String> lr = ratios(c);
        assertEquals(1, lr.size(), c.toString());
        double stat = 2 * (law(c, "full").get("logL").asDouble() - law(c, "one").get("logL").asDouble());
        double p = 1 - new ChiSquaredDistribution(1).cumulativeProbability(stat);
        assertTrue(lr.get(0).startsWith("full vs one: "), lr.get(0));
        assertTrue(lr.get(0).contains(" on 1 degrees of freedom"), lr.get(0));
        assertTrue(stat >= 0, "the tied fit cannot fit better than its base");
        assertTrue(lr.get(0).endsWith("p = " + law.report.Fmt.num(p, 3)) || p < 1e-16, lr.get(0) + " vs p " + p);
        assertEquals(List.of(), notNested(c));
        JsonNode subset = run("compare full, one on d where N > 1e9").results().get(0).json();
        assertEquals(List.of("full", "one"), names(subset.get("likelihood_ratios").get(0).get("approximate")));
        assertTrue(ratios(subset).get(0).startsWith("full vs one: "), ratios(subset).toString());
        String text = run("compare full, one on d where N > 1e9").results().get(0).text();
        assertTrue(text.contains("(approximate: full and one were not fitted on exactly these rows)"), text);
        JsonNode own = run("compare small_n, one on d where N < 1e9").results().get(0).json();
        assertEquals(List.of("one"), names(own.get("likelihood_ratios").get(0).get("approximate")),
                "small_n was fitted on exactly the rows where N < 1e9: " + own);
    }

    @Test
    void aBoundParameterAndAPublishedSetAreNestedToo() {
        JsonNode c = run("compare full, ef, hoffmann2022 on d").results().get(0).json();
        List<String> lr = ratios(c);
        assertTrue(lr.stream().anyMatch(l -> l.startsWith("full vs ef: ") && l.contains(" on 1 degrees")), lr.toString());
        assertTrue(lr.stream().anyMatch(l -> l.startsWith("full vs hoffmann2022: ") && l.contains(" on 5 degrees")),
                lr.toString());
        assertTrue(lr.stream().anyMatch(l -> l.startsWith("ef vs hoffmann2022: ") && l.contains(" on 4 degrees")),
                "hoffmann2022 is chinchilla with every value bound, E as ef binds it: " + lr);
        assertEquals(List.of(), notNested(c));
    }

    @Test
    void pairsThatAreNotNestedSayWhy() {
        Outcome o = run("compare full, one, ef, db, so on d");
        List<String> not = notNested(o.results().get(0).json());
        assertTrue(not.contains("ef and one: both estimate 4 parameters"), not.toString());
        assertTrue(not.contains("full and db: db is not full with parameters fixed or tied: their forms differ"),
                not.toString());
        assertTrue(not.contains("full and so: full estimates beta, which so neither fixes nor ties"),
                "nesting is read from 'with', not guessed from a body written out: " + not);
        assertTrue(o.results().get(0).text().contains("\nnot nested: full and db: "), o.results().get(0).text());
        List<String> tie = notNested(run("compare one, hoffmann2022 on d").results().get(0).json());
        assertEquals(List.of("one and hoffmann2022: one ties beta = alpha, but hoffmann2022 has beta = 0.28 and "
                + "alpha = 0.34"), tie, "the published values break the tie; the forms are the same");
    }
}
