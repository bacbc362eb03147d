package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/** Fits through the trigonometric builtins and erf: their compiled values and exact derivatives at work. */
class BuiltinFitTest {

    /**
     * Simulated data with known parameters (a = 1, b = 0.9, c = 0.3, d = 2, normal noise 0.01):
     * the 95% intervals must cover the truth, and the frequency must be recovered to 1e-3.
     */
    @Test
    void intervalsCoverTheTrueParameters() {
        Session s = FitFixtures.session(1);
        Outcome o = FitFixtures.run(s, """
                law f(x) = a * sin(b * x) + c * atan(x) + erf(x / d) {
                  a: "amplitude"
                  b: "frequency"
                  c: "weight of the arc tangent"
                  d > 0
                }
                law truth = f with { a = 1, b = 0.9, c = 0.3, d = 2 }
                data sim = simulate(truth, x = 0.1..10 by 0.1, noise = normal(0.01), seed = 3)
                fit g = f(x) ~ y in sim { start = {a = 1.2, b = 0.95, c = 0, d = 1} }
                expect g.a.ci_low < 1
                expect g.a.ci_high > 1
                expect g.b.ci_low < 0.9
                expect g.b.ci_high > 0.9
                expect g.c.ci_low < 0.3
                expect g.c.ci_high > 0.3
                expect g.d.ci_low < 2
                expect g.d.ci_high > 2
                expect g.b = 0.9 +- 0.001
                """);
        assertTrue(o.diagnostics().isEmpty(), o.diagnostics().toString());
        assertEquals(9, o.passed());
        assertEquals(0, o.failed());
    }
}
