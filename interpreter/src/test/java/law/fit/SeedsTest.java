package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/** Nearby seeds give independent bootstrap replicates (they used to replay each other one draw apart). */
public class SeedsTest {

    /** Pearson correlation of two equally long samples. */
    public static double correlation(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void streamsOfNearbySeedsAndReplicatesAreUnrelated() {
        // first uniforms of replicate b for seeds 1 and 2, and of replicates b and b + 1 of seed 1
        int n = 2000;
        double[][] u = new double[3][n];
        for (int b = 0; b < n; b++) {
            SplittableRandom one = Seeds.replicate(1, b);
            SplittableRandom two = Seeds.replicate(2, b);
            SplittableRandom next = Seeds.replicate(1, b + 1);
            one.nextDouble();
            u[0][b] = one.nextDouble();
            u[1][b] = two.nextDouble();
            u[2][b] = next.nextDouble();
        }
        // with 2000 pairs the correlation of independent uniforms has sd 0.022
        assertTrue(Math.abs(correlation(u[0], u[1])) < 0.1, "seed 1 draw 2 vs seed 2 draw 1");
        assertTrue(Math.abs(correlation(u[0], u[2])) < 0.1, "replicate b vs b + 1");
        assertEquals(Seeds.replicate(7, 3).nextLong(), Seeds.replicate(7, 3).nextLong(), "deterministic");
    }

    @Test
    void bootstrapReplicatesOfSeedsOneAndTwoAreUncorrelated() {
        Session s = FitFixtures.session(2);
        Outcome o = FitFixtures.run(s, """
                law line(x) = k * x + m { k, m }
                law truth = line with { k = 2, m = 1 }
                data d = simulate(truth, x = 1..40, noise = normal(0.5), seed = 5, target = y)
                fit one = line(x) ~ y in d { start = {k = 1, m = 0}, bootstrap = 400, seed = 1 }
                fit two = line(x) ~ y in d { start = {k = 1, m = 0}, bootstrap = 400, seed = 2 }
                """);
        assertTrue(o.diagnostics().stream().noneMatch(d -> d.isError()), o.diagnostics().toString());
        double[][] a = FitFixtures.result(s, "one").bootstrap();
        double[][] b = FitFixtures.result(s, "two").bootstrap();
        int k = FitFixtures.result(s, "one").names.indexOf("k");
        double[] ka = new double[a.length];
        double[] kb = new double[b.length];
        for (int i = 0; i < a.length; i++) {
            ka[i] = a[i][k];
            kb[i] = b[i][k];
        }
        // the old seeding (seed * GAMMA + b) gave a correlation of 0.99 here; independent: sd 0.05
        double r = correlation(ka, kb);
        assertTrue(Math.abs(r) < 0.2, "correlation of replicate slopes, seeds 1 and 2: " + r);
    }
}
