package law.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import law.diag.Diagnostic;
import law.diag.SourceFile;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive prompt: a thin loop that reads an entry with JLine and hands it to the one
 * {@link Session}, or carries out a {@code :command}. Each entry runs on a {@link Worker} thread,
 * so Ctrl-C cancels it (see the contract there) without leaving the REPL; Ctrl-C on the prompt
 * clears the line, Ctrl-D quits. A failed statement leaves every definition as it was.
 */
public final class Repl {
    /** The primary prompt. */
    static final String PROMPT = "law> ";
    private final Terminal terminal;
    private final PrintWriter out;
    private final Session session;
    private final Echo echo;
    private final Transcript transcript = new Transcript();
    private final LineReader reader;
    private final String banner;
    private final Path cwd = Path.of("").toAbsolutePath();
    private final List<Path> allowed = new java.util.ArrayList<>();
    private String editor = Edit.editor(System.getenv());
    private String lastEntry;

    /**
     * A REPL on a terminal.
     *
     * @param terminal where to read and write
     * @param options  the session's options (redefinition is turned on)
     * @param history  the history file, or {@code null} for none
     * @param color    whether diagnostics are coloured
     * @param json     whether results start out as JSON
     * @param banner   the first line printed, or {@code null}
     */
    public Repl(Terminal terminal, Options options, Path history, boolean color, boolean json, String banner) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.echo = new Echo(out, color, json);
        this.session = new Session(options.withRedefinition(true)).onResult(echo::result)
                .onDiagnostic(echo::diagnostic);
        this.banner = banner;
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("law")
                .parser(new EntryParser())
                .completer(new LawCompleter(session::env, cwd, () -> Allow.roots(session, cwd)))
                .highlighter(new LawHighlighter())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "...> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (history != null) {
            b.variable(LineReader.HISTORY_FILE, history);
        }
        this.reader = b.build();
    }

    /** The history file: {@code flag} if given, else {@code $LAW_HISTORY}, else {@code ~/.law_history}. */
    public static Path historyFile(Path flag, Map<String, String> environment, String home) {
        if (flag != null) {
            return flag;
        }
        String env = environment.get("LAW_HISTORY");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(home, ".law_history");
    }

    /**
     * Runs {@code file} (if not {@code null}: {@code law repl FILE}, read beforehand so that a file
     * that cannot be read is reported before the prompt opens), then reads entries until Ctrl-D or
     * {@code :quit}; returns 0.
     */
    public int run(SourceFile file) {
        if (banner != null) {
            out.println(banner);
            out.flush();
        }
        try (Worker worker = new Worker()) {
            terminal.handle(Terminal.Signal.INT, s -> worker.cancel());
            if (file != null) {
                evaluate(file, worker);
            }
            while (true) {
                String entry;
                try {
                    entry = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (entry.isBlank()) {
                    continue;
                }
                if (!EntryParser.isCommand(entry)) {
                    lastEntry = entry;
                }
                if (EntryParser.isCommand(entry) ? !command(entry, worker) : !evaluate(
                        SourceFile.of("<repl>", entry), worker)) {
                    break;
                }
            }
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println("warning: could not save the history: " + e.getMessage());
        }
        out.flush();
        return 0;
    }

    /** Runs an entry on the worker; always true (the loop goes on). */
    private boolean evaluate(SourceFile source, Worker worker) {
        try {
            Outcome[] outcome = new Outcome[1];
            boolean cancelled = worker.run(() -> {
                Outcome o = session.run(source);
                for (law.ast.Stmt s : transcript.add(source, o)) {
                    if (s instanceof law.ast.Stmt.Data d && session.env().get(d.name().text()) != null) {
                        echo.result(Describe.kept(d, session.env().get(d.name().text())));
                    }
                }
                outcome[0] = o;
                return o;
            });
            boolean reported = outcome[0] != null && outcome[0].diagnostics().stream()
                    .anyMatch(d -> d.code() == law.diag.Code.CANCELLED);
            if (cancelled && !reported) {
                out.println("cancelled");
            }
        } catch (ExecutionException e) {
            out.println("error[L0001]: internal error: " + e.getCause());
            out.println("  = help: this is a bug in law; please report it with what you typed");
        }
        out.flush();
        return true;
    }

    /** Carries out a command; false for {@code :quit}. */
    private boolean command(String entry, Worker worker) {
        Typed t = Typed.of(SourceFile.of("<repl>", entry));
        Command c = Command.find(t.word());
        Diagnostic refused = c == null ? Command.unknown(t) : c.refuses(t);
        if (refused != null) {
            echo.diagnostic(refused);
            return true;
        }
        if (Commands.answers(c)) {
            Commands.Reply r = Commands.answer(c, t, session, cwd, allowed);
            if (r.problem() != null) {
                echo.diagnostic(r.problem());
            } else {
                out.print(r.text());
            }
        }
        switch (c) {
            case LOAD -> {
                SourceFile file = Commands.load(t, echo::diagnostic);
                if (file != null) {
                    evaluate(file, worker);
                }
            }
            case RESET -> {
                session.reset();
                transcript.clear();
                out.println("every definition is forgotten");
            }
            case SAVE -> save(t);
            case JSON -> json(t);
            case EDIT -> edit(t, worker);
            case QUIT -> {
                return false;
            }
            default -> {
            }
        }
        out.flush();
        return true;
    }

    private void save(Typed t) {
        String arg = t.arg();
        Transcript.Saved saved;
        try {
            Path path = cwd.resolve(expand(arg)).toAbsolutePath().normalize();
            saved = transcript.save(path, session.options().dataOverrides(), Allow.roots(session, cwd), allowed);
            Files.writeString(path, saved.text());
        } catch (IOException | RuntimeException e) {
            echo.diagnostic(Diagnostic.error(law.diag.Code.OUTPUT_UNWRITABLE, t.argAt(), "cannot write '"
                    + law.diag.Escape.line(arg) + "': " + e.getMessage()).withHelp("nothing was saved; "
                    + ":save FILE takes the path of a file in a folder you may write"));
            return;
        }
        int n = transcript.size();
        out.println("saved " + n + " statement" + (n == 1 ? "" : "s") + " to " + arg);
        if (!saved.rewrites().isEmpty()) {
            out.println("  paths are written relative to the saved file:");
            saved.rewrites().forEach(r -> out.println("    \"" + r.from() + "\" -> \"" + r.to() + "\""));
        }
        if (!saved.allow().isEmpty()) {
            StringBuilder cmd = new StringBuilder("law check");
            saved.allow().forEach(d -> cmd.append(" --allow-path ").append(d));
            out.println("  it uses files outside its directory, so check it with (as its first lines say):");
            out.println("    " + cmd + " " + arg);
        }
    }

    /** {@code :edit [NAME]}: edits the last entry or a definition, then runs what was saved. */
    private void edit(Typed t, Worker worker) {
        String name = t.arg();
        String text = name.isEmpty() ? lastEntry : transcript.definition(name);
        if (text == null && !name.isEmpty() && session.env().get(name) != null) {
            text = session.env().get(name).span().text();
        }
        if (text == null) {
            echo.diagnostic(name.isEmpty() ? t.error(t.wordAt(), "nothing to edit yet", ":edit NAME edits a definition")
                    : Diagnostic.error(law.diag.Code.UNKNOWN_NAME, t.argAt(), "'" + law.diag.Escape.line(name)
                    + "' is not defined").withHelp(lastEntry == null ? ":show lists what is defined"
                    : ":edit alone edits the last entry"));
            return;
        }
        out.flush();
        String[] why = new String[1];
        String edited = Edit.run(editor, text, terminal, why);
        if (edited == null) {
            echo.diagnostic(t.error(t.wordAt(), why[0], "the editor is $VISUAL, else $EDITOR, else vi"));
        } else if (edited.strip().equals(text.strip()) || !Tokens.hasCode(edited)) {
            out.println(Tokens.hasCode(edited) ? "unchanged; nothing ran" : "empty; nothing ran");
        } else {
            String entry = edited.stripTrailing();
            reader.getHistory().add(entry);
            lastEntry = entry;
            entry.lines().forEach(l -> out.println("edit> " + l));
            evaluate(SourceFile.of("<repl>", entry), worker);
        }
    }

    /** Uses {@code command} to edit (for tests). */
    Repl editor(String command) {
        editor = command;
        return this;
    }

    private void json(Typed t) {
        switch (t.arg()) {
            case "on" -> echo.json(true);
            case "off" -> echo.json(false);
            default -> echo.diagnostic(t.error(t.argAt(), ":json takes on or off, not '"
                    + law.diag.Escape.line(t.arg()) + "'", "results print as " + (echo.json() ? "JSON" : "text")
                    + " now; type :json on or :json off"));
        }
    }

    /** A path as typed after a command: quotes removed, {@code ~/} for the home directory. */
    static Path expand(String arg) {
        String a = arg.startsWith("\"") && arg.endsWith("\"") && arg.length() > 1 ? arg.substring(1, arg.length() - 1)
                : arg;
        return a.startsWith("~/") ? Path.of(System.getProperty("user.home"), a.substring(2)) : Path.of(a);
    }

    /** The session (for tests). */
    Session session() {
        return session;
    }

    /** The reader (for tests). */
    LineReader reader() {
        return reader;
    }
}
