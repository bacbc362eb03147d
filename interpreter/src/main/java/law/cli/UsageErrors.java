package law.cli;

import java.util.List;
import law.diag.Diagnostic;
import law.diag.Renderer;
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
        Diagnostic d = argv.error(at, message, help != null ? help : HELP);
        Streams.err().print(new Renderer(false).render(d));
        return ExitCode.USAGE;
    }

    /** Prints a picocli parse error as a diagnostic; returns exit 2. */
    static int print(CommandLine.ParameterException ex, String[] args) {
        Argv argv = new Argv(args);
        String command = unknownCommand(ex);
        if (command != null) {
            return print(argv, argv.find(command), "unknown command '" + command + "'", commandHelp(ex, command));
        }
        return print(argv, where(ex, argv), message(ex), help(ex));
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
