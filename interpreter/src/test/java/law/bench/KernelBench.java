package law.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import law.expr.Expr;
import law.expr.LawKernel;
import law.expr.Ops;
import law.expr.Prepared;
import law.expr.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Value plus 5-parameter gradient of the Chinchilla form {@code E + A/N^alpha + B/D^beta} over
 * 1e6 points (N in 1e7..1e11, D in 1e9..1e12), in ns per point: the compiled tape (plain and on
 * {@link Prepared} data) against hand-written Java loops of the same formula.
 *
 * <p>Run (about half a minute):
 * {@code mvn -q -pl interpreter -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=law.bench.KernelBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class KernelBench {
    static final int POINTS = 1_000_000;
    static final List<String> PARAMS = List.of("E", "A", "B", "alpha", "beta");

    private final double[] theta = {1.69, 406.4, 410.7, 0.34, 0.28};
    private double[] n;
    private double[] d;
    private double[] logN;
    private double[] logD;
    private double[][] columns;
    private double[] value;
    private double[][] jacobian;
    private LawKernel kernel;
    private Workspace ws;
    private Prepared prepared;

    /** The law, built as the checker would build it. */
    public static Expr chinchilla() {
        Expr e = Expr.sym("E");
        Expr a = Ops.div(Expr.sym("A"), Ops.pow(Expr.sym("N"), Expr.sym("alpha")));
        Expr b = Ops.div(Expr.sym("B"), Ops.pow(Expr.sym("D"), Expr.sym("beta")));
        return Ops.add(List.of(e, a, b));
    }

    /** Random data, the kernel and its workspace. */
    @Setup
    public void setup() {
        Random r = new Random(1);
        n = new double[POINTS];
        d = new double[POINTS];
        logN = new double[POINTS];
        logD = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            n[i] = Math.pow(10, 7 + 4 * r.nextDouble());
            d[i] = Math.pow(10, 9 + 3 * r.nextDouble());
            logN[i] = Math.log(n[i]);
            logD[i] = Math.log(d[i]);
        }
        columns = new double[][] {n, d};
        value = new double[POINTS];
        jacobian = new double[PARAMS.size()][POINTS];
        kernel = LawKernel.of(chinchilla(), List.of("N", "D"), PARAMS, false);
        ws = kernel.newWorkspace();
        prepared = kernel.prepare(columns, POINTS);
    }

    /** The compiled tape on raw columns. */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double tape() {
        kernel.evaluate(columns, POINTS, theta, value, jacobian, null, ws);
        return value[POINTS - 1];
    }

    /** The compiled tape on prepared data (log N and log D cached). */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double tapePrepared() {
        kernel.evaluate(prepared, 0, POINTS, theta, value, jacobian, null, ws);
        return value[POINTS - 1];
    }

    /** A hand-written loop: two logs and two exps per point, as the tape computes. */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double handWritten() {
        double e = theta[0];
        double a = theta[1];
        double b = theta[2];
        double alpha = theta[3];
        double beta = theta[4];
        double[] jE = jacobian[0];
        double[] jA = jacobian[1];
        double[] jB = jacobian[2];
        double[] jAlpha = jacobian[3];
        double[] jBeta = jacobian[4];
        for (int i = 0; i < POINTS; i++) {
            double ln = Math.log(n[i]);
            double ld = Math.log(d[i]);
            double tn = Math.exp(-alpha * ln);
            double td = Math.exp(-beta * ld);
            value[i] = e + a * tn + b * td;
            jE[i] = 1;
            jA[i] = tn;
            jB[i] = td;
            jAlpha[i] = -a * tn * ln;
            jBeta[i] = -b * td * ld;
        }
        return value[POINTS - 1];
    }

    /** The same hand-written loop with log N and log D precomputed (the counterpart of prepared data). */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double handWrittenCachedLogs() {
        double e = theta[0];
        double a = theta[1];
        double b = theta[2];
        double alpha = theta[3];
        double beta = theta[4];
        double[] jE = jacobian[0];
        double[] jA = jacobian[1];
        double[] jB = jacobian[2];
        double[] jAlpha = jacobian[3];
        double[] jBeta = jacobian[4];
        for (int i = 0; i < POINTS; i++) {
            double ln = logN[i];
            double ld = logD[i];
            double tn = Math.exp(-alpha * ln);
            double td = Math.exp(-beta * ld);
            value[i] = e + a * tn + b * td;
            jE[i] = 1;
            jA[i] = tn;
            jB[i] = td;
            jAlpha[i] = -a * tn * ln;
            jBeta[i] = -b * td * ld;
        }
        return value[POINTS - 1];
    }

    /**
     * Runs the benchmarks with the settings above. Under {@code exec:java} the JVM's class path is
     * Maven's own, so it is replaced by the test class path for JMH's forked JVM.
     */
    public static void main(String[] args) throws RunnerException, URISyntaxException {
        useTestClassPath();
        new Runner(new OptionsBuilder().include(KernelBench.class.getName()).build()).run();
    }

    /** Under {@code exec:java}, makes the test class path the one JMH's forked JVM gets. */
    public static void useTestClassPath() throws URISyntaxException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader instanceof URLClassLoader urls) {
            List<String> path = new ArrayList<>();
            for (URL u : urls.getURLs()) {
                path.add(Paths.get(u.toURI()).toString());
            }
            System.setProperty("java.class.path", String.join(File.pathSeparator, path));
        }
    }
}
