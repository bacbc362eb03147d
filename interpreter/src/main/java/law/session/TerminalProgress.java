package law.session;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import law.eval.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress drawn on an interactive terminal (standard error) with a bar, the rate and the ETA.
 * Only the outermost running task is drawn; nested tasks count nothing visible. Installed by
 * {@link Session} only when standard output is a terminal and {@code --quiet} is not given.
 */
final class TerminalProgress implements Progress {
    private final AtomicInteger depth = new AtomicInteger();

    /** Whether progress should be drawn: a console and not quiet. */
    static boolean wanted(boolean quiet) {
        return !quiet && System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public Task start(String label, long total) {
        if (depth.getAndIncrement() > 0) {
            return nested();
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(Math.max(total, 1))
                .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(200)
                .clearDisplayOnFinish().continuousUpdate().build();
        AtomicBoolean closed = new AtomicBoolean();
        return new Task() {
            @Override
            public void step(long n) {
                bar.stepBy(n);
            }

            @Override
            public void done() {
                if (closed.compareAndSet(false, true)) {
                    bar.close();
                    depth.decrementAndGet();
                }
            }
        };
    }

    private Task nested() {
        AtomicBoolean closed = new AtomicBoolean();
        return new Task() {
            @Override
            public void step(long n) {
            }

            @Override
            public void done() {
                if (closed.compareAndSet(false, true)) {
                    depth.decrementAndGet();
                }
            }
        };
    }
}
