package law.repl;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one entry at a time on a worker thread, so Ctrl-C can cancel it and return to the prompt.
 *
 * <p>The cancellation contract: {@link #cancel()} interrupts the worker thread, and goes on
 * interrupting it every {@value #REPEAT_MS} ms until the entry ends, so an interrupt swallowed by
 * library code (one that catches {@code InterruptedException} and carries on) is not lost. Every
 * stage that can run for long calls {@link law.eval.Cancelled#check()} between units of work; the
 * statement then reports {@code L0005} and the session rolls it back. A stage that never checks
 * cannot be cancelled: the prompt waits for it.
 */
final class Worker implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "law-eval");
        t.setDaemon(true);
        return t;
    });
    /** How often a cancelled entry is interrupted again while it runs on. */
    static final long REPEAT_MS = 100;
    private Thread running;
    private volatile boolean cancelled;

    /**
     * Runs a task on the worker and waits until it has ended, even after a cancel, so the session
     * is never used by two threads; returns true when it was cancelled (whatever it threw then).
     */
    <T> boolean run(Callable<T> task) throws ExecutionException {
        cancelled = false;
        Future<T> f = executor.submit(() -> {
            synchronized (this) {
                running = Thread.currentThread();
            }
            try {
                return task.call();
            } finally {
                synchronized (this) {
                    running = null; // no interrupt reaches this thread after this
                }
                Thread.interrupted();
            }
        });
        while (true) {
            try {
                f.get(REPEAT_MS, TimeUnit.MILLISECONDS);
                return cancelled;
            } catch (TimeoutException e) {
                if (cancelled) {
                    interruptRunning();
                }
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
    synchronized void cancel() {
        if (running != null) {
            cancelled = true;
            running.interrupt();
        }
    }

    private synchronized void interruptRunning() {
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
