package law.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import law.ast.Stmt;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.eval.Context;
import law.eval.Interpreter;
import law.eval.Progress;
import law.session.Session;
import law.syntax.SpecParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
 * The multi-start search in steady state (the JIT warmed, so the JVM's one-off compilation is
 * not counted): the 4,500-start Chinchilla Approach 3 fit of {@code bench/chinchilla_fit.law}
 * (240 points, log residuals, huber(1e-3)), or a fixed subset of its starts, searched on 1 and on
 * 2 threads. It runs the fit's own path: the statement is resolved and compiled as {@code fit}
 * does ({@link Fits#search}) and every start is searched by {@link Engine#multiStart} with the
 * fit's settings; only the result's report is left out. The ratio of the two thread counts' times
 * is the parallel speed-up of our code.
 *
 * <p>Run (about two minutes; on idle cores, or the speed-up measures the other processes):
 * {@code mvn -q -pl interpreter -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=law.fit.MultiStartBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MultiStartBench {
    /** The fit of bench/chinchilla_fit.law. */
    static final String FIT = """
            fit epoch = chinchilla(N, D) ~ L in runs {
              residual = log
              loss     = huber(1e-3)
              start    = grid(A = exp(0..25 by 5), B = exp(0..25 by 5), E = exp(-1..1 by 0.5),
                              alpha = 0..2 by 0.5, beta = 0..2 by 0.5)
            }
            """;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    /** How many of the grid's 4,500 starts are searched: every (4500 / starts)-th. */
    @Param({"500"})
    public int starts;

    private Fits.Search search;

    @Setup
    public void setUp() {
        Fits.Search all = compiled(FIT);
        List<double[]> some = new ArrayList<>();
        int stride = Math.max(1, all.starts().size() / starts);
        for (int i = 0; i < all.starts().size() && some.size() < starts; i += stride) {
            some.add(all.starts().get(i));
        }
        search = new Fits.Search(all.pr(), all.method(), all.settings(), all.transforms(), some, all.w(), all.lik());
    }

    /** The fit statement {@code fit} on the Chinchilla data, compiled as {@code fit} compiles it, ready to search. */
    static Fits.Search compiled(String fit) {
        Session session = FitFixtures.session(1, "runs", FitFixtures.chinchilla());
        FitFixtures.run(session, FitFixtures.CHINCHILLA);
        Diagnostics diagnostics = new Diagnostics();
        Stmt.Fit stmt = (Stmt.Fit) SpecParser.parse(SourceFile.of("bench.law", fit), diagnostics).statements().get(0);
        Context ctx = new Interpreter(session.env(), diagnostics, r -> { }, session.options()).context();
        law.fit.Setup setup = law.fit.Setup.of(stmt, ctx);
        return Fits.search(setup, FitRows.rows(setup, setup.table(), ctx), ctx);
    }

    /** Every start searched: the best objective (1.0182740e-3 from the whole grid). */
    @Benchmark
    public double search() {
        double best = Double.POSITIVE_INFINITY;
        for (Run r : search.runs(threads, Progress.Task.NONE)) {
            best = Math.min(best, r.objective());
        }
        return best;
    }

    public static void main(String[] args) throws RunnerException, java.net.URISyntaxException {
        law.bench.KernelBench.useTestClassPath();
        new Runner(new OptionsBuilder().include(MultiStartBench.class.getSimpleName()).build()).run();
    }
}
