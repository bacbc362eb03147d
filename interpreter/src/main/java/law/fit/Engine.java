package law.fit;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import law.eval.Cancelled;
import law.eval.Progress;
import law.numeric.Lbfgs;
import law.numeric.Result;
import law.numeric.Status;
import law.numeric.TrustRegion;

/**
 * Runs many independent optimizations on worker threads. Each task depends only on its index, and
 * results are returned in index order, so the outcome is bit-identical whatever the number of
 * threads.
 */
public final class Engine {
    private Engine() {
    }

    /** Runs {@code task(0 .. count-1)} on {@code threads} threads; results in index order. */
    public static <T> List<T> parallel(int count, int threads, IntFunction<T> task) {
        return parallel(count, threads, task, Progress.Task.NONE);
    }

    /**
     * Runs {@code task(0 .. count-1)} on {@code threads} threads, results in index order, counting
     * each finished task on {@code progress}. An interrupt of the calling thread (Ctrl-C in the
     * REPL) stops the work and throws {@link Cancelled}.
     */
    public static <T> List<T> parallel(int count, int threads, IntFunction<T> task, Progress.Task progress) {
        Object[] out = new Object[count];
        int t = Math.max(1, Math.min(threads, count));
        if (t == 1) {
            for (int i = 0; i < count; i++) {
                Cancelled.check();
                out[i] = task.apply(i);
                progress.step();
            }
        } else {
            AtomicInteger next = new AtomicInteger();
            Thread caller = Thread.currentThread();
            ExecutorService ex = Executors.newFixedThreadPool(t, r -> {
                Thread th = new Thread(r, "law-fit");
                th.setDaemon(true);
                return th;
            });
            try {
                Future<?>[] fs = new Future<?>[t];
                for (int k = 0; k < t; k++) {
                    fs[k] = ex.submit(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            // the caller's interrupt too: on a busy machine it may wake to stop us only later
                            if (Thread.currentThread().isInterrupted() || caller.isInterrupted()) {
                                return;
                            }
                            out[i] = task.apply(i);
                            progress.step();
                        }
                    });
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                Cancelled.check(); // workers that saw the interrupt first have ended without their tasks
            } catch (InterruptedException e) {
                throw new Cancelled();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                ex.shutdownNow();
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) java.util.Arrays.asList(out);
        return list;
    }

    /**
     * Runs the optimizer {@code method} from every start (parameter values); results in start order.
     * Under variable projection the linear parameters are solved exactly at every step, so starts
     * that differ only in them are one start: it runs once, and the others get its result with no
     * evaluations of their own (see {@link #representatives}).
     */
    public static List<Run> multiStart(Problem pr, Method method, List<double[]> starts, double[] w, Settings st,
                                       int threads, Progress.Task progress) {
        int[] rep = representatives(pr, method, starts);
        int[] distinct = java.util.stream.IntStream.range(0, rep.length).filter(i -> rep[i] == i).toArray();
        List<Run> ran = parallel(distinct.length, threads, k -> run(pr, method, distinct[k], starts.get(distinct[k]), w, st),
                progress);
        Run[] byStart = new Run[starts.size()];
        for (Run r : ran) {
            byStart[r.start()] = r;
        }
        Run[] out = new Run[starts.size()];
        for (int i = 0; i < out.length; i++) {
            Run r = byStart[rep[i]];
            out[i] = rep[i] == i ? r : new Run(i, r.p(), r.objective(), r.iterations(), 0, r.stop(), r.badRow());
        }
        return java.util.Arrays.asList(out);
    }

    /**
     * For each start, the first start it is equivalent to: under variable projection two starts
     * with the same nonlinear parameters (bit for bit) are the same start, whatever their linear
     * ones; otherwise every start is its own.
     */
    public static int[] representatives(Problem pr, Method method, List<double[]> starts) {
        int[] rep = new int[starts.size()];
        java.util.Map<java.util.List<Long>, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < rep.length; i++) {
            if (!projects(pr, method)) {
                rep[i] = i;
                continue;
            }
            java.util.List<Long> key = new java.util.ArrayList<>();
            for (int j : pr.separable.non) {
                key.add(Double.doubleToLongBits(starts.get(i)[j]));
            }
            Integer first = seen.putIfAbsent(key, i);
            rep[i] = first == null ? i : first;
        }
        return rep;
    }

    /** One optimizer run from parameter values {@code p0}. */
    public static Run run(Problem pr, Method method, int index, double[] p0, double[] w, Settings st) {
        double[] u0 = new double[pr.m];
        for (int j = 0; j < pr.m; j++) {
            u0[j] = pr.transforms[j].inverse(p0[j]);
        }
        Objective obj = new Objective(pr, w);
        if (projects(pr, method)) {
            return projected(pr, method, index, p0, w, st);
        }
        if (method == Method.LM) {
            return Lm.minimize(pr, obj, index, u0, w, st);
        }
        Result r = switch (method) {
            case LBFGS -> Lbfgs.minimize(obj, u0, st.tolerance(), st.maxIterations());
            case NEWTON -> TrustRegion.minimize(obj, u0, st.trustRegion(TrustRegion.Model.EXACT));
            default -> TrustRegion.minimize(obj, u0, st.trustRegion(TrustRegion.Model.ADAPTIVE));
        };
        Status status = method == Method.LBFGS ? Stationarity.check(obj, r.x(), st.tolerance(), r.status()) : r.status();
        int bad = status == Status.NOT_FINITE ? obj.badRow() : -1;
        return new Run(index, obj.params(r.x()), r.f(), r.iterations(), r.evaluations(), Stop.of(status), bad);
    }

    /** Whether {@code method} runs on the nonlinear parameters alone (variable projection). */
    static boolean projects(Problem pr, Method method) {
        return pr.separable != null && (method == Method.TRUST_REGION || method == Method.AUTO || method == Method.NEWTON);
    }

    /** A run of the trust region on the nonlinear parameters, the linear ones projected out. */
    private static Run projected(Problem pr, Method method, int index, double[] p0, double[] w, Settings st) {
        Separable sep = pr.separable;
        Projection proj = new Projection(pr, sep, w, p0);
        double[] u0 = new double[sep.non.length];
        for (int a = 0; a < u0.length; a++) {
            u0[a] = pr.transforms[sep.non[a]].inverse(p0[sep.non[a]]);
        }
        Result r = TrustRegion.minimize(proj, u0, st.trustRegion(method == Method.NEWTON
                ? TrustRegion.Model.EXACT : TrustRegion.Model.ADAPTIVE));
        double f = proj.evaluate(r.x(), null);
        return new Run(index, proj.params(r.x()), Double.isFinite(f) ? f : r.f(), r.iterations(), r.evaluations(),
                Stop.of(r.status()), -1);
    }
}
