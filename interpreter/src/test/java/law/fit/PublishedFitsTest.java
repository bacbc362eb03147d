package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import law.data.CsvReader;
import law.data.Table;
import law.model.Law;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/** Fits of published laws on the data behind them, compared with the published values. */
class PublishedFitsTest {

    /** Muennighoff et al.'s data-constrained law with the other constants at the published C4 values. */
    static final String C4 = """
                law repeated(N, D, U, UN) = E + A / (UN + UN * RN * (1 - exp(-(N / UN - 1) / RN)))^alpha +
                                              B / (U + U * RD * (1 - exp(-(D / U - 1) / RD)))^alpha {
                  E > 0
                  A > 0
                  B > 0
                  alpha > 0
                  RD > 0
                  RN > 0
                }
                law muennighoff = repeated with { E = exp(0.6254804), A = exp(6.255414), B = exp(7.3049974), alpha = 0.3526596 }
                """;

    /** The refit of R_D* and R_N*. */
    private static final String REFIT = C4 + """
                fit refit = muennighoff(N, D, U, min(N, 0.05099 * U)) ~ L in runs {
                  residual = log
                  loss = huber(1e-3)
                  start = grid(RD = [1, 5, 15, 50], RN = [1, 5, 15, 50])
                }
                print refit
                """;

    static Session datablations(int threads) {
        Table t = CsvReader.read(FitFixtures.shared().resolve("data/datablations/parametric_fit_points.csv"))
                .rename("N_params", "N").rename("D_tokens", "D").rename("U_unique_tokens", "U").rename("val_loss", "L");
        return FitFixtures.session(threads, "runs", t);
    }

    /** The optima (order, counts, parameters, objectives) are the same on one thread as on two. */
    @Test
    void dataConstrainedOptimaDoNotDependOnThreads() {
        String[] starts = new String[2];
        for (int threads = 1; threads <= 2; threads++) {
            Session s = datablations(threads);
            FitFixtures.run(s, REFIT);
            starts[threads - 1] = FitFixtures.result(s, "refit").json().get("starts").toString();
        }
        assertEquals(starts[0], starts[1]);
        assertTrue(starts[0].contains("\"optima\""), starts[0]);
    }

    /**
     * Muennighoff et al. 2023 (catalogue 2.4): with E, A, B and alpha = beta at the published
     * values, the repetition constants R_D* and R_N* refitted on the datablations points.
     * U_N = min(N, G^2 U) with G = (A/B)^(1/(2 alpha)) = 0.2258 is a column expression.
     */
    @Test
    void dataConstrainedLaw() {
        Session s = datablations(2);
        Outcome o = FitFixtures.run(s, REFIT);
        assertTrue(o.diagnostics().stream().noneMatch(d -> d.isError()), o.diagnostics().toString());
        System.out.println(o.results().get(o.results().size() - 1).text());
        // The objective has several local optima within 0.13% of each other (see
        // examples/papers/muennighoff2023.law, checked against scipy). This grid reaches four: the best
        // here is R_D* = 47.0, R_N* = 2.33, and the worst is the published basin, 15.37 / 5.31, which
        // the published 15.39 / 5.31 sits in (its objective 0.0158259630 against 0.0158259602): the
        // refit does reach the published values, from 7 of the 16 starts, they are just not the best.
        FitResult r = FitFixtures.result(s, "refit");
        java.util.List<Optima.Optimum> optima = r.optima();
        assertEquals(4, optima.size(), r.report());
        assertEquals(46.9893, optima.get(0).p()[0], 1e-3);
        assertEquals(2.32937, optima.get(0).p()[1], 1e-4);
        Optima.Optimum published = optima.get(optima.size() - 1);
        assertEquals(15.3715, published.p()[0], 1e-3);
        assertEquals(5.31475, published.p()[1], 1e-4);
        assertEquals(0.0158259602, published.objective(), 1e-9);
        assertEquals(1.17e-3, published.relativeGap(optima.get(0)), 1e-5);
        assertEquals(16, optima.stream().mapToInt(Optima.Optimum::starts).sum());
        assertTrue(r.stats().get("rmse") < 0.110, "rmse " + r.stats().get("rmse"));
    }

    /** Caballero et al. 2022 (catalogue 6.3): a broken power law with one break on 4-digit addition. */
    @Test
    void brokenPowerLaw() {
        Table t = CsvReader.read(FitFixtures.shared().resolve("data/bnsl/four_digit_addition.csv"));
        Session s = FitFixtures.session(2, "runs", t);
        Outcome o = FitFixtures.run(s, """
                law bnsl(x) = a + b * x^(-c0) * (1 + (x / d1)^(1 / f1))^(-c1 * f1) {
                  a >= 0
                  b > 0
                  c0 > -inf
                  c1 > -inf
                  d1 > 0
                  f1 > 0
                }
                fit addition = bnsl(dataset_size) ~ test_loss in runs {
                  where dataset_size <= 736
                  residual = log
                  start = grid(d1 = [500, 600, 700], f1 = [0.03, 0.1, 0.3], c1 = [1, 3, 10], c0 = [0, 0.2], b = [1, 10])
                }
                print addition
                """);
        assertTrue(o.diagnostics().stream().noneMatch(d -> d.isError()), o.diagnostics().toString());
        Law law = FitFixtures.law(s, "addition");
        // the break sits where the loss falls off a cliff (between 544 and 672), and is sharp
        assertEquals(612.8, law.values().get("d1"), 10);
        assertTrue(law.values().get("f1") < 0.1);
        assertTrue(FitFixtures.result(s, "addition").stats().get("rmse") < 1e-3);
        // extrapolation to the held-out sizes (800, 864, 928 -> 0.759, 0.648, 0.557)
        double[] x = {800, 864, 928};
        double[] y = {0.75856477, 0.64768338, 0.55695445};
        for (int i = 0; i < 3; i++) {
            java.util.Map<String, Double> v = new java.util.HashMap<>(law.values());
            v.put(law.vars().get(0), x[i]); // the fitted law's variable is the column, dataset_size
            double pred = law.body().evaluate(v);
            assertEquals(y[i], pred, 0.25 * y[i], "at " + x[i]);
        }
    }
}
