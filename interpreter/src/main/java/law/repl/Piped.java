package law.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import law.diag.Diagnostic;
import law.diag.SourceFile;
import law.eval.Result;
import law.session.Outcome;
import law.session.Session;

/**
 * The REPL when its input is not a terminal (a pipe, CI): no prompts, colours or line editing.
 * Entries are cut where the REPL would cut them and fed to the session one by one, so output
 * interleaves as in an interactive session; diagnostics name the line of the whole input. The
 * outcomes add up to one, whose exit code is the one file mode would give. The session is the
 * caller's: {@code law} gives it the prompt's options (a name may be defined again, as in
 * {@link Repl}).
 *
 * <p>Commands run as at the prompt, except {@code :save}, {@code :edit} and {@code :json}, which
 * need it. What a command prints is a result of kind {@code command} (so it is part of a
 * {@code --json} document), and a command that fails is an error diagnostic at its line, counted
 * as a failed statement is.
 */
public final class Piped {
    private static final Path CWD = Path.of("").toAbsolutePath();
    private final Session session;
    private final String name;
    private final List<Result> results = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Path> allowed = new ArrayList<>();
    private int passed;
    private int failed;

    private Piped(Session session, String name) {
        this.session = session;
        this.name = name;
    }

    /**
     * Runs every entry and command read from {@code in} in {@code session}, which hears of each
     * result and diagnostic as it comes; returns what they added up to.
     */
    public static Outcome run(Session session, BufferedReader in, String name) {
        return new Piped(session, name).read(in);
    }

    private Outcome read(BufferedReader in) {
        StringBuilder entry = new StringBuilder();
        EntryState state = new EntryState();
        int firstLine = 1;
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.indexOf('\0') >= 0) {
                    return unreadable(name + " is binary, not .law text: line " + lineNo + " holds a NUL character",
                            null);
                }
                if (entry.isEmpty() && (line.isBlank() || EntryParser.isCommand(line))) {
                    firstLine = lineNo + 1;
                    if (!line.isBlank() && !command(Typed.of(SourceFile.of(name, line, lineNo)))) {
                        break;
                    }
                    continue;
                }
                entry.append(line).append('\n');
                state.add(line);
                if (state.hasCode() && state.missing() == null) {
                    add(session.run(SourceFile.of(name, entry.toString(), firstLine)));
                    entry.setLength(0);
                    state = new EntryState();
                    firstLine = lineNo + 1;
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            // as a file that is not UTF-8 is refused, so is the rest of an input that is not
            return unreadable(name + " is not UTF-8 text: line " + (lineNo + 1) + " has a byte that is not UTF-8",
                    "send UTF-8 text (e.g. convert it with iconv -f latin1 -t utf-8)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (state.hasCode()) {
            add(session.run(SourceFile.of(name, entry.toString(), firstLine)));
        }
        return outcome();
    }

    /** Error {@code L0003} for input that is not text; nothing from its line on runs. */
    private Outcome unreadable(String message, String help) {
        problem(Diagnostic.error(law.diag.Code.FILE_UNREADABLE, null, message + "; nothing from that line on was run")
                .withHelp(help));
        return outcome();
    }

    /** Carries out a command; false for {@code :quit}. */
    private boolean command(Typed t) {
        Command c = Command.find(t.word());
        Diagnostic refused = c == null ? Command.unknown(t) : c.refuses(t);
        if (refused != null) {
            problem(refused);
        } else if (Commands.answers(c)) {
            Commands.Reply r = Commands.answer(c, t, session, CWD, allowed);
            if (r.problem() != null) {
                problem(r.problem());
            } else {
                answered(t, c, r.text());
            }
        } else if (c == Command.LOAD) {
            SourceFile file = Commands.load(t, this::problem);
            if (file != null) {
                add(session.run(file));
            }
        } else if (c == Command.RESET) {
            session.reset();
        } else if (c != Command.QUIT) {
            problem(Commands.promptOnly(c, t));
        }
        return c != Command.QUIT || refused != null;
    }

    /** What a command printed, as a result of kind {@code command}: {@code {"command": "show", "text": ...}}. */
    private void answered(Typed t, Command c, String text) {
        com.fasterxml.jackson.databind.node.ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode().put("command", c.word()).put("argument", t.arg()).put("text", text);
        Result r = new Result(t.whole(), "command", text.stripTrailing(), json);
        results.add(r);
        session.publish(r);
    }

    private void problem(Diagnostic d) {
        diagnostics.add(d);
        session.report(d);
    }

    private void add(Outcome o) {
        results.addAll(o.results());
        diagnostics.addAll(o.diagnostics());
        passed += o.passed();
        failed += o.failed();
    }

    private Outcome outcome() {
        return new Outcome(results, diagnostics, passed, failed);
    }
}
