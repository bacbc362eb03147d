package law.fit;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import law.eval.Cancelled;
import law.eval.Progress;

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

    /** Runs the optimizer {@code method} from every start (parameter values); results in start order. */
    public static List<Run> multiStart(Problem pr, Method method, List<double[]> starts, double[] w, Settings st,
                                       int threads, Progress.Task progress) {
        return parallel(starts.size(), threads, i -> run(pr, method, i, starts.get(i), w, st), progress);
    }

    /** One optimizer run from parameter values {@code p0}. */
    public static Run run(Problem pr, Method method, int index, double[] p0, double[] w, Settings st) {
        double[] u0 = new double[pr.m];
        for (int j = 0; j < pr.m; j++) {
            u0[j] = pr.transforms[j].inverse(p0[j]);
        }
        return switch (method) {
            case LM -> Lm.minimize(pr, index, u0, w, st);
            case LBFGS -> Lbfgs.minimize(pr, index, u0, w, st);
            default -> Newton.minimize(pr, index, u0, w, st);
        };
    }
}
