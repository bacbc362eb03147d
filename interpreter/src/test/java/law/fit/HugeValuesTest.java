package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import law.data.InlineTable;
import law.data.Table;
import law.diag.Code;
import law.diag.Diagnostic;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/**
 * Identifiability is judged free of the parameters' scale: a law near 1e300 under log residuals
 * has {@code d r / d A = 1/A ~ 1e-297}, whose square underflowed to 0, which L0604 took for a
 * parameter the data cannot determine.
 */
class HugeValuesTest {
    /** y = scale * x^0.4 * exp(0.05 z), z standard normal, at 30 log-spaced x in [1, 1e6]. */
    private static Table data(double scale) {
        SplittableRandom rng = new SplittableRandom(7);
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double x = Math.pow(1e6, i / 29.0);
            double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            rows.add(List.of(x, scale * Math.pow(x, 0.4) * Math.exp(0.05 * z)));
        }
        return InlineTable.of(List.of("x", "y"), rows);
    }

    private static Session fit(double scale, String law) {
        return FitFixtures.clean(FitFixtures.session(1, "d", data(scale)), law + "fit f = p(x) ~ y in d { residual = log }\n");
    }

    @Test
    void aLawNear1e300IsIdentifiedAsAt1e10() {
        FitResult big = FitFixtures.result(fit(2e297, "law p(x) = A * x^alpha { A > 0, alpha }\n"), "f");
        FitResult small = FitFixtures.result(fit(2e10, "law p(x) = A * x^alpha { A > 0, alpha }\n"), "f");
        // The same log-residual problem at both scales: same alpha, A in proportion, same conditioning.
        assertEquals(small.value(1), big.value(1), 1e-9);
        assertEquals(small.value(0) / 2e10, big.value(0) / 2e297, 1e-9);
        assertEquals(0.4, big.value(1), 0.01);
        assertTrue(big.uncertainty().unidentified().isEmpty(), big.uncertainty().unidentified().toString());
        assertEquals(small.uncertainty().condition(), big.uncertainty().condition(), 1e-9 * small.uncertainty().condition());
        // A's variance (about (3e295)^2) has no double, but its standard error does: every standard
        // error is that of the fit at 1e10 (A's in proportion); only the covariance matrix is lost.
        assertEquals(small.se(1), big.se(1), 1e-9 * small.se(1));
        assertEquals(small.se(0) / small.value(0), big.se(0) / big.value(0), 1e-9);
        assertEquals(small.correlation(0, 1), big.correlation(0, 1), 1e-9);
        assertEquals(small.interval(0)[1] / 2e10, big.interval(0)[1] / 2e297, 1e-9);
        assertTrue(big.uncertainty().reason() == null && big.covariance() == null);
        String why = big.uncertainty().overflow(big.parameterNames(), new double[] {big.value(0), big.value(1)});
        assertTrue(why.contains("the variance of A overflows") && why.contains("write A as 1e297 * A1"), why);
        // Rescaled as suggested, the standard errors are those of the fit at 1e10.
        FitResult scaled = FitFixtures.result(fit(2e297, "law p(x) = 1e287 * A1 * x^alpha { A1 > 0, alpha }\n"), "f");
        assertEquals(small.se(1), scaled.se(1), 1e-9 * small.se(1));
        assertEquals(small.se(0) / small.value(0), scaled.se(0) / scaled.value(0), 1e-9);
    }

    @Test
    void weightsNear1e250GiveTheFitOfUnitWeights() {
        // The sandwich's middle sums (w psi)^2: for weights of 1e-250 that was 0, the correlations
        // 0/0, and the report's overflow check failed on an empty list (an internal error).
        sameAsUnitWeights(1e-250);
    }

    @Test
    void weightsNear1e300GiveTheFitOfUnitWeights() {
        // The objective's rounding floor times the weights' sum overflowed to infinity, and every
        // start said "the data are fitted exactly" at its first point.
        sameAsUnitWeights(1e300);
    }

    @Test
    void lbfgsWithWeightsNear1e250Or1e300GivesTheFitOfUnitWeights() {
        // Its curvature pairs' y'y underflowed to 0 (1e-250) or overflowed (1e300), and it
        // stopped at its start: "no step decreases the objective" after 0 to 2 iterations.
        // It stops on a small relative decrease, not at a stationary point: agreement to 1e-7.
        sameAsUnitWeights(1e-250, ", method = lbfgs", 1e-7);
        sameAsUnitWeights(1e300, ", method = lbfgs", 1e-7);
    }

    @Test
    void lbfgsFromAStartOfObjective5e227ReachesTheTrustRegionsOptimum() {
        // The reviewer's case: from A = 2.2e111 the objective is 4.8e227 and falls to 1e-4 of the
        // data's scale. With the scale of the start alone, once it had fallen by about 1e160 the
        // gradient differences' y'y underflowed, the curvature pairs were dropped, and lbfgs stalled
        // near 1e64 ("no step decreases the objective"); it renews its scale on the way down now.
        String law = "law p(x) = A * x^alpha { A > 0, alpha }\n";
        String fit = "fit f = p(x) ~ y in d { start = {A = 2.2e111, alpha = 0.4}, method = %s }\n";
        FitResult tr = FitFixtures.result(FitFixtures.clean(FitFixtures.session(1, "d", data(2)),
                law + fit.formatted("trust_region")), "f");
        FitResult lb = FitFixtures.result(FitFixtures.clean(FitFixtures.session(1, "d", data(2)),
                law + fit.formatted("lbfgs")), "f");
        double objective = tr.stats().get("objective");
        assertTrue(tr.stop().converged() && lb.stop().converged(), tr.stop() + ", " + lb.stop());
        assertEquals(objective, lb.stats().get("objective"), 1e-9 * objective);
        for (int j = 0; j < 2; j++) {
            assertEquals(tr.value(j), lb.value(j), 1e-6 * Math.abs(tr.value(j)));
        }
    }

    @Test
    void subnormalWeightsAreRefused() {
        Diagnostic d = FitFixtures.firstError(FitFixtures.session(1, "d", data(1)), "law p(x) = A * x^alpha { A > 0, alpha }\n"
                + "fit f = p(x) ~ y in d { residual = log, weights = 1e-320 + 0 * x }\n");
        assertEquals(Code.FIT_BAD_WEIGHT, d.code());
        assertTrue(d.message().contains("smallest normal double"), d.message());
    }

    private static void sameAsUnitWeights(double weight) {
        sameAsUnitWeights(weight, "", 1e-9);
    }

    private static void sameAsUnitWeights(double weight, String options, double tol) {
        String law = "law p(x) = A * x^alpha { A > 0, alpha }\n";
        String fit = "fit f = p(x) ~ y in d { residual = log, loss = huber(0.03)%s }\n";
        FitResult unit = FitFixtures.result(FitFixtures.clean(FitFixtures.session(1, "d", data(1)),
                law + fit.formatted(options)), "f");
        FitResult scaled = FitFixtures.result(FitFixtures.clean(FitFixtures.session(1, "d", data(1)),
                law + fit.formatted(options + ", weights = " + weight + " + 0 * x")), "f");
        double objective = unit.stats().get("objective") * weight;
        assertEquals(objective, scaled.stats().get("objective"), tol * objective);
        assertEquals(unit.stop(), scaled.stop());
        for (int j = 0; j < 2; j++) {
            assertEquals(unit.value(j), scaled.value(j), tol * Math.abs(unit.value(j)));
            assertEquals(unit.se(j), scaled.se(j), tol * unit.se(j));
            // The reported gradient is in the weights' units: near 0 at the optimum on their scale.
            double g = scaled.uncertainty().gradient()[j];
            assertTrue(Math.abs(g) < tol * objective && (g != 0 || unit.uncertainty().gradient()[j] == 0), g + "");
        }
        assertEquals(unit.correlation(0, 1), scaled.correlation(0, 1), tol);
        assertTrue(scaled.covariance() != null);
    }

    @Test
    void aProductOfTwoParametersNear1e300IsStillRefused() {
        Diagnostic d = FitFixtures.firstError(FitFixtures.session(1, "d", data(2e297)),
                "law p(x) = A * B * x^alpha { A > 0, B > 0, alpha }\nfit f = p(x) ~ y in d { residual = log }\n");
        assertEquals(Code.FIT_NOT_IDENTIFIABLE, d.code());
        assertTrue(d.message().contains("A, B") && !d.message().contains("alpha"), d.message());
    }

    @Test
    void linearResidualsNear1e152AreIdentifiedToo() {
        // d r / d alpha = A x^alpha log x ~ 3e155 and the data's mean square ~ 1e306: both squares
        // overflowed to infinity, read as an empty column and a data scale no column could reach.
        Session s = FitFixtures.session(1, "d", data(5e151));
        Outcome o = FitFixtures.run(s, "law p(x) = A * x^alpha { A > 0, alpha }\n"
                + "fit f = p(x) ~ y in d { start = {A = 5e151, alpha = 0.4} }\n");
        assertTrue(o.diagnostics().stream().noneMatch(d -> d.code() == Code.FIT_NOT_IDENTIFIABLE), o.diagnostics().toString());
        FitResult r = FitFixtures.result(s, "f");
        assertTrue(r.se(1) > 1e-4 && r.se(1) < 0.1, "se(alpha) " + r.se(1));
        assertTrue(r.se(0) / r.value(0) > 1e-3 && r.se(0) / r.value(0) < 0.5, "se(A) " + r.se(0));
    }

    @Test
    void aStandardErrorAboveTheLargestDoubleIsNamedNotGuessed() {
        // se(b) = 1e200 * 1e200 has no double, se(a) = 2 has: a keeps its own, b says why it has none.
        Uncertainty u = new Uncertainty(new double[] {2, Double.POSITIVE_INFINITY}, new double[][] {{1, 0.5}, {0.5, 1}},
                null, 10, 12, 2.2, List.of(), new double[2], null);
        assertEquals(2, u.se(0));
        assertTrue(Double.isNaN(u.se(1)));
        assertEquals(List.of("b"), u.unrepresentable(List.of("a", "b")));
        assertTrue(u.covariance() == null);
        String why = u.overflow(List.of("a", "b"), new double[] {1, 1e300});
        assertTrue(why.startsWith("no standard error for b: it is above the largest double"), why);
        assertTrue(u.times(4).se(0) == 4 && u.times(4).correlation(0, 1) == 0.5);
    }
}
