package law.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import law.ast.Program;
import law.diag.Diagnostic;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.eval.Asks;
import law.eval.Declarations;
import law.eval.Env;
import law.eval.Failure;
import law.eval.Interpreter;
import law.eval.Modules;
import law.eval.Options;
import law.eval.Result;
import law.query.Queries;
import law.syntax.SpecParser;

/**
 * The one entry point to the interpreter, shared by {@code law run}, {@code law check}, the REPL
 * and the tests: text goes in, results and diagnostics come out. A session keeps its definitions
 * across calls, so the REPL can feed it one entry at a time.
 */
public final class Session {
    private final Env env = new Env();
    private Options options;
    private final TerminalProgress terminal = new TerminalProgress();
    private law.eval.Progress progress;
    private final law.eval.Ledger ledger = new law.eval.Ledger();
    private final List<Consumer<Result>> listeners = new ArrayList<>();
    private final List<Consumer<Diagnostic>> diagnosticListeners = new ArrayList<>();
    private final List<java.util.function.Function<Program, List<Diagnostic>>> checks = new ArrayList<>();

    /** A session with the given options. */
    public Session(Options options) {
        this.options = options;
    }

    /** A session with default options. */
    public Session() {
        this(Options.defaults());
    }

    /** Calls a listener with each result as soon as it is produced (for streaming output). */
    public Session onResult(Consumer<Result> listener) {
        listeners.add(listener);
        return this;
    }

    /** Calls a listener with each diagnostic as soon as a statement has finished. */
    public Session onDiagnostic(Consumer<Diagnostic> listener) {
        diagnosticListeners.add(listener);
        return this;
    }

    /**
     * Checks every parsed source before any of it runs (the command line checks its {@code --data}
     * names against the spec's datasets): when {@code check} returns an error, nothing runs.
     */
    public Session before(java.util.function.Function<Program, List<Diagnostic>> check) {
        checks.add(check);
        return this;
    }

    /** Reports long work to {@code p} instead of a bar on the terminal (front ends and tests). */
    public Session progress(law.eval.Progress p) {
        progress = p;
        return this;
    }

    /** Passes a diagnostic found outside any statement (unreadable input) to the diagnostic listeners. */
    public void report(Diagnostic d) {
        diagnosticListeners.forEach(l -> l.accept(d));
    }

    /** Passes a result produced outside any statement (what a REPL command printed) to the result listeners. */
    public void publish(Result r) {
        listeners.forEach(l -> l.accept(r));
    }

    /** The session's definitions. */
    public Env env() {
        return env;
    }

    /** What the stages recorded for reports (fits, the points queries evaluated fitted laws at). */
    public law.eval.Ledger ledger() {
        return ledger;
    }

    /** The session's options. */
    public Options options() {
        return options;
    }

    /**
     * Lets the statements run from now on read and write under {@code dir} too (the REPL's
     * {@code :allow}), as {@code --allow-path} does at start-up.
     */
    public void allow(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (!options.allowedPaths().contains(d)) {
            List<Path> all = new ArrayList<>(options.allowedPaths());
            all.add(d);
            options = options.withAllowedPaths(all);
        }
    }

    /** Runs a spec file. */
    public Outcome runFile(Path path) {
        return runFile(path, null);
    }

    /**
     * Runs a spec file; a file that is missing or unreadable as a whole is reported at {@code named}
     * (where its path was given, such as the command line) unless that is null.
     */
    public Outcome runFile(Path path, law.diag.Span named) {
        SourceFile source;
        try {
            source = read(path, named);
        } catch (Failure f) {
            diagnosticListeners.forEach(l -> l.accept(f.diagnostic()));
            return new Outcome(List.of(), List.of(f.diagnostic()), 0, 0);
        }
        return run(source);
    }

    /**
     * Reads a spec file as {@link #runFile} does: a file that is missing or unreadable as a whole
     * fails ({@code L0002}, {@code L0003}) with its diagnostic at {@code named} unless that is null.
     */
    public static SourceFile read(Path path, law.diag.Span named) {
        try {
            return Modules.readSpec(path, path.toString(), null);
        } catch (Failure f) {
            Diagnostic d = f.diagnostic();
            if (d.span() != null || named == null) {
                throw f;
            }
            throw new Failure(new Diagnostic(d.severity(), d.code(), named, d.message(), d.help(), d.notes()));
        }
    }

    /** Runs text that does not come from a file (REPL input, {@code -e}). */
    public Outcome run(String name, String text) {
        return run(SourceFile.of(name, text));
    }

    /** Parses and runs a source: nothing runs when it has syntax errors. */
    public Outcome run(SourceFile source) {
        Diagnostics diagnostics = new Diagnostics();
        diagnosticListeners.forEach(diagnostics::onReport);
        List<Result> results = new ArrayList<>();
        Program program = SpecParser.parse(source, diagnostics);
        if (!diagnostics.hasErrors()) {
            checks.forEach(c -> c.apply(program).forEach(diagnostics::report));
        }
        if (diagnostics.hasErrors()) {
            return new Outcome(results, diagnostics.all(), 0, 0);
        }
        Interpreter interp = interpreter(diagnostics, r -> {
            results.add(r);
            listeners.forEach(l -> l.accept(r));
        });
        interp.run(program);
        if (interp.cancelled()) {
            Thread.interrupted(); // the cancellation is reported; the thread may run the next entry
        }
        return new Outcome(results, diagnostics.all(), interp.context().expectationsPassed(),
                interp.context().expectationsFailed());
    }

    private Interpreter interpreter(Diagnostics diagnostics, Consumer<Result> out) {
        Interpreter interp = new Interpreter(env, diagnostics, out, options);
        interp.context().setLedger(ledger);
        if (progress != null) {
            interp.context().setProgress(progress);
        } else if (TerminalProgress.wanted(options.quiet())) {
            interp.context().setProgress(terminal);
        }
        Declarations.install(interp);
        Asks.install(interp);
        Modules.install(interp, java.util.Map.of("json", law.export.SavedFits::use));
        law.dataset.DataStatement.install(interp);
        Queries.install(interp);
        law.fit.Fits.install(interp);
        law.isoflop.Isoflops.install(interp);
        law.plot.Plots.install(interp);
        law.export.Exports.install(interp);
        return interp;
    }

    /** Forgets every definition. */
    public void reset() {
        env.clear();
        ledger.clear();
    }
}
