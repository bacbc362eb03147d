package law.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import law.diag.Code;
import law.model.Law;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/** Screening a start grid ({@code screen = grid_minima}): only its local minima are searched. */
class ScreenTest {
    private static int[] own(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    @Test
    void searchesTheLocalMinimaOfTheGridAlongEachAxis() {
        // a 3 x 4 grid, the last axis fastest; minima at (0, 0) and (2, 3), and (1, 1) is lower than
        // its four axis neighbours though (0, 0), a diagonal neighbour, is lower still
        double[] v = {
            1, 5, 6, 7,
            5, 2, 6, 8,
            6, 6, 4, 3};
        boolean[] s = new Screen(new int[] {3, 4}).searched(v, own(12));
        boolean[] want = {
            true, false, false, false,
            false, true, false, false,
            false, false, false, true};
        assertArrayEquals(want, s);
    }

    @Test
    void tiesGoToTheEarlierRunAndNotFiniteRanksLast() {
        double[] v = {3, 3, Double.NaN, Double.POSITIVE_INFINITY, 2};
        // one axis of five: 3 = 3 (the first wins), NaN and +inf rank last (the earlier wins), 2 is the minimum
        assertArrayEquals(new boolean[] {true, false, false, false, true}, new Screen(new int[] {5}).searched(v, own(5)));
        // a plateau of not-finite starts still searches its first, so a grid of nothing finite reports why
        double[] bad = {Double.NaN, Double.NaN, Double.NaN};
        assertArrayEquals(new boolean[] {true, false, false}, new Screen(new int[] {3}).searched(bad, own(3)));
    }

    @Test
    void startsSharingARunDoNotScreenEachOtherAndStartsBeyondTheGridAreSearched() {
        // under variable projection starts 0 and 1 (a linear axis) share run 0; 2 and 3 share run 2
        double[] v = {1, 1, 4, 4, 9};
        int[] rep = {0, 0, 2, 2, 4};
        boolean[] s = new Screen(new int[] {2, 2}).searched(v, rep);
        assertArrayEquals(new boolean[] {true, true, false, false, true}, s); // start 4 is the bootstrap's estimate
    }

    private static final String FIT = FitFixtures.CHINCHILLA + """
            fit epoch = chinchilla(N, D) ~ L in runs {
              residual = log
              loss     = huber(1e-3)
              screen   = grid_minima
              start    = grid(A = exp(0..25 by 5), B = exp(0..25 by 5), E = exp(-1..1 by 0.5),
                              alpha = 0..2 by 0.5, beta = 0..2 by 0.5)
            }
            print epoch
            """;

    /**
     * Hoffmann's 4,500-start grid has 24 local minima along its axes (numpy: the Huber objective at
     * every start), and all 24 searches reach the optimum that every start's search finds
     * (ChinchillaFitTest): objective 1.0182740e-3.
     */
    @Test
    void theChinchillaGridScreenedReachesTheOptimumOfTheFullSearch() {
        Session one = FitFixtures.session(1, "runs", FitFixtures.chinchilla());
        Outcome o = FitFixtures.run(one, FIT);
        assertTrue(o.diagnostics().stream().noneMatch(d -> d.isError()), o.diagnostics().toString());
        FitResult r = FitFixtures.result(one, "epoch");
        Law law = FitFixtures.law(one, "epoch");
        assertEquals(1.0182740e-3, r.stats().get("objective"), 1e-10);
        assertEquals(477.826, law.values().get("A"), 0.01);
        assertEquals(2143.42, law.values().get("B"), 0.05);
        assertEquals(0.347310, law.values().get("alpha"), 1e-6);
        assertEquals(4500, r.starts());
        assertEquals(24, r.optima.runs() - r.optima.screened());
        assertEquals(4476, r.optima.screened());
        assertEquals(24, r.reachedBest());
        assertTrue(r.report().contains("starts: 4500; searched from 24, 4476 screened (screen = grid_minima"), r.report());
        FitResult b = FitFixtures.chinchillaFit(2, FIT, "epoch");
        assertArrayEquals(r.values, b.values);
        assertEquals(r.stats(), b.stats());
    }

    /**
     * A start whose objective is not finite is never searched, screened or not: it counts as not
     * finite, not as screened. On y = 2 log(x + 0.5) at x = 1..5, the starts c = 1.5, 2, 2.5 of the
     * law a log(x - c) take the log of a non-positive number at x = 1; each has a neighbour that
     * ranks lower, so screening skips them, and they used to be counted as screened.
     */
    @Test
    void screenedStartsWhoseObjectiveIsNotFiniteCountAsNotFinite() {
        double[] x = {1, 2, 3, 4, 5};
        java.util.List<java.util.List<?>> rows = new java.util.ArrayList<>();
        for (double xi : x) {
            rows.add(java.util.List.of(xi, 2 * Math.log(xi + 0.5)));
        }
        Session s = FitFixtures.session(1, "d", law.data.InlineTable.of(java.util.List.of("x", "y"), rows));
        FitFixtures.clean(s, "law lg(x) = a * log(x - c) { a > 0, c in [-3, 3] }\n"
                + "fit f = lg(x) ~ y in d { screen = grid_minima, start = grid(a = [1, 3], "
                + "c = [-2, -1, 0, 0.5, 1.5, 2, 2.5]) }\n");
        FitResult r = FitFixtures.result(s, "f");
        assertEquals(14, r.starts());
        assertEquals(7, r.optima.runs(), "a is solved exactly: one run per c");
        assertEquals(6, r.optima.notFinite(), "c = 1.5, 2, 2.5 for each a");
        assertEquals(3, r.optima.notFiniteRuns());
        assertEquals(3, r.optima.screened(), "the finite runs that a neighbour outranks");
        assertEquals(1, r.optima.searched(), r.report());
        assertTrue(r.report().contains("searched from 1, 3 screened (screen = grid_minima"), r.report());
        assertTrue(r.report().contains("; 6 starts (3 runs) not finite"), r.report());
        com.fasterxml.jackson.databind.node.ObjectNode json = OptimaReport.json(r);
        assertEquals(6, json.get("not_finite").asInt());
        assertEquals(3, json.get("screened").asInt());
        assertEquals(3.0, r.stats().get("screened"));
        assertEquals(-0.5, FitFixtures.law(s, "f").values().get("c"), 1e-6);
    }

    /**
     * A grid bootstrap (every replicate reruns the grid) screened in each replicate: each replicate
     * reaches the optimum its full search reaches, and the report says the grids were screened.
     */
    @Test
    void aScreenedGridBootstrapReachesEachReplicatesOptimum() {
        String body = """
                  residual = log
                  loss = huber(1e-3)
                  start = grid(A = exp(0..20 by 10), B = exp(0..20 by 10), E = exp(-1..1 by 1),
                               alpha = 0..1 by 0.5, beta = 0..1 by 0.5)
                  bootstrap = 6
                  bootstrap_starts = all
                  seed = 3
                """;
        String full = FitFixtures.CHINCHILLA + "fit f = chinchilla(N, D) ~ L in runs {\n" + body + "}\n";
        String screened = FitFixtures.CHINCHILLA + "fit f = chinchilla(N, D) ~ L in runs {\n  screen = grid_minima\n"
                + body + "}\n";
        FitResult ra = FitFixtures.chinchillaFit(2, full, "f");
        FitResult rb = FitFixtures.chinchillaFit(2, screened, "f");
        assertTrue(rb.optima.screened() > 200, "screened " + rb.optima.screened());
        for (int k = 0; k < ra.bootstrap.length; k++) {
            for (int j = 0; j < ra.bootstrap[k].length; j++) {
                double x = ra.bootstrap[k][j];
                assertEquals(x, rb.bootstrap[k][j], 1e-5 * Math.abs(x), "replicate " + k + " " + ra.names.get(j));
            }
        }
        assertTrue(rb.report().contains("refitted from all 243 starts (screened: searched from the grid's local minima "
                + "in each replicate) and the estimate"), rb.report());
    }

    /**
     * Where screening misses: the datablations refit's 30-start grid (examples/papers/muennighoff2023.law),
     * whose five optima lie within 0.13% of each other. The best (R_D* 95.36, R_N* 1.706) is reached by
     * only 3 starts, each with a neighbour that ranks lower, so the screened search (4 searches) ends at
     * the third best, 52.17 / 2.197, and its report says it searched 4 and lists 3 optima.
     */
    @Test
    void onTheDatablationsGridTheScreenedSearchMissesTheBestOptimum() {
        String grid = "  residual = log\n  loss = huber(1e-3)\n"
                + "  start = grid(RD = [1, 3, 10, 30, 100, 300], RN = [1, 2, 5, 10, 30])\n}\n";
        String fit = "fit refit = muennighoff(N, D, U, min(N, 0.05099 * U)) ~ L in runs {\n";
        Session full = PublishedFitsTest.datablations(2);
        Session screened = PublishedFitsTest.datablations(2);
        FitFixtures.run(full, PublishedFitsTest.C4 + fit + grid);
        FitFixtures.run(screened, PublishedFitsTest.C4 + fit + "  screen = grid_minima\n" + grid);
        FitResult a = FitFixtures.result(full, "refit");
        FitResult b = FitFixtures.result(screened, "refit");
        assertEquals(5, a.optima().size(), a.report());
        assertEquals(95.3649, a.values[0], 1e-3);
        assertEquals(0.015804713, a.stats().get("objective"), 1e-9);
        assertEquals(3, a.reachedBest());
        assertEquals(4, b.optima.runs() - b.optima.screened());
        assertEquals(3, b.optima().size(), b.report());
        assertEquals(52.1722, b.values[0], 1e-3);
        assertEquals(0.015808384, b.stats().get("objective"), 1e-9);
        assertTrue(b.report().contains("searched from 4, 26 screened"), b.report());
    }

    @Test
    void screeningNeedsAGridAndALossFit() {
        String random = FitFixtures.CHINCHILLA + """
                fit f = chinchilla(N, D) ~ L in runs { residual = log, screen = grid_minima, start = random(10) }
                """;
        Outcome o = FitFixtures.run(FitFixtures.session(1, "runs", FitFixtures.chinchilla()), random);
        assertTrue(o.diagnostics().stream().anyMatch(d -> d.code() == Code.BAD_OPTION
                && d.message().contains("not a grid")), o.diagnostics().toString());
        String lik = FitFixtures.CHINCHILLA + """
                fit f = chinchilla(N, D) ~ L in runs {
                  residual = log, likelihood = normal, screen = grid_minima, start = grid(alpha = [0.3, 0.4])
                }
                """;
        o = FitFixtures.run(FitFixtures.session(1, "runs", FitFixtures.chinchilla()), lik);
        assertTrue(o.diagnostics().stream().anyMatch(d -> d.code() == Code.BAD_OPTION
                && d.message().contains("not of a likelihood")), o.diagnostics().toString());
        String word = FitFixtures.CHINCHILLA + """
                fit f = chinchilla(N, D) ~ L in runs { screen = minima, start = grid(alpha = [0.3, 0.4]) }
                """;
        o = FitFixtures.run(FitFixtures.session(1, "runs", FitFixtures.chinchilla()), word);
        assertTrue(o.diagnostics().stream().anyMatch(d -> d.code() == Code.BAD_OPTION
                && d.message().contains("none, grid_minima")), o.diagnostics().toString());
    }
}
