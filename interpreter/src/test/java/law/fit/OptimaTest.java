package law.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/** How the end points of a multi-start fit are counted as distinct optima. */
class OptimaTest {
    private static final Transform POSITIVE = new Transform(0, Double.POSITIVE_INFINITY);
    private static final Transform FREE = new Transform(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    private static final Transform[] TWO = {POSITIVE, FREE};
    /** A barrier everywhere: only equal parameters make one optimum. */
    private static final Optima.Path RIDGE = (a, b) -> false;

    private static Run run(int i, double f, Stop stop, double... p) {
        return new Run(i, p, f, 10, 10, stop, -1);
    }

    private static int[] own(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    /** Above an exact fit (objective zero to rounding) a relative gap measures only rounding: NaN, 0 for another exact fit. */
    @Test
    void gapsAboveAnExactFitAreNotANumber() {
        List<Run> runs = List.of(
                run(0, 4e-29, Stop.EXACT, 3, -1),
                run(1, 70.2, Stop.STALLED, 10, 1),
                run(2, 9e-29, Stop.EXACT, 5, 2));
        Optima o = Optima.of(runs, own(3), TWO, List.of(), RIDGE);
        assertEquals(3, o.optima().size());
        assertEquals(0, o.best().relativeGap(o.best()));
        assertEquals(0, o.optima().get(1).relativeGap(o.best()), "another exact fit");
        assertTrue(Double.isNaN(o.optima().get(2).relativeGap(o.best())), "was 1.7e30");
        Optima inexact = Optima.of(List.of(run(0, 1e-29, Stop.GRADIENT, 3, -1), run(1, 2e-29, Stop.GRADIENT, 10, 1)),
                own(2), TWO, List.of(), RIDGE);
        assertEquals(1.0, inexact.optima().get(1).relativeGap(inexact.best()), 1e-12, "a small best that is not exact keeps its ratio");
    }

    @Test
    void twoBasinsAreCountedBestFirstWithTheirStarts() {
        List<Run> runs = List.of(
                run(0, 2.0, Stop.GRADIENT, 10, 1),
                run(1, 1.0, Stop.GRADIENT, 3, -1),
                run(2, 1.0 + 1e-12, Stop.GRADIENT, 3.0000001, -1.0000001), // the same optimum, to rounding
                run(3, 2.0 * (1 + 5e-9), Stop.ROUNDING, 10.001, 1), // 1e-4 of the log distance to 0: the same
                run(4, 1.0, Stop.GRADIENT, 3, -1));
        Optima o = Optima.of(runs, own(5), TWO, List.of(), RIDGE);
        assertEquals(2, o.optima().size());
        Optima.Optimum best = o.best();
        assertEquals(1.0, best.objective());
        assertEquals(1, best.first(), "the best end point leads; ties by start index");
        assertEquals(3, best.starts());
        assertEquals(3, best.converged());
        assertArrayEquals(new double[] {3, -1}, best.p());
        assertEquals(2, o.optima().get(1).starts());
        assertEquals(1.0, o.optima().get(1).relativeGap(best), 1e-12);
        assertEquals("converged", best.stops());
    }

    @Test
    void parametersAreComparedOnTheirOwnScale() {
        // a positive parameter as the log of its distance to 0: 1e-6 and 1.1e-6 differ by 10%
        assertTrue(Optima.distance(1e-6, 1.1e-6, POSITIVE) > 0.09);
        assertTrue(Optima.distance(1000, 1000.5, POSITIVE) < 1e-3);
        // an interval relative to its width, an unbounded parameter relative to its size
        assertEquals(0.1, Optima.distance(0.1, 0.2, new Transform(0, 1)), 1e-12);
        assertEquals(1 / (1e4 + 1), Optima.distance(1e4, 1e4 + 1, FREE), 1e-15);
        // both on the bound: one value, however many orders of magnitude apart
        assertEquals(0, Optima.distance(1e-17, 1e-250, POSITIVE));
    }

    @Test
    void tiesWithARidgeBetweenThemStayTwoAndWithoutOneJoin() {
        List<Run> runs = List.of(run(0, 1.0, Stop.GRADIENT, 1, -2), run(1, 1.0, Stop.GRADIENT, 1, 2));
        Optima ridge = Optima.of(runs, own(2), TWO, List.of(), RIDGE);
        assertEquals(2, ridge.optima().size(), "a double well: equal objectives, a barrier between");
        assertEquals(0, ridge.optima().get(0).first());
        assertEquals(1, ridge.optima().get(1).first());
        assertEquals(0.0, ridge.optima().get(1).relativeGap(ridge.best()));
        Optima valley = Optima.of(runs, own(2), TWO, List.of(), (a, b) -> true);
        assertEquals(1, valley.optima().size(), "a flat valley: one optimum");
        assertEquals(2, valley.best().starts());
    }

    @Test
    void aStalledStartIsItsOwnEndPointAndSaysSo() {
        List<Run> runs = List.of(
                run(0, 1.0, Stop.GRADIENT, 3, -1),
                run(1, 1.0 + 1e-6, Stop.STALLED, 3.01, -1.01),
                run(2, 5.0, Stop.ITERATION_LIMIT, 1e-9, 7),
                new Run(3, new double[] {1, 1}, Double.POSITIVE_INFINITY, 0, 1, Stop.NOT_FINITE, 4));
        Optima o = Optima.of(runs, own(4), TWO, List.of(), RIDGE);
        assertEquals(3, o.optima().size());
        assertEquals(1, o.notFinite());
        assertEquals(1, o.optima().get(1).stalled());
        assertEquals("1 stalled", o.optima().get(1).stops());
        assertEquals(1, o.optima().get(2).iterationLimit());
        assertEquals(1, o.optima().get(2).atBound(), "1e-9 is on the bound 0 of a positive parameter");
        assertEquals("1 at iteration limit, at bound", o.optima().get(2).stops());
    }

    @Test
    void copiesUnderVariableProjectionCountAsStartsNotRuns() {
        double[] p = {3, -1};
        List<Run> runs = new ArrayList<>();
        runs.add(new Run(0, p, 1.0, 10, 25, Stop.GRADIENT, -1));
        runs.add(new Run(1, p, 1.0, 10, 0, Stop.GRADIENT, -1)); // a copy of start 0
        runs.add(new Run(2, new double[] {9, 9}, 2.0, 10, 30, Stop.GRADIENT, -1));
        runs.add(new Run(3, p, 1.0, 10, 0, Stop.GRADIENT, -1)); // a copy of start 0
        Optima o = Optima.of(runs, new int[] {0, 0, 2, 0}, TWO, List.of("E"), RIDGE);
        assertEquals(4, o.starts());
        assertEquals(2, o.runs());
        assertEquals(3, o.best().starts());
        assertEquals(1, o.best().runs());
        assertEquals(List.of("E"), o.projected());
    }

    /** The barrier test on a real objective, and the same optima whatever the number of threads. */
    @Test
    void aDoubleWellFitHasTwoOptimaOnOneThreadOrTwo() {
        List<String> reports = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            Session s = FitFixtures.session(threads);
            Outcome out = FitFixtures.run(s, """
                    data d = table {
                      x, y
                      1, 1.1
                      2, 3.9
                      3, 9.2
                      4, 15.8
                    }
                    law sq(x) = a * a * x^2 { a }
                    fit f = sq(x) ~ y in d { residual = linear, start = grid(a = [-3, -2, -0.5, 0.5, 2, 3]) }
                    """);
            assertTrue(out.diagnostics().stream().noneMatch(d -> d.isError()), out.diagnostics().toString());
            FitResult r = FitFixtures.result(s, "f");
            assertEquals(2, r.optima().size(), "a = 1 and a = -1: " + r.report());
            assertEquals(6, r.optima().get(0).starts() + r.optima().get(1).starts());
            assertEquals(0.99760, Math.abs(r.optima().get(0).p()[0]), 1e-5); // sqrt(sum x^2 y / sum x^4)
            assertEquals(-r.optima().get(0).p()[0], r.optima().get(1).p()[0], 1e-6);
            com.fasterxml.jackson.databind.JsonNode js = r.json().get("starts");
            assertEquals(6, js.get("count").asInt());
            assertEquals(6, js.get("distinct").asInt());
            assertEquals(3, js.get("reached_best").asInt());
            assertEquals(0, js.get("not_finite").asInt());
            assertEquals(0, js.get("projected").size());
            assertEquals(2, js.get("optima").size());
            com.fasterxml.jackson.databind.JsonNode second = js.get("optima").get(1);
            assertEquals(0.0, second.get("relative_gap").asDouble(), 1e-8);
            assertEquals(3, second.get("starts").asInt());
            assertEquals(3, second.get("converged").asInt());
            assertEquals(0, second.get("at_bound").asInt());
            assertEquals(-js.get("optima").get(0).get("parameters").get("a").asDouble(),
                    second.get("parameters").get("a").asDouble(), 1e-6);
            assertTrue(second.get("first_start").asInt() >= 1);
            assertEquals(6.0, r.stats().get("distinct_starts"));
            reports.add(js.toString());
        }
        assertEquals(reports.get(0), reports.get(1));
    }
}
