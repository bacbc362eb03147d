package law.repl;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one entry at a time on a worker thread, so Ctrl-C can cancel it and return to the prompt.
 *
 * <p>The cancellation contract: {@link #cancel()} interrupts the worker thread. Every stage that
 * can run for long (fits, bootstraps, grid starts, sweeps) must poll {@link Thread#interrupted()}
 * between iterations and, when it is set, stop by throwing (a {@code Failure} or any runtime
 * exception); the statement then fails and the session rolls its definitions back, as for any
 * error. A stage that never polls cannot be cancelled: the prompt waits for it.
 */
final class Worker implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "law-eval");
        t.setDaemon(true);
        return t;
    });
    private volatile Thread running;
    private volatile boolean cancelled;

    /**
     * Runs a task on the worker and waits until it has ended, even after a cancel, so the session
     * is never used by two threads; returns true when it was cancelled (whatever it threw then).
     */
    <T> boolean run(Callable<T> task) throws ExecutionException {
        cancelled = false;
        Future<T> f = executor.submit(() -> {
            running = Thread.currentThread();
            try {
                return task.call();
            } finally {
                running = null;
                Thread.interrupted();
            }
        });
        while (true) {
            try {
                f.get();
                return cancelled;
            } catch (InterruptedException e) {
                cancel();
            } catch (ExecutionException e) {
                if (cancelled) {
                    return true;
                }
                throw e;
            }
        }
    }

    /** Interrupts the running task, if any (called from the Ctrl-C handler). */
    void cancel() {
        Thread t = running;
        if (t != null) {
            cancelled = true;
            t.interrupt();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
