package law.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class RootScanTest {
    private static void roots(List<Double> got, double tolerance, double... want) {
        assertEquals(want.length, got.size(), "roots " + got);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got.get(i), tolerance * Math.max(1, Math.abs(want[i])), "root " + i + " of " + got);
        }
    }

    /** (x - 0.3)(x - 1.7)(x - 3.1): three brackets, found in order. */
    @Test
    void aCubicHasThreeBrackets() {
        DoubleUnaryOperator f = x -> (x - 0.3) * (x - 1.7) * (x - 3.1);
        DoubleUnaryOperator df = x -> (x - 1.7) * (x - 3.1) + (x - 0.3) * (x - 3.1) + (x - 0.3) * (x - 1.7);
        roots(RootScan.all(f, df, -1, 4, false), 1e-15, 0.3, 1.7, 3.1);
    }

    /** x^2 - 1 on [-1, 1]: both roots are the interval's ends, where the scan's grid starts and stops. */
    @Test
    void rootsAtBothEndsOfTheInterval() {
        roots(RootScan.all(x -> x * x - 1, x -> 2 * x, -1, 1, false), 0, -1, 1);
    }

    /** In log space: x^2 - 1 on [1, 10] has its root at the lower end, exp(log 1) = 1 exactly. */
    @Test
    void aRootAtTheLowerEndInLogSpace() {
        roots(RootScan.all(x -> x * x - 1, x -> 2 * x, 1, 10, true), 0, 1);
    }

    /** Roots eleven decades apart, each to full precision: (x - 1e-6)(x - 3e5), scanned in log space. */
    @Test
    void rootsDecadesApartInLogSpace() {
        DoubleUnaryOperator f = x -> (x - 1e-6) * (x - 3e5);
        DoubleUnaryOperator df = x -> 2 * x - 1e-6 - 3e5;
        roots(RootScan.all(f, df, 1e-30, 1e40, true), 1e-14, 1e-6, 3e5);
    }

    /**
     * A double root does not change sign: between grid points it is not found (the scan finds sign
     * changes), on a grid point it is (f is exactly 0 there).
     */
    @Test
    void aDoubleRootIsFoundOnlyOnTheGrid() {
        assertTrue(RootScan.all(x -> (x - 0.5501) * (x - 0.5501), x -> 2 * (x - 0.5501), 0, 1, false).isEmpty());
        roots(RootScan.all(x -> (x - 0.5) * (x - 0.5), x -> 2 * (x - 0.5), 0, 1, false), 0, 0.5);
    }

    /** 1/x - 2 changes sign at 0.5 and jumps (not a root) at 0, where it is not finite on the grid. */
    @Test
    void aPoleIsNotARootButAJumpOverItIsSkipped() {
        List<Double> got = RootScan.all(x -> 1 / x - 2, x -> -1 / (x * x), -1, 1, false);
        // The grid has x = 0 exactly (step 1000 of 2000): f is infinite there and stepped over.
        roots(got, 1e-15, 0.5);
    }

    @Test
    void thePolishKeepsOnlyImprovingSteps() {
        // Three Newton steps on x^2 - 2: from 1.5 that is 1.4142135623747 (quadratic convergence,
        // not yet full precision), from 1.42 sqrt(2) to rounding.
        assertEquals(1.4142135623746899, RootScan.polish(x -> x * x - 2, x -> 2 * x, 1.5), 1e-15);
        assertEquals(Math.sqrt(2), RootScan.polish(x -> x * x - 2, x -> 2 * x, 1.42), 2 * Math.ulp(1.4));
        // A derivative of the wrong sign makes |f| worse: the step is refused and x stays.
        assertEquals(1.42, RootScan.polish(x -> x * x - 2, x -> -2 * x, 1.42), 0);
        // A zero derivative stops it where it is.
        assertEquals(0.0, RootScan.polish(x -> x * x - 2, x -> 0, 0.0), 0);
    }
}
