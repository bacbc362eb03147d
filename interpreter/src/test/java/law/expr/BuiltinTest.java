package law.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Values, stability and lookup of the builtins. */
class BuiltinTest {

    @Test
    void lookupByName() {
        for (String name : List.of("exp", "log", "log10", "log2", "sqrt", "abs", "min", "max", "pow", "lse",
                "softplus", "sigmoid", "sign", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "erf")) {
            assertEquals(name, Builtin.byName(name).orElseThrow().symbol());
        }
        assertFalse(Builtin.byName("ismin").isPresent(), "internal functions are not in the language");
        assertFalse(Builtin.byName("Exp").isPresent());
    }

    @Test
    void arities() {
        assertTrue(Builtin.LSE.accepts(1) && Builtin.LSE.accepts(5) && !Builtin.LSE.accepts(0));
        assertTrue(Builtin.POW.accepts(2) && !Builtin.POW.accepts(3));
        assertTrue(Builtin.MIN.isVariadic() && !Builtin.EXP.isVariadic());
        assertEquals("1 or more", Builtin.MAX.arityText());
        assertTrue(Builtin.ATAN2.accepts(2) && !Builtin.ATAN2.accepts(1) && !Builtin.ATAN2.accepts(3));
        assertTrue(Builtin.ERF.accepts(1) && !Builtin.ERF.accepts(2));
    }

    @Test
    void lseIsStable() {
        assertEquals(1000 + Math.log(2), Builtin.LSE.apply(1000, 1000), 1e-12);
        assertEquals(-1000 + Math.log(3), Builtin.LSE.apply(-1000, -1000, -1000), 1e-12);
        assertEquals(800, Builtin.LSE.apply(800, -800), 0);
        assertEquals(Double.POSITIVE_INFINITY, Builtin.LSE.apply(1, Double.POSITIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, Builtin.LSE.apply(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Builtin.LSE.apply(1, Double.NaN)));
        assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5)), Builtin.LSE.apply(1, 2, 0.5), 1e-14);
        assertEquals(Builtin.lse2(0.3, -1.7), Builtin.LSE.apply(0.3, -1.7), 0);
    }

    @Test
    void softplusAndSigmoidAreStable() {
        assertEquals(1000, Builtin.SOFTPLUS.apply(1000), 0);
        assertEquals(Math.exp(-50), Builtin.SOFTPLUS.apply(-50), 1e-35);
        assertEquals(Math.log(2), Builtin.SOFTPLUS.apply(0), 0);
        assertEquals(1, Builtin.SIGMOID.apply(1000), 0);
        assertEquals(0, Builtin.SIGMOID.apply(-1000), 0);
        assertEquals(Math.exp(-700), Builtin.SIGMOID.apply(-700), 1e-310);
        assertEquals(0.5, Builtin.SIGMOID.apply(0), 0);
    }

    @Test
    void logsAndRoots() {
        assertEquals(3, Builtin.LOG2.apply(8), 0);
        assertEquals(-1074, Builtin.LOG2.apply(Double.MIN_VALUE), 0);
        assertEquals(Math.log(10) / Math.log(2), Builtin.LOG2.apply(10), 1e-15);
        assertEquals(23, Builtin.LOG10.apply(1e23), 0);
        assertEquals(3, Builtin.SQRT.apply(9), 0);
        assertEquals(2.5, Builtin.ABS.apply(-2.5), 0);
        assertEquals(8, Builtin.POW.apply(2, 3), 0);
    }

    @Test
    void minMaxAndTheirSelectors() {
        assertEquals(-2, Builtin.MIN.apply(3, -2, 5), 0);
        assertEquals(5, Builtin.MAX.apply(3, -2, 5), 0);
        assertTrue(Double.isNaN(Builtin.MIN.apply(1, Double.NaN)));
        assertEquals(1, Builtin.ISMIN.apply(2, 3, -2, 5), 0);
        assertEquals(0, Builtin.ISMIN.apply(1, 3, -2, 5), 0);
        assertEquals(1, Builtin.ISMAX.apply(3, 3, -2, 5), 0);
        assertEquals(1, Builtin.ISMIN.apply(1, 2, 2), 0, "ties select the first");
        assertEquals(0, Builtin.ISMIN.apply(2, 2, 2), 0);
        assertEquals(-1, Builtin.SIGN.apply(-0.1), 0);
    }

    @Test
    void trigonometryInRadians() {
        assertEquals(0, Builtin.SIN.apply(0), 0);
        assertEquals(1, Builtin.SIN.apply(Math.PI / 2), 0);
        assertEquals(-1, Builtin.COS.apply(Math.PI), 0);
        assertEquals(1, Builtin.TAN.apply(Math.PI / 4), 1e-15);
        assertEquals(Math.PI / 2, Builtin.ASIN.apply(1), 0);
        assertEquals(Math.PI, Builtin.ACOS.apply(-1), 0);
        assertEquals(Math.PI / 4, Builtin.ATAN.apply(1), 0);
        assertTrue(Double.isNaN(Builtin.ASIN.apply(1.5)) && Double.isNaN(Builtin.ACOS.apply(-1.01)));
        assertEquals(Math.PI / 2, Builtin.ATAN.apply(Double.POSITIVE_INFINITY), 0);
    }

    @Test
    void atan2TakesTheQuadrantFromBothSigns() {
        assertEquals(Math.PI / 4, Builtin.ATAN2.apply(1, 1), 0);
        assertEquals(3 * Math.PI / 4, Builtin.ATAN2.apply(1, -1), 1e-15);
        assertEquals(-3 * Math.PI / 4, Builtin.ATAN2.apply(-1, -1), 1e-15);
        assertEquals(-Math.PI / 4, Builtin.ATAN2.apply(-1, 1), 0);
        assertEquals(Math.PI / 2, Builtin.ATAN2.apply(2, 0), 0);
        assertEquals(Math.PI, Builtin.ATAN2.apply(0, -3), 0);
    }

    /** Reference values from mpmath at 30 digits; erf must be within 2 ulps, tiny arguments included. */
    @Test
    void erfIsAccurateToTheLastDigits() {
        double[][] ref = {
            {0.5, 0.52049987781304653768}, {0.01, 0.011283415555849616916}, {-0.2, -0.22270258921047845414},
            {2.5, 0.99959304798255504106}, {-3, -0.99997790950300141456}, {1e-200, 1.1283791670955125739e-200},
        };
        for (double[] r : ref) {
            double got = Builtin.ERF.apply(r[0]);
            assertTrue(Math.abs(got - r[1]) <= 2 * Math.ulp(r[1]), "erf(" + r[0] + ") = " + got + ", want " + r[1]);
        }
        assertEquals(0, Builtin.ERF.apply(0), 0);
        assertEquals(Double.MIN_VALUE, Builtin.ERF.apply(Double.MIN_VALUE), 0);
        assertEquals(1, Builtin.ERF.apply(6), 0);
        assertEquals(-1, Builtin.ERF.apply(Double.NEGATIVE_INFINITY), 0);
        assertTrue(Double.isNaN(Builtin.ERF.apply(Double.NaN)));
    }

    /** The derivatives print as callable expressions in the builtins themselves. */
    @Test
    void derivativesPrintAsBuiltins() {
        assertEquals("cos(x)", Derivative.of(MiniParser.parse("sin(x)"), "x").toString());
        assertEquals("-sin(x)", Derivative.of(MiniParser.parse("cos(x)"), "x").toString());
        assertEquals("tan(x)^2 + 1", Derivative.of(MiniParser.parse("tan(x)"), "x").toString());
        assertEquals("1 / sqrt(1 - x^2)", Derivative.of(MiniParser.parse("asin(x)"), "x").toString());
        assertEquals("-1 / sqrt(1 - x^2)", Derivative.of(MiniParser.parse("acos(x)"), "x").toString());
        assertEquals("1 / (x^2 + 1)", Derivative.of(MiniParser.parse("atan(x)"), "x").toString());
        assertEquals("x / (x^2 + y^2)", Derivative.of(MiniParser.parse("atan2(y, x)"), "y").toString());
        assertEquals("-y / (x^2 + y^2)", Derivative.of(MiniParser.parse("atan2(y, x)"), "x").toString());
        assertEquals("1.1283791671 * exp(-x^2)", Derivative.of(MiniParser.parse("erf(x)"), "x").toString());
    }
}
