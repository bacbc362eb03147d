package law.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code x^e} with varying x and e is exp(e log x) plus a fix-up with Math.pow where log x is not
 * finite; the fix-up rereads x and log x, so the result must not overwrite them. It used to when
 * their registers were freed for the result: 1 / (e0 - u)^alpha at u = e0 came out 0, not inf.
 */
class PowlAliasTest {
    @Test
    void powerAtZeroBaseWithOtherUsesOfItsLog() {
        Expr f = MiniParser.parse("-beta - (einf - u) / (e0 - u)^alpha");
        List<Expr> outs = List.of(f, Derivative.of(f, "u"));
        List<String> cols = List.of("u", "e0", "alpha", "einf", "beta");
        Program p = Compiler.compile(outs, cols, List.of(), 64);
        double[][] c = {{0.1, 0.5, 1.0}, {1, 1, 1}, {0.8, 0.8, 0.8}, {0.1, 0.1, 0.1}, {3, 3, 3}};
        double[][] o = new double[2][3];
        p.evaluate(c, 3, new double[0], o, p.newWorkspace());
        for (int i = 0; i < 3; i++) {
            Map<String, Double> at = Map.of("u", c[0][i], "e0", 1.0, "alpha", 0.8, "einf", 0.1, "beta", 3.0);
            for (int k = 0; k < 2; k++) {
                assertEquals(outs.get(k).evaluate(at), o[k][i], 0, "output " + k + " at u = " + c[0][i]);
            }
        }
    }
}
