package law.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * Every root of a function of one variable in an interval, for the {@code solve} query: the
 * interval is scanned on a grid of {@value #STEPS} steps (uniform in {@code log x} when asked, so
 * a scan from 1e-30 to 1e40 gives every decade the same attention), every sign change between
 * neighbours is refined by Hipparchus's {@link BrentSolver} to full precision, and each root is
 * polished by a few Newton steps with the exact derivative, kept only while they reduce
 * {@code |f|}. Grid points where {@code f} is exactly zero (the interval's ends included) are
 * roots too; grid points where it is not finite are stepped over.
 *
 * <p>Hipparchus brackets and refines one root; the scan for all of them, the log-spaced grid and
 * the polish (Hipparchus's Newton solver neither starts from a given point nor stops when a step
 * makes {@code |f|} worse) are ours.
 */
public final class RootScan {
    /** The number of grid steps across the interval. */
    public static final int STEPS = 2000;

    private RootScan() {
    }

    /**
     * The roots of {@code f} in {@code [lo, hi]}, smallest first.
     *
     * @param f        the function
     * @param df       its derivative (for the polish)
     * @param logSpace scan uniformly in {@code log x} (needs {@code lo > 0})
     */
    public static List<Double> all(DoubleUnaryOperator f, DoubleUnaryOperator df, double lo, double hi,
                                   boolean logSpace) {
        DoubleUnaryOperator ft = logSpace ? t -> f.applyAsDouble(Math.exp(t)) : f;
        double a = logSpace ? Math.log(lo) : lo;
        double b = logSpace ? Math.log(hi) : hi;
        List<Double> out = new ArrayList<>();
        double prevT = a;
        double prev = ft.applyAsDouble(a);
        if (prev == 0) {
            out.add(lo);
        }
        for (int i = 1; i <= STEPS; i++) {
            double t = a + (b - a) * i / STEPS;
            double v = ft.applyAsDouble(t);
            if (v == 0) {
                out.add(logSpace ? Math.exp(t) : t);
            } else if (Double.isFinite(v) && Double.isFinite(prev) && prev != 0 && Math.signum(v) != Math.signum(prev)) {
                double r = new BrentSolver(1e-16, 1e-300).solve(500, ft::applyAsDouble, prevT, t);
                out.add(polish(f, df, logSpace ? Math.exp(r) : r));
            }
            prevT = t;
            prev = v;
        }
        return out;
    }

    /** A few Newton steps from {@code x} with the exact derivative, kept only while they reduce |f|. */
    public static double polish(DoubleUnaryOperator f, DoubleUnaryOperator df, double x) {
        double fx = Math.abs(f.applyAsDouble(x));
        for (int i = 0; i < 3 && fx > 0; i++) {
            double d = df.applyAsDouble(x);
            if (d == 0 || !Double.isFinite(d)) {
                break;
            }
            double next = x - f.applyAsDouble(x) / d;
            double fn = Math.abs(f.applyAsDouble(next));
            if (!(fn < fx)) {
                break;
            }
            x = next;
            fx = fn;
        }
        return x;
    }
}
