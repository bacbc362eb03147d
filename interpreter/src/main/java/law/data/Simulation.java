package law.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Builds a simulated {@link Table}: every combination of the input grids (the first grid varies
 * slowest, the last fastest), the law's mean at each, plus noise. Deterministic for a seed: the
 * standard normal draws come from {@code SplittableRandom(seed)} through Box-Muller, one pair of
 * uniforms per row in row order. A mutable builder; {@link #build()} gives the immutable table.
 *
 * <pre>{@code
 * Table t = Simulation.builder()
 *     .grid("N", 1e8, 1e9).grid("D", 1e9, 1e10)
 *     .law("L", x -> 1.69 + 406.4 / Math.pow(x[0], 0.34) + 410.7 / Math.pow(x[1], 0.28))
 *     .noise(Noise.lognormal(0.01)).seed(42).build();
 * }</pre>
 */
public final class Simulation {
    /** The source name of simulated tables. */
    public static final String SOURCE = "simulated";

    private final Map<String, double[]> grids = new LinkedHashMap<>();
    private String target;
    private ToDoubleFunction<double[]> law;
    private Noise noise = Noise.none();
    private long seed;

    private Simulation() {
    }

    /** A new builder: no grids, no noise, seed 0. */
    public static Simulation builder() {
        return new Simulation();
    }

    /** Adds an input column and its grid of values. */
    public Simulation grid(String name, double... values) {
        if (grids.containsKey(name)) {
            throw DataException.at(DataError.DUPLICATE_COLUMN, SOURCE, 0, RowNumbering.ROW, name,
                    "the grid '" + name + "' is given twice");
        }
        if (values.length == 0) {
            throw DataException.at(DataError.INVALID_OPERATION, SOURCE, 0, RowNumbering.ROW, name,
                    "the grid '" + name + "' has no values");
        }
        grids.put(name, values.clone());
        return this;
    }

    /** The target column and the law: inputs in grid order -> mean value. */
    public Simulation law(String targetColumn, ToDoubleFunction<double[]> mean) {
        this.target = targetColumn;
        this.law = mean;
        return this;
    }

    /** The noise model (default {@link Noise#none()}). */
    public Simulation noise(Noise model) {
        this.noise = model;
        return this;
    }

    /** The random seed (default 0). */
    public Simulation seed(long value) {
        this.seed = value;
        return this;
    }

    /** The simulated table; a non-finite simulated value is error {@code L0410} naming the row. */
    public Table build() {
        if (grids.isEmpty() || law == null) {
            throw DataException.of(DataError.INVALID_OPERATION, SOURCE,
                    "a simulation needs at least one grid and a law");
        }
        if (grids.containsKey(target)) {
            throw DataException.at(DataError.DUPLICATE_COLUMN, SOURCE, 0, RowNumbering.ROW, target,
                    "the target '" + target + "' is also a grid");
        }
        List<double[]> axes = new ArrayList<>(grids.values());
        long count = 1;
        for (double[] axis : axes) {
            count *= axis.length;
            if (count > 50_000_000L) {
                throw DataException.of(DataError.INVALID_OPERATION, SOURCE,
                        "the grids make more than 50,000,000 rows");
            }
        }
        int n = (int) count;
        double[][] inputs = new double[axes.size()][n];
        double[] y = new double[n];
        int[] rows = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[axes.size()];
        for (int i = 0; i < n; i++) {
            int rest = i;
            for (int a = axes.size() - 1; a >= 0; a--) {
                double[] axis = axes.get(a);
                x[a] = axis[rest % axis.length];
                inputs[a][i] = x[a];
                rest /= axis.length;
            }
            double mean = law.applyAsDouble(x.clone());
            y[i] = noise.kind() == Noise.Kind.NONE ? mean : noise.apply(mean, gaussian(random));
            rows[i] = i + 1;
            if (!Double.isFinite(y[i])) {
                throw DataException.at(DataError.NON_FINITE_DERIVED, SOURCE, i + 1, RowNumbering.ROW,
                        target, "the simulated '" + target + "' is " + Numbers.compact(y[i])
                                + " at " + describe(x));
            }
        }
        List<String> names = new ArrayList<>(grids.keySet());
        List<Column> columns = new ArrayList<>();
        for (double[] column : inputs) {
            columns.add(new NumericColumn(column));
        }
        names.add(target);
        columns.add(new NumericColumn(y));
        return Table.loaded(SOURCE, RowNumbering.ROW, names, columns, rows);
    }

    /** A standard normal draw: Box-Muller on two uniforms, {@code u1} in (0, 1]. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    private String describe(double[] x) {
        List<String> parts = new ArrayList<>();
        int a = 0;
        for (String name : grids.keySet()) {
            parts.add(name + " = " + Numbers.exact(x[a++]));
        }
        return String.join(", ", parts);
    }
}
