package law.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Implicit values: the root solve against closed forms, derivatives by the implicit function theorem
 * against the closed forms' and against central differences, compiled evaluation against the tree walk.
 */
class ImplicitTest {
    /** M4 of Alabdulmohsin et al.: (u - einf) / (e0 - u)^alpha = beta * x^c, u in (einf, e0). */
    static Expr m4() {
        Expr f = MiniParser.parse("(u - einf) / (e0 - u)^alpha - beta * x^c");
        return Ops.implicit("u", f, Expr.sym("einf"), Expr.sym("e0"));
    }

    static Map<String, Double> point(double x) {
        return Map.of("x", x, "einf", 0.1, "e0", 1.0, "alpha", 0.8, "beta", 3.0, "c", -0.35);
    }

    @Test
    void rootOfAQuadraticAndItsDerivatives() {
        // u^2 = y on (0, y + 1): sqrt(y), d/dy = 1 / (2 sqrt(y)), d2/dy2 = -1 / (4 y^1.5)
        Expr r = Ops.implicit("u", MiniParser.parse("u^2 - y"), Expr.ZERO, MiniParser.parse("y + 1"));
        for (double y : new double[] {1e-6, 0.3, 2, 1e4}) {
            Map<String, Double> at = Map.of("y", y);
            assertEquals(Math.sqrt(y), r.evaluate(at), 1e-15 * Math.sqrt(y) + 1e-300, "root at " + y);
            assertEquals(0.5 / Math.sqrt(y), Derivative.of(r, "y").evaluate(at), 1e-13 / Math.sqrt(y), "d/dy");
            assertEquals(-0.25 * Math.pow(y, -1.5), Derivative.second(r, "y", "y").evaluate(at),
                    1e-12 * Math.pow(y, -1.5), "d2/dy2");
        }
        Expr two = Ops.implicit("u", MiniParser.parse("u^2 - 2"), Expr.ZERO, Expr.num(2));
        assertTrue(two instanceof Expr.Num, "folded to a number: " + two);
        assertEquals(Math.sqrt(2), two.evaluate(Map.of()), Math.ulp(Math.sqrt(2)), "within an ulp");
    }

    @Test
    void m4SatisfiesItsEquationAndItsDerivativesMatchDifferences() {
        Expr r = m4();
        for (double x : new double[] {10, 1e3, 1e6, 1e9}) {
            Map<String, Double> at = point(x);
            double u = r.evaluate(at);
            double lhs = (u - 0.1) / Math.pow(1 - u, 0.8);
            assertEquals(3 * Math.pow(x, -0.35), lhs, 1e-14 * lhs, "equation at " + x);
            for (String p : List.of("einf", "e0", "alpha", "beta", "c", "x")) {
                double h = 1e-6 * Math.max(1, Math.abs(at.get(p)));
                Map<String, Double> up = new java.util.HashMap<>(at);
                Map<String, Double> down = new java.util.HashMap<>(at);
                up.put(p, at.get(p) + h);
                down.put(p, at.get(p) - h);
                double numeric = (r.evaluate(up) - r.evaluate(down)) / (2 * h);
                double exact = Derivative.of(r, p).evaluate(at);
                assertEquals(numeric, exact, 1e-6 * Math.max(Math.abs(exact), 1e-6 / x), p + " at x = " + x);
            }
        }
    }

    @Test
    void compiledMatchesTheTreeWalkOnEveryBlockAndThreadCount() {
        Expr r = m4();
        List<Expr> outs = List.of(r, Derivative.of(r, "alpha"), Derivative.second(r, "alpha", "c"));
        List<String> scalars = List.of("einf", "e0", "alpha", "beta", "c");
        double[] s = {0.1, 1.0, 0.8, 3.0, -0.35};
        int n = 700;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.exp(0.03 * i);
        }
        double[][] first = null;
        for (int block : new int[] {1, 7, 256}) {
            Program p = Compiler.compile(outs, List.of("x"), scalars, block);
            double[][] got = new double[3][n];
            p.evaluate(new double[][] {x}, n, s, got, p.newWorkspace());
            for (int i = 0; i < n; i += 37) {
                Map<String, Double> at = point(x[i]);
                for (int k = 0; k < 3; k++) {
                    double want = outs.get(k).evaluate(at);
                    assertEquals(want, got[k][i], 1e-12 * Math.abs(want), "output " + k + " at " + i + ", block " + block);
                }
            }
            if (first == null) {
                first = got;
            }
            for (int k = 0; k < 3; k++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(first[k], got[k], "bit-identical, block " + block);
            }
        }
    }

    @Test
    void noSignChangeIsNaNAndBadEquationsAreRefused() {
        Expr r = Ops.implicit("u", MiniParser.parse("u^2 - y"), Expr.num(1), Expr.num(2));
        assertTrue(Double.isNaN(r.evaluate(Map.of("y", 9.0))), "no root in (1, 2)");
        assertThrows(IllegalArgumentException.class, () -> Ops.implicit("u", MiniParser.parse("y - 1"), Expr.ZERO,
                Expr.ONE));
        assertThrows(IllegalArgumentException.class, () -> Ops.implicit("u", MiniParser.parse("u - y"), Expr.ZERO,
                Expr.sym("u")));
    }

    @Test
    void substitutionRenamesACapturedUnknownAndPrintsParseably() {
        Expr r = Ops.implicit("u", MiniParser.parse("u^2 - y"), Expr.ZERO, MiniParser.parse("y + 1"));
        // substituting y = u (a free u) must not capture the bound u
        Expr s = r.substitute(Map.of("y", Expr.sym("u")));
        assertEquals(Math.sqrt(3), s.evaluate(Map.of("u", 3.0)), 1e-15);
        assertEquals(List.of("u"), List.copyOf(s.symbols()));
        assertEquals("root(u^2 - y, u, 0, y + 1)", Printer.print(r));
        assertTrue(!r.dependsOn("u") && r.dependsOn("y"));
    }
}
