package law.data;

import static law.data.TestData.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static double chinchilla(double[] x) {
        return 1.69 + 406.4 / Math.pow(x[0], 0.34) + 410.7 / Math.pow(x[1], 0.28);
    }

    @Test
    void everyCombinationInOrderWithoutNoise() {
        Table t = Simulation.builder().grid("N", 1e8, 1e9).grid("D", 1e9, 1e10, 1e11)
                .law("L", SimulationTest::chinchilla).build();
        assertEquals(List.of("N", "D", "L"), t.columnNames());
        assertArrayEquals(new double[] {1e8, 1e8, 1e8, 1e9, 1e9, 1e9}, t.numeric("N"));
        assertArrayEquals(new double[] {1e9, 1e10, 1e11, 1e9, 1e10, 1e11}, t.numeric("D"));
        assertEquals(chinchilla(new double[] {1e9, 1e10}), t.numeric("L")[4]);
        assertEquals(Simulation.SOURCE, t.source());
        assertEquals(6, t.sourceRow(5));
    }

    @Test
    void deterministicForASeedAndDifferentAcrossSeeds() {
        double[] n = new double[50];
        for (int i = 0; i < n.length; i++) {
            n[i] = 1e7 * (i + 1);
        }
        Simulation a = Simulation.builder().grid("N", n).grid("D", 1e9, 1e10)
                .law("L", SimulationTest::chinchilla).noise(Noise.lognormal(0.05)).seed(42);
        Table t1 = a.build();
        Table t2 = Simulation.builder().grid("N", n).grid("D", 1e9, 1e10)
                .law("L", SimulationTest::chinchilla).noise(Noise.lognormal(0.05)).seed(42).build();
        assertArrayEquals(t1.numeric("L"), t2.numeric("L"));
        assertEquals(t1.hash(), t2.hash());
        assertNotEquals(t1.hash(), a.seed(43).build().hash());
    }

    @Test
    void noiseHasTheRequestedScale() {
        int n = 20_000;
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = i;
        }
        double sigma = 0.1;
        double[] logRatio = Simulation.builder().grid("i", grid).law("y", x -> 2.0)
                .noise(Noise.lognormal(sigma)).seed(7).build().numeric("y");
        double[] additive = Simulation.builder().grid("i", grid).law("y", x -> 2.0)
                .noise(Noise.normal(sigma)).seed(7).build().numeric("y");
        double sum = 0;
        double sq = 0;
        double sumAdd = 0;
        for (int i = 0; i < n; i++) {
            double z = Math.log(logRatio[i] / 2.0);
            sum += z;
            sq += z * z;
            sumAdd += additive[i] - 2.0;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sq / n - mean * mean);
        double se = sigma / Math.sqrt(n);
        assertEquals(0, mean, 4 * se, "mean of log-ratio within 4 standard errors");
        assertEquals(sigma, sd, 4 * sigma / Math.sqrt(2.0 * n), "sd within 4 standard errors");
        assertEquals(0, sumAdd / n, 4 * se);
        assertEquals(mean, sumAdd / n, 1e-12, "same seed, same draws: both noises share z");
    }

    @Test
    void nonFiniteLawValueNamesTheRow() {
        DataException e = expect(DataError.NON_FINITE_DERIVED, () -> Simulation.builder()
                .grid("N", 1, 0, 2).law("L", x -> Math.log(x[0])).build());
        assertEquals(2, e.row());
        assertEquals("L", e.column().orElseThrow());
        expect(DataError.INVALID_OPERATION, () -> Simulation.builder().law("L", x -> 1).build());
        expect(DataError.INVALID_OPERATION, () -> Noise.normal(-1));
        expect(DataError.DUPLICATE_COLUMN, () -> Simulation.builder().grid("N", 1).law("N", x -> 1).build());
    }
}
