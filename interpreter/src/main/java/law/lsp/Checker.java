package law.lsp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks documents on one background thread, {@code delay} milliseconds after the last edit
 * (edits in between start the wait again), and hands each result to a listener. A request that
 * needs the current version's result (hover, completion) gets it at once instead of waiting.
 */
final class Checker {
    /** A scheduled or finished check of one version. */
    private record Job(Document doc, ScheduledFuture<?> timer, CompletableFuture<Analysis> result) {
    }

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "law-check");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Function<Document, Analysis> check;
    private final Consumer<Analysis> done;
    private final long delay;

    Checker(Function<Document, Analysis> check, Consumer<Analysis> done, long delay) {
        this.check = check;
        this.done = done;
        this.delay = delay;
    }

    /** A new version of a document: check it after the delay. */
    synchronized void changed(Document doc) {
        Job old = jobs.get(doc.uri());
        if (old != null) {
            old.timer().cancel(false);
        }
        CompletableFuture<Analysis> result = new CompletableFuture<>();
        ScheduledFuture<?> timer = thread.schedule(() -> run(doc, result), delay, TimeUnit.MILLISECONDS);
        jobs.put(doc.uri(), new Job(doc, timer, result));
    }

    /** The check of a document's latest version, started now if it is still waiting. */
    synchronized CompletableFuture<Analysis> latest(String uri) {
        Job job = jobs.get(uri);
        if (job == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (!job.result().isDone() && job.timer().cancel(false)) {
            ScheduledFuture<?> now = thread.schedule(() -> run(job.doc(), job.result()), 0, TimeUnit.MILLISECONDS);
            jobs.put(uri, new Job(job.doc(), now, job.result()));
        }
        return job.result();
    }

    /** A closed document: forget it. */
    synchronized void closed(String uri) {
        Job old = jobs.remove(uri);
        if (old != null) {
            old.timer().cancel(false);
        }
    }

    private void run(Document doc, CompletableFuture<Analysis> result) {
        if (result.isDone()) {
            return;
        }
        try {
            Analysis a = check.apply(doc);
            result.complete(a);
            Job current = jobs.get(doc.uri());
            if (current != null && current.doc() == doc) {
                done.accept(a);
            }
        } catch (RuntimeException | StackOverflowError e) {
            result.completeExceptionally(e);
        }
    }

    /** Stops the thread. */
    void shutdown() {
        thread.shutdownNow();
    }
}
