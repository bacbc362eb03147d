package law.eval;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import law.diag.Diagnostic;
import law.diag.Diagnostics;
import law.diag.SourceFile;

/**
 * Everything a statement handler may use: the session's definitions, the evaluator, where
 * results and diagnostics go, the options, and the stack of sources being run (for relative
 * paths and cyclic {@code use}).
 */
public final class Context {
    private final Env env;
    private final Evaluator evaluator;
    private final Diagnostics diagnostics;
    private final Consumer<Result> results;
    private final Options options;
    private final Deque<SourceFile> sources = new ArrayDeque<>();
    private Progress progress = Progress.NONE;
    private Ledger ledger = new Ledger();
    private int expectationsPassed;
    private int expectationsFailed;

    Context(Env env, Evaluator.QueryRunner queries, Diagnostics diagnostics, Consumer<Result> results,
            Options options) {
        this.env = env;
        this.evaluator = new Evaluator(env, queries, options.limits().maxItems());
        this.diagnostics = diagnostics;
        this.results = results;
        this.options = options;
    }

    /** The session's definitions. */
    public Env env() {
        return env;
    }

    /** Evaluates expressions against the session's definitions. */
    public Evaluator evaluator() {
        return evaluator;
    }

    /** Prints a statement's result. */
    public void emit(Result r) {
        results.accept(r);
    }

    private final java.util.Set<String> reportedInStatement = new java.util.HashSet<>();

    /**
     * Reports a warning or note (errors are thrown as {@link Failure}). Within one statement a
     * warning with the same code at the same place is reported once (a table does not repeat its
     * extrapolation warning for every row).
     */
    public void report(Diagnostic d) {
        String key = d.code() + "@" + (d.span() == null ? "" : d.span().source().name() + ":" + d.span().start()
                + "-" + d.span().end());
        if (reportedInStatement.add(key)) {
            diagnostics.report(d);
        }
    }

    /** Starts a new statement: warnings may be reported again. */
    void startStatement() {
        reportedInStatement.clear();
    }

    /** The session's options. */
    public Options options() {
        return options;
    }

    /** Where long work reports progress: {@link Progress#NONE} unless the session installed a bar. */
    public Progress progress() {
        return progress;
    }

    /** Sets where long work reports progress. */
    public void setProgress(Progress p) {
        this.progress = p == null ? Progress.NONE : p;
    }

    /** Where stages record what reports need ({@link Ledger}); the session's own, once it set it. */
    public Ledger ledger() {
        return ledger;
    }

    /** Sets where stages record what reports need (a session keeps one across runs). */
    public void setLedger(Ledger l) {
        this.ledger = l == null ? new Ledger() : l;
    }

    /** The source being run (the innermost {@code use}). */
    public SourceFile source() {
        return sources.peek();
    }

    /** The stack of sources being run, innermost first. */
    public Deque<SourceFile> sources() {
        return sources;
    }

    void countExpectation(boolean passed) {
        if (passed) {
            expectationsPassed++;
        } else {
            expectationsFailed++;
        }
    }

    /** How many {@code expect} statements held. */
    public int expectationsPassed() {
        return expectationsPassed;
    }

    /** How many {@code expect} statements failed. */
    public int expectationsFailed() {
        return expectationsFailed;
    }
}
