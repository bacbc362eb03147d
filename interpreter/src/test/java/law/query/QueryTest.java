package law.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Entry;
import law.eval.Value;
import law.model.Fitted;
import law.model.Law;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryTest {
    private static final String CHINCHILLA = """
            law chinchilla(N, D) = E + A / N^alpha + B / D^beta {
              E > 0
              A > 0
              B > 0
              alpha > 0
              beta > 0
            }
            constraint compute: C = 6 * N * D
            """;

    private static JsonNode last(Outcome o) {
        assertFalse(o.hasErrors(), () -> o.diagnostics().toString());
        return o.results().get(o.results().size() - 1).json();
    }

    /** The numeric optimum matches the closed form to 1e-9 relative. */
    @ParameterizedTest
    @CsvSource({
        "1.69,   406.4,  410.7,   0.34,   0.28,   5.76e23",
        "1.8172, 482.01, 2085.43, 0.3478, 0.3658, 5.76e23",
        "1.8172, 482.01, 2085.43, 0.3478, 0.3658, 1e18",
        "1.8172, 482.01, 2085.43, 0.3478, 0.3658, 1e28",
        "1.69,   406.4,  410.7,   0.34,   0.28,   3.85e24",
        "0.5,    50,     9000,    0.2,    0.6,    1e21",
        "2.0,    1e4,    30,      0.5,    0.1,    1e25",
    })
    void optimalMatchesClosedForm(double e, double a, double b, double alpha, double beta, double c) {
        Session s = new Session();
        s.run("spec", CHINCHILLA + "law f = chinchilla with { E = " + e + ", A = " + a + ", B = " + b
                + ", alpha = " + alpha + ", beta = " + beta + " }");
        JsonNode r = last(s.run("q", "optimal N, D for f at C = " + c));
        double g = Math.pow(alpha * a / (beta * b), 1 / (alpha + beta));
        double n = g * Math.pow(c / 6, beta / (alpha + beta));
        double d = Math.pow(c / 6, alpha / (alpha + beta)) / g;
        assertEquals(n, r.get("N").asDouble(), 1e-9 * n);
        assertEquals(d, r.get("D").asDouble(), 1e-9 * d);
        double loss = e + a / Math.pow(n, alpha) + b / Math.pow(d, beta);
        assertEquals(loss, r.get("L").asDouble(), 1e-12 * loss);
        assertEquals(d / n, r.get("D/N").asDouble(), 1e-8 * d / n);
    }

    /** A fit as the fitting stage will attach it, with a fixed covariance or fixed replicates. */
    private record HandFit(List<String> parameterNames, double[][] covariance, double[][] bootstrap,
                           Map<String, double[]> variableRanges) implements Fitted {
        @Override
        public Map<String, Double> paramFields(String param) {
            return Map.of();
        }

        @Override
        public Map<String, Double> stats() {
            return Map.of();
        }

        @Override
        public String report() {
            return "hand-made fit";
        }
    }

    private static Session fitted(Fitted fit) {
        Session s = new Session();
        s.run("spec", CHINCHILLA + "law base = chinchilla with { E = 1.8172, A = 482.01, B = 2085.43, "
                + "alpha = 0.3478, beta = 0.3658 }");
        Law base = ((Value.LawRef) s.env().get("base").value()).law();
        Law law = base.withValues("epoch", Map.of(), fit, null);
        s.env().define(new Entry("epoch", Entry.Kind.LAW, new Value.LawRef(law), null, null));
        return s;
    }

    private static final List<String> PARAMS = List.of("E", "A", "B", "alpha", "beta");
    private static final Map<String, double[]> RANGES = Map.of("N", new double[] {7e7, 7e10},
            "D", new double[] {1e9, 1e12});

    @Test
    void predictDeltaMethodMatchesHandComputation() {
        double[] sd = {0.03, 40, 200, 0.01, 0.012};
        double[][] cov = new double[5][5];
        for (int i = 0; i < 5; i++) {
            cov[i][i] = sd[i] * sd[i];
        }
        cov[3][1] = cov[1][3] = 0.5 * sd[1] * sd[3];
        Session s = fitted(new HandFit(PARAMS, cov, null, RANGES));
        JsonNode r = last(s.run("q", "predict epoch at (N = 1e10, D = 2e11)"));
        double n = 1e10;
        double d = 2e11;
        double[] grad = {1, Math.pow(n, -0.3478), Math.pow(d, -0.3658), -482.01 * Math.pow(n, -0.3478) * Math.log(n),
            -2085.43 * Math.pow(d, -0.3658) * Math.log(d)};
        double var = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                var += grad[i] * cov[i][j] * grad[j];
            }
        }
        double value = 1.8172 + 482.01 * grad[1] + 2085.43 * grad[2];
        double half = 1.959963984540054 * Math.sqrt(var);
        // a positive quantity: the delta method on its logarithm, so the interval stays positive
        assertEquals(value, r.get("value").asDouble(), 1e-12);
        assertEquals(value * Math.exp(-half / value), r.get("ci_low").asDouble(), 1e-9);
        assertEquals(value * Math.exp(half / value), r.get("ci_high").asDouble(), 1e-9);
    }

    @Test
    void bootstrapIntervalsArePercentilesOfReplicates() {
        Random rnd = new Random(7);
        double[][] reps = new double[200][];
        for (int k = 0; k < reps.length; k++) {
            reps[k] = new double[] {1.8172 + 0.02 * rnd.nextGaussian(), 482.01 * (1 + 0.05 * rnd.nextGaussian()),
                2085.43 * (1 + 0.05 * rnd.nextGaussian()), 0.3478 + 0.005 * rnd.nextGaussian(),
                0.3658 + 0.005 * rnd.nextGaussian()};
        }
        Session s = fitted(new HandFit(PARAMS, null, reps, RANGES));
        JsonNode r = last(s.run("q", "optimal N for epoch at C = 1e21"));
        double[] ns = new double[reps.length];
        for (int k = 0; k < reps.length; k++) {
            double[] p = reps[k];
            double g = Math.pow(p[3] * p[1] / (p[4] * p[2]), 1 / (p[3] + p[4]));
            ns[k] = g * Math.pow(1e21 / 6, p[4] / (p[3] + p[4]));
        }
        java.util.Arrays.sort(ns);
        JsonNode n = r.get("N");
        assertEquals(Uncertainty.quantile(ns, 0.025), n.get("ci_low").asDouble(), 1e-7 * ns[0]);
        assertEquals(Uncertainty.quantile(ns, 0.975), n.get("ci_high").asDouble(), 1e-7 * ns[0]);
        assertTrue(n.get("ci_low").asDouble() < n.get("value").asDouble());
    }

    @Test
    void optimumIntervalByDeltaMethodAgreesWithClosedForm() {
        double[][] cov = new double[5][5];
        double[] sd = {0.03, 40, 200, 0.01, 0.012};
        for (int i = 0; i < 5; i++) {
            cov[i][i] = sd[i] * sd[i];
        }
        Session s = fitted(new HandFit(PARAMS, cov, null, RANGES));
        JsonNode n = last(s.run("q", "optimal N for epoch at C = 1e21")).get("N");
        double[] p = {1.8172, 482.01, 2085.43, 0.3478, 0.3658};
        double n0 = nOpt(p, 1e21);
        double var = 0;
        for (int i = 0; i < 5; i++) {
            double[] up = p.clone();
            double[] down = p.clone();
            double h = 1e-6 * sd[i];
            up[i] += h;
            down[i] -= h;
            double gi = (nOpt(up, 1e21) - nOpt(down, 1e21)) / (2 * h);
            var += gi * gi * cov[i][i];
        }
        double half = 1.959963984540054 * Math.sqrt(var);
        assertEquals(n0, n.get("value").asDouble(), 1e-9 * n0);
        assertEquals(n0 * Math.exp(-half / n0), n.get("ci_low").asDouble(), 1e-5 * half);
        assertEquals(n0 * Math.exp(half / n0), n.get("ci_high").asDouble(), 1e-5 * half);
        assertTrue(n.get("ci_low").asDouble() > 0, "the interval of a positive quantity stays positive");
    }

    private static double nOpt(double[] p, double c) {
        double g = Math.pow(p[3] * p[1] / (p[4] * p[2]), 1 / (p[3] + p[4]));
        return g * Math.pow(c / 6, p[4] / (p[3] + p[4]));
    }

    @Test
    void extrapolationIsAWarningThatSaysHowFar() {
        Session s = fitted(new HandFit(PARAMS, null, null, RANGES));
        Outcome o = s.run("q", "predict epoch at (N = 1e12, D = 1e11)");
        Diagnostic w = o.diagnostics().stream().filter(d -> d.code() == Code.EXTRAPOLATION).findFirst().orElseThrow();
        assertEquals("N = 1e12 is 14x beyond the largest fitted N (7e10)", w.message());
        assertTrue(o.diagnostics().stream().anyMatch(d -> d.code() == Code.NO_INTERVAL));
        assertFalse(o.hasErrors());
    }

    @Test
    void tableWritesCsvNextToTheSpec(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path spec = dir.resolve("sweep.law");
        java.nio.file.Files.writeString(spec, CHINCHILLA + """
                law epoch = chinchilla with { E = 1.8172, A = 482.01, B = 2085.43, alpha = 0.3478, beta = 0.3658 }
                table C = 1e20..1e24 log 3: optimal N, D for epoch at C -> "out/sweep.csv"
                """);
        Outcome o = new Session().runFile(spec);
        assertFalse(o.hasErrors(), () -> o.diagnostics().toString());
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("out/sweep.csv"));
        assertEquals(4, lines.size());
        assertEquals("C,N,D,L,D/N", lines.get(0));
        String[] row = lines.get(2).split(",");
        assertEquals(1e22, Double.parseDouble(row[0]));
        assertEquals(nOpt(new double[] {1.8172, 482.01, 2085.43, 0.3478, 0.3658}, 1e22), Double.parseDouble(row[1]),
                1e-9 * Double.parseDouble(row[1]));
    }

    @Test
    void minimizeOfAFittedLawCarriesTheSameIntervalsAsOptimal() {
        double[][] cov = new double[5][5];
        double[] sd = {0.03, 40, 200, 0.01, 0.012};
        for (int i = 0; i < 5; i++) {
            cov[i][i] = sd[i] * sd[i];
        }
        Session s = fitted(new HandFit(PARAMS, cov, null, RANGES));
        JsonNode a = last(s.run("q", "optimal N, D for epoch at C = 1e21")).get("N");
        Outcome o = s.run("q", "minimize epoch(N, D) subject to 6 * N * D = 1e21");
        JsonNode b = last(o).get("N");
        String text = o.results().get(0).text();
        assertTrue(text.lines().anyMatch(l -> l.matches("N += [0-9.e]+ +95% CI \\[[0-9.e]+, [0-9.e]+\\]")), text);
        assertTrue(text.contains("intervals: 95%, delta method on the log scale"), text);
        assertEquals(a.get("ci_low").asDouble(), b.get("ci_low").asDouble(), 1e-6 * a.get("value").asDouble());
        assertEquals(a.get("ci_high").asDouble(), b.get("ci_high").asDouble(), 1e-6 * a.get("value").asDouble());
        assertTrue(o.diagnostics().isEmpty(), () -> o.diagnostics().toString());
        Outcome far = s.run("q", "optimal N for epoch at C = 1e25");
        assertTrue(far.diagnostics().stream().anyMatch(d -> d.code() == Code.EXTRAPOLATION
                && d.message().startsWith("N = ")), () -> far.diagnostics().toString());
    }
}
