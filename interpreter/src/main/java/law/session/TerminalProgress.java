package law.session;

import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import law.eval.Progress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress drawn on an interactive terminal (standard error) with a bar, the rate and the ETA.
 * Only the outermost running task is drawn; nested tasks count nothing visible. A bar appears
 * only once its task has run for {@value #DELAY_MS} ms, so quick statements do not flicker.
 * Installed by {@link Session} only when standard output is a terminal and {@code --quiet} is not
 * given.
 */
final class TerminalProgress implements Progress {
    /** How long a task runs before its bar is drawn. */
    static final long DELAY_MS = 300;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "law-progress");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger depth = new AtomicInteger();
    private final PrintStream err;

    /** Progress drawn on standard error. */
    TerminalProgress() {
        this(System.err);
    }

    /** Progress drawn on {@code err} (a test's stream). */
    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** Whether progress should be drawn: a console and not quiet. */
    static boolean wanted(boolean quiet) {
        return !quiet && System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public Task start(String label, long total) {
        boolean outer = depth.getAndIncrement() == 0;
        return outer ? new Bar(label, Math.max(total, 1)) : new Nested();
    }

    /** The outermost task: counts from the start, draws once it has run long enough. */
    private final class Bar implements Task {
        private final String label;
        private final long total;
        private final ScheduledFuture<?> show;
        private long count;
        private ProgressBar bar;
        private boolean closed;

        Bar(String label, long total) {
            this.label = label;
            this.total = total;
            this.show = TIMER.schedule(this::draw, DELAY_MS, TimeUnit.MILLISECONDS);
        }

        private synchronized void draw() {
            if (!closed && bar == null) {
                bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total).setConsumer(new Line(err))
                        .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(200)
                        .clearDisplayOnFinish().continuousUpdate().build();
                bar.stepTo(count);
            }
        }

        @Override
        public synchronized void step(long n) {
            count += n;
            if (bar != null) {
                bar.stepBy(n);
            }
        }

        @Override
        public void done() {
            ProgressBar drawn;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                show.cancel(false);
                drawn = bar;
            }
            if (drawn != null) {
                clear(drawn);
            }
            depth.decrementAndGet();
        }
    }

    /**
     * Closes a bar, which clears it, and waits until it is cleared, so it is not cleared over what
     * is printed next. The bar's own close() waits for its last redraw and swallows an interrupt
     * (Ctrl-C) that comes meanwhile; run on the timer, it cannot lose the statement's interrupt,
     * which is kept for the statement's next check.
     */
    private static void clear(ProgressBar drawn) {
        Future<?> closing = TIMER.submit(drawn::close);
        boolean interrupted = false;
        while (true) {
            try {
                closing.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The bar's line on the terminal. The library's console consumer ends a bar with a newline,
     * which after the bar is cleared would leave an empty line before the next prompt or output;
     * this one returns to the start of the cleared line instead.
     */
    private static final class Line extends ConsoleProgressBarConsumer {
        private final PrintStream err;

        Line(PrintStream err) {
            super(err);
            this.err = err;
        }

        @Override
        public void close() {
            err.print('\r');
            err.flush();
        }
    }

    /** A task inside another: counted by nobody. */
    private final class Nested implements Task {
        private boolean closed;

        @Override
        public void step(long n) {
        }

        @Override
        public synchronized void done() {
            if (!closed) {
                closed = true;
                depth.decrementAndGet();
            }
        }
    }
}
