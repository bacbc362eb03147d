package law.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact derivatives against central finite differences at random points (fixed seed), for every
 * operator and builtin, first and second order. The second order is checked against a finite
 * difference of the (already checked) exact first derivative.
 */
class DerivativeTest {

    /** A test function of x and y, with the domain of its random points. */
    record Case(String source, double lo, double hi, boolean kink) {
        @Override
        public String toString() {
            return source;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case("x + y", -3, 3, false),
            new Case("x - 2 * y", -3, 3, false),
            new Case("x * y", -3, 3, false),
            new Case("x / y", 0.5, 3, false),
            new Case("-x * y^2", -3, 3, false),
            new Case("x^3 * y", -3, 3, false),
            new Case("(x + y)^-2", 0.5, 3, false),
            new Case("x^2.5 / y", 0.5, 3, false),
            new Case("x^y", 0.5, 3, false),
            new Case("2^(x * y)", -2, 2, false),
            new Case("(x * y)^(x - y)", 0.5, 3, false),
            new Case("exp(x * y)", -1.5, 1.5, false),
            new Case("log(x * y)", 0.5, 3, false),
            new Case("log10(x + y^2)", 0.5, 3, false),
            new Case("log2(x / y)", 0.5, 3, false),
            new Case("sqrt(x * y + 1)", 0.5, 3, false),
            new Case("abs(x - y) * y", -3, 3, true),
            new Case("min(x, y) * x", -3, 3, true),
            new Case("max(x, y) * y", -3, 3, true),
            new Case("min(x, y^2, x * y)", -2, 2, true),
            new Case("max(x, y^2, x * y)", -2, 2, true),
            new Case("pow(x, y)", 0.5, 3, false),
            new Case("lse(x, y)", -5, 5, false),
            new Case("lse(x * y, y, 1)", -3, 3, false),
            new Case("lse(3 - x * log(y), 4 - y * log(x), 0.5)", 0.5, 3, false),
            new Case("softplus(x * y)", -4, 4, false),
            new Case("sigmoid(x - 2 * y)", -4, 4, false),
            new Case("sigmoid(softplus(x) * y) / (1 + x^2)", -3, 3, false),
            new Case("x + y / x^y - exp(-x * y) + log(1 + y)", 0.5, 3, false),
            new Case("sin(x * y)", -3, 3, false),
            new Case("cos(x - y) * y", -3, 3, false),
            new Case("tan(x * y / 4)", -1.5, 1.5, false),
            new Case("tan(x + y)", -0.7, 0.7, false),
            new Case("asin(x * y)", -0.9, 0.9, false),
            new Case("acos(x / 2 - y / 3)", -1, 1, false),
            new Case("atan(x * y) + atan(x / y)", 0.5, 3, false),
            new Case("atan2(y, x)", 0.5, 3, false),
            new Case("atan2(x * y + 2, x - y)", -1, 1, false),
            new Case("erf(x * y)", -2, 2, false),
            new Case("erf(x) * exp(-y^2) + erf(x / y)", 0.5, 3, false),
            new Case("cos(0.5235987755982988 * x) * sin(y) + atan(x - y)", -3, 3, false)
        );
    }

    private static double eval(Expr e, double x, double y) {
        Map<String, Double> m = new HashMap<>();
        m.put("x", x);
        m.put("y", y);
        return e.evaluate(m);
    }

    private static double centralDifference(Expr f, String v, double x, double y) {
        double h = 1e-6 * Math.max(1, Math.abs(v.equals("x") ? x : y));
        return v.equals("x")
                ? (eval(f, x + h, y) - eval(f, x - h, y)) / (2 * h)
                : (eval(f, x, y + h) - eval(f, x, y - h)) / (2 * h);
    }

    private static List<double[]> points(Case c) {
        Random r = new Random(c.source().hashCode() * 31L + 7);
        List<double[]> ps = new ArrayList<>();
        while (ps.size() < 25) {
            double x = c.lo() + (c.hi() - c.lo()) * r.nextDouble();
            double y = c.lo() + (c.hi() - c.lo()) * r.nextDouble();
            if (c.kink() && nearKink(x, y)) {
                continue;
            }
            ps.add(new double[] {x, y});
        }
        return ps;
    }

    /** Whether two of the arguments of the kinked cases are within 0.05 of each other. */
    private static boolean nearKink(double x, double y) {
        double[] a = {x, y, y * y, x * y};
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                if (Math.abs(a[i] - a[j]) < 0.05) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void check(String what, Expr f, Expr exact, String v, double x, double y) {
        double sym = eval(exact, x, y);
        double fd = centralDifference(f, v, x, y);
        double scale = Math.max(1, Math.max(Math.abs(sym), Math.abs(eval(f, x, y))));
        if (!(Math.abs(sym - fd) <= 2e-6 * scale)) {
            fail(what + " at x=" + x + ", y=" + y + ": exact " + sym + " (" + exact + ") vs finite difference " + fd);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstOrder(Case c) {
        Expr f = MiniParser.parse(c.source());
        for (String v : List.of("x", "y")) {
            Expr d = Derivative.of(f, v);
            for (double[] p : points(c)) {
                check("d/d" + v + " " + c, f, d, v, p[0], p[1]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondOrder(Case c) {
        Expr f = MiniParser.parse(c.source());
        for (String v : List.of("x", "y")) {
            Expr d = Derivative.of(f, v);
            for (String w : List.of("x", "y")) {
                Expr dd = Derivative.of(d, w);
                for (double[] p : points(c)) {
                    check("d2/d" + v + "d" + w + " " + c, d, dd, w, p[0], p[1]);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mixedPartialsCommute(Case c) {
        Expr f = MiniParser.parse(c.source());
        Expr xy = Derivative.second(f, "x", "y");
        Expr yx = Derivative.second(f, "y", "x");
        for (double[] p : points(c)) {
            double a = eval(xy, p[0], p[1]);
            double b = eval(yx, p[0], p[1]);
            assertTrue(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)), c + ": " + xy + " vs " + yx);
        }
    }

    @org.junit.jupiter.api.Test
    void chinchillaEveryParameterFirstAndSecondOrder() {
        Expr law = MiniParser.parse("E + A / N^alpha + B / D^beta");
        List<String> names = List.of("E", "A", "B", "alpha", "beta", "N", "D");
        Random r = new Random(42);
        for (int trial = 0; trial < 20; trial++) {
            Map<String, Double> at = new HashMap<>();
            at.put("E", 1 + r.nextDouble());
            at.put("A", 100 + 500 * r.nextDouble());
            at.put("B", 100 + 2000 * r.nextDouble());
            at.put("alpha", 0.2 + 0.3 * r.nextDouble());
            at.put("beta", 0.2 + 0.3 * r.nextDouble());
            at.put("N", Math.pow(10, 7 + 4 * r.nextDouble()));
            at.put("D", Math.pow(10, 9 + 3 * r.nextDouble()));
            for (String v : names) {
                Expr d = Derivative.of(law, v);
                checkAt("d/d" + v, law, d, v, at);
                for (String w : names) {
                    checkAt("d2/d" + v + "d" + w, d, Derivative.of(d, w), w, at);
                }
            }
        }
    }

    private static void checkAt(String what, Expr f, Expr exact, String v, Map<String, Double> at) {
        double x = at.get(v);
        double h = 1e-6 * Math.max(1e-3, Math.abs(x));
        Map<String, Double> up = new HashMap<>(at);
        Map<String, Double> down = new HashMap<>(at);
        up.put(v, x + h);
        down.put(v, x - h);
        double fd = (f.evaluate(up) - f.evaluate(down)) / (2 * h);
        double sym = exact.evaluate(at);
        double scale = Math.max(Math.abs(sym), Math.abs(f.evaluate(at)) / Math.max(1e-3, Math.abs(x)));
        if (!(Math.abs(sym - fd) <= 1e-6 * scale + 1e-300)) {
            fail(what + " at " + at + ": exact " + sym + " (" + exact + ") vs finite difference " + fd);
        }
    }
}
