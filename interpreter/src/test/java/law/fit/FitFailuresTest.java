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

/** Fits that cannot work fail with a located L06xx diagnostic; uncertainties match the truth. */
class FitFailuresTest {

    private static Table table(double[] x, double[] y) {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(List.of(x[i], y[i]));
        }
        return InlineTable.of(List.of("x", "y"), rows);
    }

    private static Diagnostic error(Outcome o) {
        return o.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    }

    private static final String POWER = "law power(x) = a * x^(-b) + c {\n  a > 0\n  b > 0\n  c > -inf\n}\n";

    @Test
    void moreParametersThanPoints() {
        Session s = FitFixtures.session(1, "d", table(new double[]{1, 2}, new double[]{3, 2}));
        Diagnostic d = error(FitFixtures.run(s, POWER + "fit f = power(x) ~ y in d\n"));
        assertEquals(Code.FIT_TOO_FEW_POINTS, d.code());
        assertTrue(d.span().line() >= 6, "located at the fit: " + d.span());
    }

    /** Every parameter with start values outside its domain is named: the first in the message, the rest in a note. */
    @Test
    void startsOutsideTheDomainsOfTwoParameters() {
        Session s = FitFixtures.session(1, "d", table(new double[]{1, 2, 3}, new double[]{3, 2, 1.5}));
        Diagnostic d = error(FitFixtures.run(s, "law lin(x) = a - b * x { a in [0, 10], b >= 0 }\n"
                + "fit f = lin(x) ~ y in d { start = grid(a = [11, 1, 12], b = [-1, 0, -2]) }\n"));
        assertEquals(Code.BAD_OPTION, d.code());
        assertEquals("2 of the 3 start values of a are outside its domain [0, 10]: 11 and 12", d.message());
        assertEquals(45, d.span().column(), "the caret on 11: " + d.span());
        assertEquals(List.of("also outside their domains: b (2 values outside its domain >= 0)"), d.notes());
    }

    @Test
    void lawNotFiniteAtTheStart() {
        Session s = FitFixtures.session(1, "d", table(new double[]{1, 2, 3, 4}, new double[]{3, 2, 1.5, 1.2}));
        Diagnostic d = error(FitFixtures.run(s, "law bad(x) = a * log(x - 10) + b { a > -inf\n b > -inf }\n"
                + "fit f = bad(x) ~ y in d { start = {a = 1, b = 1} }\n"));
        assertEquals(Code.FIT_NOT_FINITE, d.code());
        assertTrue(d.message().contains("row"), d.message());
    }

    @Test
    void logResidualWithNonPositivePrediction() {
        Session s = FitFixtures.session(1, "d", table(new double[]{1, 2, 3, 4}, new double[]{3, 2, 1.5, 1.2}));
        Diagnostic d = error(FitFixtures.run(s, "law lin(x) = a + b * x { a > -inf\n b > -inf }\n"
                + "fit f = lin(x) ~ y in d { residual = log\n start = {a = 1, b = -1} }\n"));
        assertEquals(Code.FIT_NON_POSITIVE, d.code());
        assertTrue(d.message().contains("row 1"), d.message());
    }

    @Test
    void constantColumnIsNotIdentifiable() {
        Session s = FitFixtures.session(1, "d", InlineTable.of(List.of("x", "z", "y"),
                List.of(List.of(1, 5, 3.1), List.of(2, 5, 4.9), List.of(3, 5, 7.2), List.of(4, 5, 8.8))));
        Diagnostic d = error(FitFixtures.run(s, "law two(x, z) = a * x + b * z + c { a > -inf\n b > -inf\n c > -inf }\n"
                + "fit f = two(x, z) ~ y in d\n"));
        assertEquals(Code.FIT_NOT_IDENTIFIABLE, d.code());
        assertTrue(d.help().contains("'z'"), d.help());
    }

    /**
     * On y = 5 x^-0.5 + 1 + N(0, 0.01^2), the covariance reported by one fit matches the spread of
     * the estimates over 300 simulated datasets (each standard error within 20%), and the
     * gradient at every optimum is zero.
     */
    @Test
    void covarianceMatchesTheSpreadOfRefits() {
        double[] x = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.pow(10, 3.0 * i / (x.length - 1));
        }
        SplittableRandom rng = new SplittableRandom(11);
        int sims = 300;
        double[][] est = new double[sims][];
        double[] se = null;
        for (int k = 0; k < sims; k++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = 5 * Math.pow(x[i], -0.5) + 1 + 0.01 * gaussian(rng);
            }
            Session s = FitFixtures.session(1, "d", table(x, y));
            Outcome o = FitFixtures.run(s, POWER + "fit f = power(x) ~ y in d { start = {a = 1, b = 1, c = 0} }\n");
            assertTrue(o.diagnostics().stream().noneMatch(Diagnostic::isError), o.diagnostics().toString());
            FitResult r = FitFixtures.result(s, "f");
            est[k] = r.values.clone();
            double[] g = r.uncertainty().gradient();
            for (double gj : g) {
                assertTrue(Math.abs(gj) < 1e-6 * Math.max(r.stats().get("objective"), 1e-12) * 1e3, "gradient " + gj);
            }
            if (k == 0) {
                se = new double[]{r.se(0), r.se(1), r.se(2)};
            }
        }
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            for (double[] e : est) {
                mean += e[j] / sims;
            }
            double ss = 0;
            for (double[] e : est) {
                ss += (e[j] - mean) * (e[j] - mean);
            }
            double spread = Math.sqrt(ss / (sims - 1));
            assertEquals(spread, se[j], 0.2 * spread, "parameter " + j);
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
