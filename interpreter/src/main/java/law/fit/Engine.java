package law.fit;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import law.eval.Cancelled;
import law.eval.Progress;
import law.numeric.Result;
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
        return parallel(count, threads, () -> null, (none, i) -> task.apply(i), progress);
    }

    /** A task that may use what its worker thread keeps from one task to the next. */
    @FunctionalInterface
    public interface WorkerTask<S, T> {
        /** Task {@code i}, run with its worker's {@code state}. */
        T apply(S state, int i);
    }

    /**
     * Like {@link #parallel(int, int, IntFunction, Progress.Task)}, where each worker thread makes
     * one {@code state} and runs all its tasks with it. The outcome must not depend on which
     * worker ran which task, so a task may use the state only as workspace that it leaves
     * nothing in for the next.
     */
    public static <S, T> List<T> parallel(int count, int threads, Supplier<S> state, WorkerTask<S, T> task,
                                          Progress.Task progress) {
        Object[] out = new Object[count];
        int t = Math.max(1, Math.min(threads, count));
        if (t == 1) {
            S mine = count > 0 ? state.get() : null;
            for (int i = 0; i < count; i++) {
                Cancelled.check();
                out[i] = task.apply(mine, i);
                progress.step();
            }
        } else {
            runParallel(count, t, state, task, progress, out);
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) java.util.Arrays.asList(out);
        return list;
    }

    /**
     * {@link #parallel(int, int, Supplier, WorkerTask, Progress.Task)} on {@code t >= 2} worker
     * threads. The caller waits without clearing its interrupt flag (a blocking {@code Future.get}
     * clears it when it throws, and until the workers were stopped they then saw no interrupt and
     * ran on: 525 tasks of a 100,000-replicate bootstrap on a loaded machine); workers stop at
     * their next task once the caller is interrupted or one of them failed.
     */
    private static <S, T> void runParallel(int count, int t, Supplier<S> state, WorkerTask<S, T> task,
                                           Progress.Task progress, Object[] out) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger running = new AtomicInteger(t);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
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
                    try {
                        S mine = state.get();
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            if (stop.get() || caller.isInterrupted() || Thread.currentThread().isInterrupted()) {
                                return;
                            }
                            out[i] = task.apply(mine, i);
                            progress.step();
                        }
                    } catch (RuntimeException | Error e) {
                        stop.set(true);
                        throw e;
                    } finally {
                        running.decrementAndGet();
                        java.util.concurrent.locks.LockSupport.unpark(caller);
                    }
                });
            }
            while (running.get() > 0 && !caller.isInterrupted()) {
                java.util.concurrent.locks.LockSupport.park(ex); // returns on unpark or interrupt, flag kept
            }
            stop.set(true);
            Cancelled.check(); // the caller's flag, still set; workers that saw it ended without their tasks
            for (Future<?> f : fs) {
                f.get(); // every worker has ended: rethrows a task's exception
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            ex.shutdownNow();
        }
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
        double[] ranked = st.screen() == null ? null : startValues(pr, method, starts, w, rep, threads);
        boolean[] searched = searched(st, ranked, rep);
        int[] distinct = java.util.stream.IntStream.range(0, rep.length).filter(i -> rep[i] == i).toArray();
        int ranking = st.screen() == null ? 0 : 1; // the evaluation that ranked each start
        List<Run> ran = parallel(distinct.length, threads, () -> new Worker(pr), (worker, k) -> searched[distinct[k]]
                ? counted(worker.run(method, distinct[k], starts.get(distinct[k]), w, st), ranking)
                : screened(distinct[k], starts.get(distinct[k]), ranking, ranked[distinct[k]]), progress);
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
     * Per start, whether a search runs from it: every start, or under {@link Settings#screen} the
     * local minima of the start grid ({@link Screen}) ranked by {@code ranked}.
     */
    private static boolean[] searched(Settings st, double[] ranked, int[] rep) {
        if (st.screen() != null) {
            return st.screen().searched(ranked, rep);
        }
        boolean[] all = new boolean[rep.length];
        java.util.Arrays.fill(all, true);
        return all;
    }

    /**
     * The objective at each start, the same for starts that share a run (computed on {@code threads}
     * threads, so the outcome does not depend on them).
     */
    private static double[] startValues(Problem pr, Method method, List<double[]> starts, double[] w, int[] rep,
                                        int threads) {
        ThreadLocal<Problem.Scratch> scratch = ThreadLocal.withInitial(pr::scratch);
        List<Double> own = parallel(starts.size(), threads,
                i -> rep[i] == i ? startValue(pr, method, starts.get(i), w, scratch.get()) : 0.0);
        double[] value = new double[starts.size()];
        for (int i = 0; i < value.length; i++) {
            value[i] = own.get(rep[i]);
        }
        return value;
    }

    /** The objective at the start {@code p0}, as the run from there would begin: the linear parameters projected out where they are. */
    private static double startValue(Problem pr, Method method, double[] p0, double[] w, Problem.Scratch s) {
        if (projects(pr, method)) {
            Projection proj = new Projection(pr, pr.separable, w, p0);
            return proj.evaluate(projectedStart(pr, p0), null);
        }
        double[] p = new double[pr.m];
        for (int j = 0; j < pr.m; j++) {
            p[j] = pr.transforms[j].value(pr.transforms[j].inverse(p0[j]));
        }
        return pr.evaluate(p, w, s, null, null);
    }

    /** {@code r} with {@code more} evaluations counted. */
    private static Run counted(Run r, int more) {
        return more == 0 ? r : new Run(r.start(), r.p(), r.objective(), r.iterations(), r.evaluations() + more, r.stop(),
                r.badRow());
    }

    /**
     * The record of a start that {@link Screen} ranked and did not search: no search, the start's
     * own parameters, one evaluation; a start whose objective {@code value} is not finite is
     * {@link Stop#NOT_FINITE}, as its search would have stopped at once, the others {@link Stop#SCREENED}.
     */
    static Run screened(int index, double[] p0, int evaluations, double value) {
        return new Run(index, p0.clone(), Double.POSITIVE_INFINITY, 0, evaluations,
                Double.isFinite(value) ? Stop.SCREENED : Stop.NOT_FINITE, -1);
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

    /** Whether {@code method} runs on the nonlinear parameters alone (variable projection). */
    static boolean projects(Problem pr, Method method) {
        return pr.separable != null && (method == Method.TRUST_REGION || method == Method.AUTO || method == Method.NEWTON);
    }

    /** The fit's coordinates of the nonlinear parameters of {@code p0}. */
    static double[] projectedStart(Problem pr, double[] p0) {
        int[] non = pr.separable.non;
        double[] u0 = new double[non.length];
        for (int a = 0; a < u0.length; a++) {
            u0[a] = pr.transforms[non[a]].inverse(p0[non[a]]);
        }
        return u0;
    }

    /** A run of the trust region on the nonlinear parameters, the linear ones projected out. */
    static Run projected(Problem pr, Method method, int index, double[] p0, double[] w, Settings st) {
        Projection proj = new Projection(pr, pr.separable, w, p0);
        double[] u0 = projectedStart(pr, p0);
        Result r = TrustRegion.minimize(proj, u0, st.trustRegion(method == Method.NEWTON
                ? TrustRegion.Model.EXACT : TrustRegion.Model.ADAPTIVE));
        double f = proj.evaluate(r.x(), null);
        return new Run(index, proj.params(r.x()), Double.isFinite(f) ? f : r.f(), r.iterations(), r.evaluations(),
                Stop.of(r.status()), -1);
    }
}
