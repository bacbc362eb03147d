package law.eval;

/**
 * Progress of long work (a grid of fit starts, bootstrap replicates, a long table). A handler
 * gets one from {@link Context#progress()} and calls {@link #start}, then {@link #step} as units
 * finish (from any thread), then {@link #done} (also on failure: use try/finally). What it shows
 * depends only on the counts, never on timing, so results stay deterministic; on a non-terminal
 * or with {@code --quiet} it shows nothing.
 */
public interface Progress {

    /** Progress that shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public Task start(String label, long total) {
            return Task.NONE;
        }
    };

    /**
     * Starts a task of {@code total} units, shown as {@code label} (e.g. {@code "fit epoch: starts"}).
     * Tasks may nest; only the outermost running one is drawn.
     */
    Task start(String label, long total);

    /** One running task. Thread-safe: workers may call {@link #step} concurrently. */
    interface Task extends AutoCloseable {
        /** A task that shows nothing. */
        Task NONE = new Task() {
            @Override
            public void step(long n) {
            }

            @Override
            public void done() {
            }
        };

        /** Records that {@code n} more units finished. */
        void step(long n);

        /** Records one more finished unit. */
        default void step() {
            step(1);
        }

        /** Ends the task and clears its bar; calling it again does nothing. */
        void done();

        /** Same as {@link #done()}, for try-with-resources. */
        @Override
        default void close() {
            done();
        }
    }
}
