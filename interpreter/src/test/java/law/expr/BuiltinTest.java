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
                "softplus", "sigmoid", "sign")) {
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
}
