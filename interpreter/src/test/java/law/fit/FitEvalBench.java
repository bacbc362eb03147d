package law.fit;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import law.expr.Expr;
import law.expr.Ops;
import law.numeric.Elementary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The fit's inner loop in ns per point: value, gradient and exact Hessian of the summed loss of
 * the Chinchilla form {@code E + A/N^alpha + B/D^beta} over 240 points (the size of Chinchilla's
 * Approach 3 data), for squared and huber(1e-3) loss on linear and log residuals, as the trust
 * region calls it at every step ({@link Problem#evaluate}), with the Gauss-Newton matrix as well
 * ({@link #withGaussNewton}), and the floor under it: the
 * {@link Elementary#exp} and {@link Elementary#logs} calls alone that a point needs.
 *
 * <p>Run (about a minute and a half):
 * {@code mvn -q -pl interpreter -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=law.fit.FitEvalBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FitEvalBench {
    static final int POINTS = 240;
    static final int CALLS = 100;

    /** Residual scale and loss. */
    @Param({"linear squared", "linear huber", "log squared", "log huber"})
    public String setting;

    private Problem pr;
    private Problem.Scratch scratch;
    private double[] w;
    private boolean log;
    private double[] lnN;
    private double[] lnD;
    private final double[] powN = new double[POINTS];
    private final double[] powD = new double[POINTS];
    private final double[] logF = new double[POINTS];
    private final double[] logU = new double[POINTS];
    private final double[] logLo = new double[POINTS];
    private final double[] p = {1.7, 400, 400, 0.33, 0.29};
    private final double[] g = new double[5];
    private final double[][] h = new double[5][5];
    private final double[][] gn = new double[5][5];

    static Expr chinchilla() {
        Expr a = Ops.div(Expr.sym("A"), Ops.pow(Expr.sym("N"), Expr.sym("alpha")));
        Expr b = Ops.div(Expr.sym("B"), Ops.pow(Expr.sym("D"), Expr.sym("beta")));
        return Ops.add(List.of(Expr.sym("E"), a, b));
    }

    @Setup
    public void setUp() {
        Random r = new Random(1);
        double[] n = new double[POINTS];
        double[] d = new double[POINTS];
        double[] y = new double[POINTS];
        w = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            n[i] = Math.pow(10, 7 + 4 * r.nextDouble());
            d[i] = Math.pow(10, 9 + 3 * r.nextDouble());
            y[i] = 1.69 + 406.4 / Math.pow(n[i], 0.34) + 410.7 / Math.pow(d[i], 0.28) + 0.01 * r.nextGaussian();
            w[i] = 1;
        }
        Transform positive = new Transform(0, Double.POSITIVE_INFINITY);
        Transform free = new Transform(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        Transform[] t = {positive, positive, positive, free, free};
        log = setting.startsWith("log");
        lnN = java.util.Arrays.stream(n).map(Math::log).toArray();
        lnD = java.util.Arrays.stream(d).map(Math::log).toArray();
        Loss loss = setting.endsWith("huber") ? new Loss(Loss.Kind.HUBER, 1e-3) : Loss.SQUARED;
        pr = new Problem(chinchilla(), List.of("N", "D"), new double[][]{n, d}, List.of("E", "A", "B", "alpha", "beta"),
                t, y, w, log, loss);
        scratch = pr.scratch();
    }

    /** Value, gradient and Hessian: one trust-region evaluation. */
    @Benchmark
    @OperationsPerInvocation(POINTS * CALLS)
    public double valueGradientHessian() {
        double f = 0;
        for (int k = 0; k < CALLS; k++) {
            f += pr.evaluate(p, w, scratch, g, h);
        }
        return f + h[4][4];
    }

    /**
     * Value, gradient, Hessian and Gauss-Newton matrix: what the trust region's adaptive model
     * (the default for robust losses) needs at nearly every point it accepts.
     */
    @Benchmark
    @OperationsPerInvocation(POINTS * CALLS)
    public double withGaussNewton() {
        double f = 0;
        for (int k = 0; k < CALLS; k++) {
            f += pr.evaluate(p, w, scratch, g, h, gn);
        }
        return f + h[4][4] + gn[4][4];
    }

    /** The value alone (a rejected or line-search step). */
    @Benchmark
    @OperationsPerInvocation(POINTS * CALLS)
    public double value() {
        double f = 0;
        for (int k = 0; k < CALLS; k++) {
            f += pr.evaluate(p, w, scratch, null, null);
        }
        return f;
    }

    /**
     * The transcendental calls of one evaluation and nothing else, in loops like the kernel's:
     * {@code N^-alpha} and {@code D^-beta} as {@code exp(-alpha ln N)} with {@code ln N} cached per
     * point, and under log residuals the {@code log} of the law's value. What is left of
     * {@link #valueGradientHessian} above this is the rest of the work.
     */
    @Benchmark
    @OperationsPerInvocation(POINTS * CALLS)
    public double transcendentals() {
        for (int k = 0; k < CALLS; k++) {
            for (int i = 0; i < POINTS; i++) {
                powN[i] = Elementary.exp(-p[3] * lnN[i]);
            }
            for (int i = 0; i < POINTS; i++) {
                powD[i] = Elementary.exp(-p[4] * lnD[i]);
            }
            if (log) {
                for (int i = 0; i < POINTS; i++) {
                    logF[i] = p[0] + p[1] * powN[i] + p[2] * powD[i];
                }
                Elementary.logs(logF, POINTS, logF, logU, logLo);
            }
        }
        return powN[POINTS - 1] + powD[POINTS - 1] + logF[POINTS - 1];
    }

    public static void main(String[] args) throws RunnerException, java.net.URISyntaxException {
        law.bench.KernelBench.useTestClassPath();
        new Runner(new OptionsBuilder().include(FitEvalBench.class.getSimpleName()).build()).run();
    }
}
