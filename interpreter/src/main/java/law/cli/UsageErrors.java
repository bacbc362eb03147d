package law.cli;

import java.util.List;
import law.diag.Diagnostic;
import law.diag.Span;
import law.session.ExitCode;
import picocli.CommandLine;

/**
 * Usage errors (exit 2) as diagnostics {@code L0006} on the command line ({@link Argv}), with a
 * caret under the argument at fault: picocli's parse errors, in our wording, and the checks the
 * commands make themselves.
 */
final class UsageErrors {
    private static final String HELP = "run 'law --help' for usage";

    private UsageErrors() {
    }

    /** Prints an error {@code L0006} at {@code at} with {@code help} (or the pointer to --help); returns exit 2. */
    static int print(Argv argv, Span at, String message, String help) {
        return print(argv, List.of(argv.error(at, message, help != null ? help : HELP)));
    }

    /**
     * Prints errors {@code L0006} on stderr, or under {@code --json} as the one JSON document (with
     * no files, the errors in its {@code diagnostics}); returns exit 2.
     */
    static int print(Argv argv, List<Diagnostic> errors) {
        Printer printer = new Printer(Streams.out(), Streams.err(), false, argv.json(), true);
        errors.forEach(printer::commandLine);
        printer.finish(ExitCode.USAGE);
        return ExitCode.USAGE;
    }

    /** Prints a picocli parse error as a diagnostic; returns exit 2. */
    static int print(CommandLine.ParameterException ex, Argv argv) {
        String command = unknownCommand(ex);
        if (command != null) {
            return print(argv, argv.find(command), "unknown command '" + command + "'", commandHelp(ex, command));
        }
        Diagnostic missing = missingFile(ex, argv);
        if (missing != null) {
            return print(argv, List.of(missing));
        }
        return print(argv, where(ex, argv), message(ex), help(ex));
    }

    /**
     * For a missing FILE: the option before it that took the file as its value ({@code law run
     * --allow-path s.law}), as an error at that value which says so, else what the command needs;
     * null for another error.
     */
    private static Diagnostic missingFile(CommandLine.ParameterException ex, Argv argv) {
        if (!(ex instanceof CommandLine.MissingParameterException m) || m.getMissing().isEmpty()
                || !(m.getMissing().get(0) instanceof CommandLine.Model.PositionalParamSpec file)) {
            return null;
        }
        List<String> args = argv.args();
        for (int i = args.size() - 2; i >= 0; i--) {
            CommandLine.Model.OptionSpec o = option(ex.getCommandLine(), args.get(i));
            String value = args.get(i + 1);
            if (o != null && o.arity().max() > 0 && !o.typeInfo().isMap() && looksLikeSpec(value)) {
                String name = o.longestName();
                String command = ex.getCommandLine().getCommandSpec().qualifiedName();
                return argv.error(argv.arg(i + 1), "missing " + file.paramLabel() + ": " + name + " took '" + value
                        + "' as its " + o.paramLabel(), "give " + name + " its " + o.paramLabel() + " before the file: "
                        + command + " " + name + " " + o.paramLabel() + " " + value);
            }
        }
        String what = file.description().length > 0 ? " (" + file.description()[0].replaceAll("\\.$", "")
                .toLowerCase(java.util.Locale.ROOT) + ")" : "";
        String command = ex.getCommandLine().getCommandSpec().qualifiedName();
        return argv.error(argv.whole(), "missing " + file.paramLabel() + ": '" + command + "' needs "
                + file.paramLabel() + what, "usage: " + command + " [OPTIONS] " + file.paramLabel()
                + (file.arity().max() > 1 ? "..." : "") + "; '" + command + " --help' lists the options");
    }

    /** The option called {@code name} of {@code cl} or of a command it is a subcommand of, or null. */
    private static CommandLine.Model.OptionSpec option(CommandLine cl, String name) {
        for (CommandLine c = cl; c != null; c = c.getParent()) {
            CommandLine.Model.OptionSpec o = name.startsWith("-") ? c.getCommandSpec().findOption(name) : null;
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** Whether {@code value} reads as the spec a command was to run: a {@code .law} name or an existing file. */
    private static boolean looksLikeSpec(String value) {
        try {
            return value.toLowerCase(java.util.Locale.ROOT).endsWith(".law") || java.nio.file.Files.isRegularFile(
                    java.nio.file.Path.of(value));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** The word that stands where a command should ({@code law rn x.law}), or null. */
    private static String unknownCommand(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine().getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return u.getUnmatched().get(0);
        }
        return null;
    }

    private static String commandHelp(CommandLine.ParameterException ex, String command) {
        java.util.Set<String> names = ex.getCommandLine().getSubcommands().keySet();
        String dym = law.diag.Suggest.didYouMean(command, names);
        if (dym != null) {
            return dym;
        }
        if (command.endsWith(".law")) {
            return "to run a file: law run " + command;
        }
        return "the commands are " + String.join(", ", names) + "; " + HELP;
    }

    /** Picocli's message, lower-cased at its start, without its doubled "option option '--data'". */
    static String message(CommandLine.ParameterException ex) {
        if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o && o.longestName().equals("--data")
                && ex.getValue() != null && ex.getValue().indexOf('=') <= 0) {
            return "--data takes NAME=PATH (a dataset of the spec and the file to read it from), not '"
                    + ex.getValue() + "'";
        }
        String m = String.valueOf(ex.getMessage()).replace("option option '", "option '");
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static Span where(CommandLine.ParameterException ex, Argv argv) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return argv.find(u.getUnmatched().get(0));
        }
        if (ex.getValue() != null && !ex.getValue().isEmpty()) {
            return argv.find(ex.getValue());
        }
        if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
            return argv.find(o.longestName());
        }
        return argv.whole();
    }

    private static String help(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> s = u.getSuggestions();
            if (!s.isEmpty()) {
                return "did you mean " + String.join(" or ", s.stream().limit(3).map(x -> "'" + x + "'").toList())
                        + "? " + HELP;
            }
        }
        return HELP;
    }
}
