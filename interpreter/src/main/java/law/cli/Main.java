package law.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import law.diag.SourceFile;
import law.eval.Failure;
import law.eval.Options;
import law.repl.Piped;
import law.report.Version;
import law.session.ExitCode;
import law.session.Outcome;
import law.session.Session;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code law} command line. Exit codes: 0 ok, 1 an {@code expect} failed, 2 usage error,
 * 65 spec or data error, 66 input file missing or unreadable, 70 internal error.
 */
@Command(name = "law", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "A language for neural scaling laws: fit, query and check scaling laws.",
        subcommands = {Main.Run.class, Main.Check.class, Main.Repl.class, Main.Doc.class, FmtCommand.class,
            LspCommand.class, Report.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything ran and every expect held", "1:an expect failed",
            "2:usage error", "65:error in the spec or its data", "66:a spec or data file is missing or unreadable",
            "70:internal error (a bug in law)", "73:an output file cannot be written"})
public final class Main implements Callable<Integer> {

    @Option(names = {"-e", "--eval"}, paramLabel = "STATEMENTS",
            description = "Run these statements (separate them with ';' or newlines).")
    private String eval;

    @CommandLine.Mixin
    Common common = new Common();

    @Option(names = "--history", paramLabel = "FILE",
            description = "The REPL's history file (default: $LAW_HISTORY, else ~/.law_history).")
    private Path history;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line, writing to the given streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Streams.set(out, err);
            Integer quick = QuickArgs.run(args);
            if (quick != null) {
                return quick;
            }
            Main main = new Main();
            CommandLine cl = new CommandLine(main);
            main.common.argv = new Argv(args, valued(cl));
            cl.setOut(new java.io.PrintWriter(out, true));
            cl.setErr(new java.io.PrintWriter(err, true));
            cl.setExecutionExceptionHandler((ex, line, parse) -> internalError(ex, main.common.argv));
            cl.setParameterExceptionHandler((ex, a) -> UsageErrors.print(ex, main.common.argv));
            return cl.execute(args);
        } catch (RuntimeException | StackOverflowError e) {
            err.println("error[L0001]: internal error: " + e);
            return ExitCode.INTERNAL;
        }
    }

    /** The names of the options of {@code cl} and its subcommands that take a value ({@code --data}, not {@code --json}). */
    private static java.util.Set<String> valued(CommandLine cl) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            if (o.arity().max() > 0) {
                out.addAll(List.of(o.names()));
            }
        }
        cl.getSubcommands().values().forEach(sub -> out.addAll(valued(sub)));
        return out;
    }

    /** Reports an exception that escaped a command (a bug in law); returns {@link ExitCode#INTERNAL}. */
    static int internalError(Throwable ex) {
        return internalError(ex, new Argv());
    }

    /** The same, in the JSON document under {@code --json} (its diagnostics, as a usage error's are). */
    static int internalError(Throwable ex, Argv argv) {
        Printer printer = new Printer(Streams.out(), Streams.err(), false, argv.json(), true);
        printer.commandLine(law.diag.Diagnostic.error(law.diag.Code.INTERNAL, null, "internal error: " + ex)
                .withHelp("this is a bug in law; please report it with the command you ran"));
        printer.finish(ExitCode.INTERNAL);
        return ExitCode.INTERNAL;
    }

    @Override
    public Integer call() throws IOException {
        if (eval != null) {
            return runSources(common, List.of(), eval, true);
        }
        Integer refused = common.refused();
        return refused != null ? refused : Repl.start(common, null, history);
    }

    /** {@code -e} before a subcommand has no meaning: a usage error (exit 2), not silently ignored. */
    boolean refusesEval(String subcommand) {
        if (eval == null) {
            return false;
        }
        Argv argv = common.argv;
        UsageErrors.print(argv, argv.find(subcommand), "-e cannot be combined with '" + subcommand + "'",
                "run the statements with 'law -e ...' alone, or put them in a file");
        return true;
    }

    /** {@code law run FILE...}. */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run .law files and print their results.")
    static final class Run implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .law files to run, in order.")
        List<Path> files;

        @CommandLine.ParentCommand
        Main top;

        @Override
        public Integer call() {
            return top.refusesEval("run") ? ExitCode.USAGE : runSources(common.after(top.common), files, null, true);
        }
    }

    /** {@code law check FILE...}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Re-run .law files and fail if an expect does not hold; prints only problems and a summary.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .law files to check.")
        List<Path> files;

        @CommandLine.ParentCommand
        Main top;

        @Override
        public Integer call() {
            return top.refusesEval("check") ? ExitCode.USAGE : runSources(common.after(top.common), files, null, false);
        }
    }

    /** {@code law repl [FILE]}. */
    @Command(name = "repl", mixinStandardHelpOptions = true, description = "Start the interactive prompt.")
    static final class Repl implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "A .law file to load first.")
        Path file;

        @Option(names = "--history", paramLabel = "FILE",
                description = "The history file (default: $LAW_HISTORY, else ~/.law_history).")
        Path history;

        @CommandLine.ParentCommand
        Main top;

        @Override
        public Integer call() {
            Common c = common.after(top.common);
            Integer refused = top.refusesEval("repl") ? Integer.valueOf(ExitCode.USAGE) : c.refused();
            return refused != null ? refused : start(c, file, history != null ? history : top.history);
        }

        /**
         * The prompt on a terminal; otherwise the statements on stdin, entry by entry, as in a
         * session at the prompt (a name may be defined again), with the exit code file mode would give.
         * A FILE that cannot be read is reported as {@code law run FILE} reports it, and nothing
         * else runs (exit 66).
         */
        static int start(Common common, Path file, Path history) {
            if (System.console() == null) {
                return piped(common, file);
            }
            SourceFile source;
            try {
                source = read(common, file);
            } catch (Failure f) {
                return unreadable(common, file, f.diagnostic());
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                Path h = law.repl.Repl.historyFile(history, System.getenv(), System.getProperty("user.home"));
                return new law.repl.Repl(terminal, common.options(), h, common.color(), common.json,
                        "law " + Version.get() + ": type statements, :help for help, Ctrl-D to quit").run(source);
            } catch (IOException e) {
                Streams.err().println("error: cannot open the terminal: " + e.getMessage());
                return piped(common, file);
            }
        }

        private static int piped(Common common, Path file) {
            List<law.diag.Diagnostic> malformed = Overrides.malformed(common.data, common.argv);
            if (!malformed.isEmpty()) {
                return UsageErrors.print(common.argv, malformed);
            }
            SourceFile source;
            try {
                source = read(common, file);
            } catch (Failure f) {
                return unreadable(common, file, f.diagnostic());
            }
            Printer printer = new Printer(Streams.out(), Streams.err(), false, common.json, true);
            // entries run as at the prompt (law.repl.Repl): a name may be defined again
            Session session = session(common.options().withRedefinition(true), printer);
            PipedData data = PipedData.watch(session, common);
            int exit = ExitCode.OK;
            if (source != null) {
                Outcome o = session.run(source);
                printer.file(file.toString(), o);
                exit = o.exitCode();
            }
            Outcome o = Piped.run(session, new BufferedReader(new StrictUtf8Reader(System.in)), "<stdin>");
            o = o.with(data.unused());
            printer.file("<stdin>", o);
            exit = worse(exit, o.exitCode());
            printer.finish(exit);
            return exit;
        }

        /** FILE (null for none), read before the session starts; fails as {@code law run FILE} reports it. */
        private static SourceFile read(Common common, Path file) {
            return file == null ? null : Session.read(file, common.argv.find(file.toString()));
        }

        /** Prints why FILE cannot be read as {@code law run FILE} does (stderr, or its JSON document); returns 66. */
        private static int unreadable(Common common, Path file, law.diag.Diagnostic d) {
            Printer printer = new Printer(Streams.out(), Streams.err(), common.color(), common.json, true);
            Outcome o = new Outcome(List.of(), List.of(d), 0, 0);
            printer.diagnostic(d);
            printer.file(file.toString(), o);
            printer.finish(o.exitCode());
            return o.exitCode();
        }
    }

    /** {@code law doc NAME}: the documentation and citation of a stdlib law, searching every module. */
    @Command(name = "doc", mixinStandardHelpOptions = true,
            description = "Print the documentation and citation of a stdlib law (any module), "
                    + "or with --markdown the whole stdlib reference.")
    static final class Doc implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "NAME", description = "A law, coefficient set or constant of the stdlib.")
        String name;

        @Option(names = "--markdown", description = "Print the stdlib reference (docs/stdlib.md) instead.")
        boolean markdown;

        @Option(names = "--errors", description = "Print the diagnostic code reference (docs/errors.md) instead.")
        boolean errors;

        @CommandLine.ParentCommand
        Main top;

        @Override
        public Integer call() {
            PrintStream out = Streams.out();
            if (errors) {
                out.print(law.diag.ErrorCatalog.markdown());
                return ExitCode.OK;
            }
            if (markdown) {
                out.print(law.stdlib.StdlibDoc.markdown());
                return ExitCode.OK;
            }
            Argv argv = top != null ? top.common.argv : new Argv();
            if (name == null) {
                return UsageErrors.print(argv, argv.whole(), "say which law to document",
                        "e.g. 'law doc epoch2024', or 'law doc --markdown' for the whole stdlib");
            }
            List<law.stdlib.StdlibDoc.Item> found = law.stdlib.StdlibDoc.find(name);
            if (found.isEmpty()) {
                List<String> names = law.stdlib.StdlibDoc.items().stream().map(i -> i.entry().name()).toList();
                String dym = law.diag.Suggest.didYouMean(name, names);
                return UsageErrors.print(argv, argv.find(name), "no stdlib law is named '" + name + "'",
                        dym != null ? dym : "'law doc --markdown' lists them all");
            }
            found.forEach(i -> out.print(law.stdlib.StdlibDoc.text(i)));
            return ExitCode.OK;
        }
    }

    /** Runs files (each in its own session) or one text, printing as it goes; returns the exit code. */
    static int runSources(Common common, List<Path> files, String text, boolean showResults) {
        Integer refused = common.refused();
        if (refused != null) {
            return refused;
        }
        PrintStream out = Streams.out();
        Printer printer = new Printer(out, Streams.err(), common.color(), common.json, showResults);
        int exit = ExitCode.OK;
        if (text != null) {
            Session session = checked(common, printer);
            Outcome o = session.run("<input>", text);
            printer.file("<input>", o);
            exit = o.exitCode();
        }
        for (Path f : files) {
            Session session = checked(common, printer);
            Outcome o = session.runFile(f, common.argv.find(f.toString()));
            printer.file(f.toString(), o);
            if (!showResults) {
                printer.line("check " + f + ": " + o.passed() + " expectation" + (o.passed() == 1 ? "" : "s")
                        + " held, " + o.failed() + " failed" + (o.hasErrors() ? ", with errors" : "")
                        + " (law " + Version.get() + ")");
            }
            exit = worse(exit, o.exitCode());
        }
        printer.finish(exit);
        return exit;
    }

    private static Session session(Options options, Printer printer) {
        return new Session(options).onResult(printer::result).onDiagnostic(printer::diagnostic);
    }

    /** A session for one file or {@code -e} text: its {@code --data} names are checked before it runs. */
    private static Session checked(Common common, Printer printer) {
        return Overrides.guard(session(common.options(), printer), common);
    }

    /** The more serious of two exit codes. */
    static int worse(int a, int b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(int code) {
        return switch (code) {
            case ExitCode.OK -> 0;
            case ExitCode.EXPECT_FAILED -> 1;
            case ExitCode.SPEC_ERROR -> 2;
            case ExitCode.NO_INPUT -> 3;
            default -> 4;
        };
    }

    /** Prints the version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"law " + Version.get()};
        }
    }
}
