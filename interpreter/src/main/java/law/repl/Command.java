package law.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The REPL's commands. Each is accepted by any unique prefix: {@code :h}, {@code :sh}, {@code :q}. */
enum Command {
    /** {@code :help [topic]}. */
    HELP("[TOPIC]", "this help, or help on a command or topic"),
    /** {@code :load FILE}. */
    LOAD("FILE", "run a .law file in this session"),
    /** {@code :show}. */
    SHOW("", "everything defined, by kind"),
    /** {@code :doc NAME}. */
    DOC("NAME", "documentation and citation of a law (or any name)"),
    /** {@code :reset}. */
    RESET("", "forget every definition"),
    /** {@code :save FILE}. */
    SAVE("FILE", "write the session's successful statements as a .law file"),
    /** {@code :allow [DIR]}. */
    ALLOW("[DIR]", "let statements read and write under DIR too (no DIR: list the allowed directories)"),
    /** {@code :edit [NAME]}. */
    EDIT("[NAME]", "edit the last entry, or NAME's definition, in $EDITOR, then run it"),
    /** {@code :json on|off}. */
    JSON("on|off", "print results as JSON, or as text"),
    /** {@code :quit}. */
    QUIT("", "leave (Ctrl-D does too)");

    private final String args;
    private final String summary;

    Command(String args, String summary) {
        this.args = args;
        this.summary = summary;
    }

    /** The command's name as typed, without the colon. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The usage line: {@code :load FILE}. */
    String usage() {
        return ":" + word() + (args.isEmpty() ? "" : " " + args);
    }

    /** What the command does. */
    String summary() {
        return summary;
    }

    /**
     * The problem with {@code typed} as this command's argument, or {@code null} when there is none:
     * a command that takes no argument refuses one rather than ignore it ({@code :reset x} would
     * forget everything, not x), and one that needs an argument says which.
     */
    law.diag.Diagnostic refuses(Typed typed) {
        String arg = typed.arg();
        if (args.isEmpty() && !arg.isEmpty()) {
            return typed.error(typed.argAt(), ":" + word() + " takes no argument, so nothing was done with '"
                    + law.diag.Escape.line(arg) + "'", "type " + usage() + " alone");
        }
        if (!args.isEmpty() && !args.startsWith("[") && arg.isEmpty()) {
            return typed.error(typed.wordAt(), "missing " + args + " after :" + word(), "type " + usage() + " ("
                    + summary + ")");
        }
        return null;
    }

    /** The problem with {@code typed} when its word names no command ({@link #find} gives null) or is ambiguous: it is ambiguous, or unknown (with a suggestion). */
    static law.diag.Diagnostic unknown(Typed typed) {
        String word = typed.word();
        List<Command> several = matching(word);
        if (several.size() > 1 && !word.isEmpty()) {
            return typed.error(typed.wordAt(), "':" + law.diag.Escape.line(word) + "' could be "
                    + String.join(" or ", several.stream().map(x -> ":" + x.word()).toList()), "type more of its name");
        }
        String near = law.diag.Suggest.closest(word, java.util.Arrays.stream(values()).map(Command::word).toList());
        return typed.error(typed.wordAt(), word.isEmpty() ? "a ':' without a command" : "unknown command ':"
                + law.diag.Escape.line(word) + "'", (near != null && !word.isEmpty() ? "did you mean ':" + near
                + "'? " : "") + ":help lists the commands");
    }

    /** The commands whose name starts with {@code prefix}. */
    static List<Command> matching(String prefix) {
        List<Command> out = new ArrayList<>();
        for (Command c : values()) {
            if (c.word().startsWith(prefix.toLowerCase(Locale.ROOT))) {
                out.add(c);
            }
        }
        return out;
    }

    /** The one command {@code prefix} names, or {@code null} when it names none or several. */
    static Command find(String prefix) {
        List<Command> m = matching(prefix);
        return m.size() == 1 && !prefix.isEmpty() ? m.get(0) : null;
    }
}
