package law.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SplittableRandom;
import law.diag.Code;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/**
 * Prediction intervals cover new observations at about their level on data simulated from a known
 * law, where confidence intervals (the law's uncertainty alone) do not: for each seed the data are
 * redrawn, the law refitted, and a fresh observation at each query point checked against the
 * interval. Both methods: the delta method with the noise scale (no bootstrap) and the bootstrap
 * replicates combined with the resampled residuals.
 */
class PredictionIntervalTest {

    private static final double E = 1.7;
    private static final double A = 400;
    private static final double ALPHA = 0.34;
    private static final double SIGMA = 0.03;
    /** Query points: inside the data (40 points, 1e7 .. 1e10) and 3x beyond its largest N. */
    private static final double[] AT = {3e7, 3e8, 3e9, 3e10};

    private static String spec(long seed, int bootstrap) {
        return "law truth(N) = " + E + " + " + A + " / N^" + ALPHA + "\n"
                + "law power(N) = E + A / N^alpha {\n  E > 0\n  A > 0\n  alpha > 0\n}\n"
                + "data d = simulate(truth, N = 1e7..1e10 log 40, noise = lognormal(" + SIGMA + "), seed = " + seed
                + ", target = L)\n"
                + "fit f = power(N) ~ L in d { residual = log, start = {E = 1.5, A = 300, alpha = 0.3}, bootstrap = "
                + bootstrap + ", seed = " + seed + " }\n"
                + String.join("", java.util.Arrays.stream(AT).mapToObj(n ->
                        "predict f at (N = " + n + ") { interval = prediction }\npredict f at (N = " + n + ")\n")
                        .toList());
    }

    /** The fraction of fresh observations inside {prediction, confidence} intervals. */
    private static double[] coverage(int seeds, int bootstrap) {
        int inPi = 0;
        int inCi = 0;
        int total = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            Session s = new Session(Options.defaults().withThreads(1).withQuiet(true));
            Outcome o = s.run("pi.law", spec(seed, bootstrap));
            assertTrue(o.diagnostics().stream().noneMatch(d -> d.isError() || d.code() == Code.NO_INTERVAL),
                    () -> o.diagnostics().toString());
            List<JsonNode> preds = o.results().stream().map(r -> r.json()).filter(j -> j != null && j.has("value"))
                    .toList();
            assertEquals(2 * AT.length, preds.size(), o.results().toString());
            SplittableRandom fresh = new SplittableRandom(1_000_003L * seed);
            for (int k = 0; k < AT.length; k++) {
                double y = (E + A / Math.pow(AT[k], ALPHA)) * Math.exp(SIGMA * normal(fresh));
                JsonNode pi = preds.get(2 * k);
                JsonNode ci = preds.get(2 * k + 1);
                assertEquals("prediction", pi.get("interval").asText());
                inPi += pi.get("pi_low").asDouble() <= y && y <= pi.get("pi_high").asDouble() ? 1 : 0;
                inCi += ci.get("ci_low").asDouble() <= y && y <= ci.get("ci_high").asDouble() ? 1 : 0;
                total++;
            }
        }
        return new double[] {(double) inPi / total, (double) inCi / total};
    }

    private static double normal(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void deltaMethodCoversAtAboutTheLevel() {
        // 300 seeds x 4 points: the binomial sd of a 95% coverage is 0.6%; points of one seed share a fit
        double[] c = coverage(300, 0);
        System.out.println("delta: prediction coverage " + c[0] + ", confidence " + c[1]);
        assertEquals(0.95, c[0], 0.025, "prediction interval coverage");
        assertTrue(c[1] < 0.6, "a confidence interval is not meant to cover new observations: " + c[1]);
    }

    @Test
    void bootstrapWithResampledResidualsCoversAtAboutTheLevel() {
        double[] c = coverage(100, 100);
        System.out.println("bootstrap: prediction coverage " + c[0] + ", confidence " + c[1]);
        // 100 seeds x 4 points: binomial sd 1.1%
        assertEquals(0.95, c[0], 0.03, "prediction interval coverage");
        assertTrue(c[1] < 0.6, "confidence coverage " + c[1]);
    }
}
