package law.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The value/Jacobian/Hessian layout of {@link LawKernel}. */
class LawKernelTest {
    static final List<String> PARAMS = List.of("E", "A", "B", "alpha", "beta");

    @Test
    void hessianIndexPacksTheUpperTriangle() {
        int p = 5;
        Set<Integer> seen = new HashSet<>();
        int expected = 0;
        for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++) {
                assertEquals(expected++, LawKernel.hessianIndex(j, k, p));
                assertEquals(LawKernel.hessianIndex(j, k, p), LawKernel.hessianIndex(k, j, p));
                seen.add(LawKernel.hessianIndex(j, k, p));
            }
        }
        assertEquals(15, seen.size());
    }

    @Test
    void layoutMatchesTheSymbolicDerivatives() {
        Expr law = MiniParser.parse("lse(e - alpha * log(N), a - beta * log(D), f) + E / (A + N^0.1)");
        List<String> params = List.of("e", "a", "f", "alpha", "beta", "E", "A");
        LawKernel k = LawKernel.of(law, List.of("N", "D"), params, true);
        int n = 300;
        int p = params.size();
        double[][] cols = java.util.Arrays.copyOf(CompilerTest.data(n, 9), 2);
        double[] theta = {0.5, 6, 6.2, 0.34, 0.28, 0.1, 3};
        double[] value = new double[n];
        double[][] jac = new double[p][n];
        double[][] hess = new double[p * (p + 1) / 2][n];
        k.evaluate(cols, n, theta, value, jac, hess, k.newWorkspace());
        Map<String, Double> at = new HashMap<>();
        for (int j = 0; j < p; j++) {
            at.put(params.get(j), theta[j]);
        }
        for (int i = 0; i < n; i++) {
            at.put("N", cols[0][i]);
            at.put("D", cols[1][i]);
            near(law.evaluate(at), value[i], "value");
            for (int j = 0; j < p; j++) {
                Expr dj = Derivative.of(law, params.get(j));
                near(dj.evaluate(at), jac[j][i], "d/d" + params.get(j));
                for (int m = j; m < p; m++) {
                    double want = Derivative.of(dj, params.get(m)).evaluate(at);
                    near(want, hess[LawKernel.hessianIndex(j, m, p)][i], "d2/d" + params.get(j) + "d" + params.get(m));
                }
            }
        }
    }

    private static void near(double want, double got, String what) {
        if (!(Math.abs(want - got) <= 1e-12 * Math.max(1, Math.abs(want)))) {
            fail(what + ": " + got + " vs " + want);
        }
    }

    @Test
    void hessianArraysMustMatch() {
        LawKernel withHessian = LawKernel.of(MiniParser.parse("E + A / N^alpha"), List.of("N"),
                List.of("E", "A", "alpha"), true);
        LawKernel without = LawKernel.of(MiniParser.parse("E + A / N^alpha"), List.of("N"),
                List.of("E", "A", "alpha"), false);
        double[][] cols = {{1e9}};
        double[] theta = {1, 2, 0.3};
        double[][] jac = new double[3][1];
        assertThrows(IllegalArgumentException.class, () -> withHessian.evaluate(cols, 1, theta, new double[1], jac,
                null, withHessian.newWorkspace()));
        assertThrows(IllegalArgumentException.class, () -> without.evaluate(cols, 1, theta, new double[1], jac,
                new double[6][1], without.newWorkspace()));
        assertThrows(IllegalArgumentException.class, () -> without.evaluate(cols, 1, theta, new double[1],
                new double[2][1], null, without.newWorkspace()));
        double[] value = new double[1];
        without.evaluate(cols, 1, theta, value, jac, null, without.newWorkspace());
        assertEquals(1 + 2 * Math.pow(1e9, -0.3), value[0], 1e-14);
        assertEquals(1, jac[0][0], 0);
        assertEquals(0, without.hessian().size());
    }
}
