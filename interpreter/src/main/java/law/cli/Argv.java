package law.cli;

import java.util.ArrayList;
import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.SourceFile;
import law.diag.Span;

/**
 * The command line as a source named {@code <command line>}, one line {@code law ARG...} (an
 * argument with spaces or quotes shell-quoted), so that a problem with it is a diagnostic with a
 * location and a caret under the offending argument, like a problem in a spec.
 */
final class Argv {
    /** How diagnostics name the command line. */
    static final String NAME = "<command line>";

    private final String[] args;
    /** Where each argument's text starts in {@link #source}'s text (after an opening quote). */
    private final int[] starts;
    private final SourceFile source;
    /** Whether {@code --json} is among the options. */
    private final boolean json;

    /** The command line {@code args}, in which {@code --json} is an option unless it is the value of one in {@code valued}. */
    Argv(String[] args, java.util.Set<String> valued) {
        this(args, json(args, valued));
    }

    /** The command line {@code args} (in which {@code --json} is an option wherever it stands). */
    Argv(String... args) {
        this(args, json(args, java.util.Set.of()));
    }

    private Argv(String[] args, boolean json) {
        this.json = json;
        this.args = args.clone();
        this.starts = new int[args.length];
        StringBuilder b = new StringBuilder("law");
        for (int i = 0; i < args.length; i++) {
            b.append(' ');
            boolean quote = needsQuotes(args[i]);
            if (quote) {
                b.append('\'');
            }
            starts[i] = b.length();
            b.append(quote ? args[i].replace("'", "'\\''") : args[i]);
            if (quote) {
                b.append('\'');
            }
        }
        this.source = SourceFile.of(NAME, b.toString());
    }

    /** Whether {@code --json} stands among {@code args} as an option: not after {@code --}, nor as an option's value. */
    private static boolean json(String[] args, java.util.Set<String> valued) {
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            if (args[i].equals("--json")) {
                return true;
            }
            if (valued.contains(args[i])) {
                i++;
            }
        }
        return false;
    }

    /** The arguments, as given. */
    List<String> args() {
        return List.of(args);
    }

    /** Whether the command asks for one JSON document ({@code --json}), so that usage errors go in one too. */
    boolean json() {
        return json;
    }

    private static boolean needsQuotes(String a) {
        return a.isEmpty() || a.chars().anyMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"' || c < 0x20);
    }

    /** An error {@code L0006} at {@code at} (a span of this command line). */
    Diagnostic error(Span at, String message, String help) {
        return Diagnostic.error(Code.USAGE, at, message).withHelp(help);
    }

    /** The whole command line. */
    Span whole() {
        return new Span(source, 0, source.text().length());
    }

    /** Argument {@code i}, or the whole line when there is no such argument. */
    Span arg(int i) {
        return i >= 0 && i < args.length ? new Span(source, starts[i], starts[i] + shownLength(i)) : whole();
    }

    private int shownLength(int i) {
        return needsQuotes(args[i]) ? args[i].replace("'", "'\\''").length() : args[i].length();
    }

    /**
     * Characters {@code from} to {@code to} of argument {@code i}, or the whole argument when it is
     * quoted with escapes (its characters are not where they were).
     */
    Span part(int i, int from, int to) {
        if (i < 0 || i >= args.length || args[i].indexOf('\'') >= 0) {
            return arg(i);
        }
        int end = Math.max(0, Math.min(to, args[i].length()));
        return new Span(source, starts[i] + Math.max(0, Math.min(from, end)), starts[i] + end);
    }

    /**
     * The value given to option {@code option} ({@code --data x=p}, {@code --data=x=p}) that starts
     * with {@code prefix}, the first {@code length} characters of it; the whole line if none does.
     */
    Span optionValue(String option, String prefix, int length) {
        List<Span> all = optionValues(option, prefix, length);
        return all.isEmpty() ? whole() : all.get(0);
    }

    /** Every value given to {@code option} that starts with {@code prefix}, as {@link #optionValue} finds the first. */
    List<Span> optionValues(String option, String prefix, int length) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int from = option.length() + 1;
            if (a.equals(option) && i + 1 < args.length && args[i + 1].startsWith(prefix)) {
                out.add(part(i + 1, 0, Math.min(length, args[i + 1].length())));
            } else if (a.startsWith(option + "=") && a.startsWith(prefix, from)) {
                out.add(part(i, from, from + Math.min(length, a.length() - from)));
            }
        }
        return out;
    }

    /** {@code d}, placed at the argument that names the path {@code arg} when it has no place of its own and there is one. */
    Diagnostic placed(Diagnostic d, String arg) {
        for (int i = 0; d.span() == null && i < args.length; i++) {
            if (args[i].equals(arg) || samePath(args[i], arg)) {
                return new Diagnostic(d.severity(), d.code(), arg(i), d.message(), d.help(), d.notes());
            }
        }
        return d;
    }

    private static boolean samePath(String a, String b) {
        try {
            return java.nio.file.Path.of(a).equals(java.nio.file.Path.of(b));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** The first argument equal to {@code value}, else the first that contains it, else the whole line. */
    Span find(String value) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(value)) {
                return arg(i);
            }
        }
        for (int i = 0; i < args.length; i++) {
            int at = value.isEmpty() ? -1 : args[i].indexOf(value);
            if (at >= 0) {
                return part(i, at, at + value.length());
            }
        }
        return whole();
    }
}
