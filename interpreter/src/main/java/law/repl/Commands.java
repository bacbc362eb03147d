package law.repl;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Escape;
import law.diag.SourceFile;
import law.eval.Failure;
import law.eval.Modules;
import law.session.Session;

/**
 * The commands that do the same at the prompt ({@link Repl}) and in piped input ({@link Piped}),
 * carried out for either. A command that fails gives a diagnostic located at the command or its
 * argument, never plain text: the front end prints it where diagnostics go and, in piped input,
 * counts it as a failed statement is counted.
 */
final class Commands {
    private Commands() {
    }

    /**
     * What a command answered: the text it prints, or the problem that stopped it (exactly one is not null).
     *
     * @param text    what to print
     * @param problem why nothing was done
     */
    record Reply(String text, Diagnostic problem) {
        static Reply text(String text) {
            return new Reply(text, null);
        }

        static Reply problem(Diagnostic problem) {
            return new Reply(null, problem);
        }
    }

    /** Whether {@link #answer} carries out {@code c}: it only prints, or changes no more than the sandbox. */
    static boolean answers(Command c) {
        return c == Command.HELP || c == Command.SHOW || c == Command.ALLOW || c == Command.DOC;
    }

    /** Carries out {@code :help}, {@code :show}, {@code :allow} or {@code :doc} as typed in {@code t}. */
    static Reply answer(Command c, Typed t, Session session, Path cwd, List<Path> allowed) {
        return switch (c) {
            case HELP -> help(t);
            case SHOW -> Reply.text(Escape.text(Describe.show(session.env()) + Allow.listing(session, cwd)));
            case ALLOW -> Allow.command(session, t, cwd, allowed);
            default -> doc(session, t);
        };
    }

    private static Reply help(Typed t) {
        String text = Help.text(t.arg());
        return text != null ? Reply.text(text) : Reply.problem(t.error(t.argAt(), "no help on '"
                + Escape.line(t.arg()) + "'", "the topics are " + String.join(", ", Help.TOPICS)
                + " and the commands' names; :help alone lists the commands"));
    }

    /** {@code :doc NAME}; a name that is not defined is {@code L0201}, as it is in a statement. */
    private static Reply doc(Session session, Typed t) {
        String name = t.arg();
        if (session.env().get(name) != null) {
            return Reply.text(Escape.text(Describe.doc(session.env(), name)));
        }
        String near = law.diag.Suggest.didYouMean(name, session.env().names());
        List<law.stdlib.StdlibDoc.Item> stdlib = law.stdlib.StdlibDoc.find(name);
        String help = !stdlib.isEmpty() ? "'" + name + "' is in the stdlib: 'use " + stdlib.get(0).module()
                + "' defines it here, and 'law doc " + name + "' prints its documentation" : near != null ? near
                : ":show lists what is defined";
        return Reply.problem(Diagnostic.error(Code.UNKNOWN_NAME, t.argAt(), "'" + Escape.line(name)
                + "' is not defined").withHelp(help));
    }

    /**
     * The file {@code :load FILE} names, read as a spec (relative paths resolve against the working
     * directory, {@code ~/} is the home directory); or null, after reporting at FILE why it cannot be.
     */
    static SourceFile load(Typed t, Consumer<Diagnostic> report) {
        try {
            return Modules.readSpec(Repl.expand(t.arg()).toAbsolutePath(), t.arg(), null);
        } catch (Failure f) {
            Diagnostic d = f.diagnostic();
            report.accept(d.span() != null ? d : new Diagnostic(d.severity(), d.code(), t.argAt(), d.message(),
                    d.help(), d.notes()));
        } catch (InvalidPathException e) {
            report.accept(t.error(t.argAt(), "'" + Escape.line(t.arg()) + "' is not a file name: " + e.getReason(),
                    "type :load FILE with the path of a .law file"));
        }
        return null;
    }

    /** Error {@code L0007} for {@code :save}, {@code :edit} or {@code :json} in piped input, which need the prompt. */
    static Diagnostic promptOnly(Command c, Typed t) {
        String help = switch (c) {
            case JSON -> "'law --json' prints the results of the whole input as one JSON document";
            case SAVE -> ":save writes what was typed at the prompt; piped input is text already: save that";
            default -> "edit the input before it is piped";
        };
        return t.error(t.wordAt(), ":" + c.word() + " works only at the interactive prompt, so nothing was done",
                help);
    }
}
