package law.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
public final class Piped {
    private static final java.nio.file.Path CWD = java.nio.file.Path.of("").toAbsolutePath();
    private Piped() {
    }

    /** Runs every entry read from {@code in} in {@code session}; returns what they added up to. */
    public static Outcome run(Session session, BufferedReader in, String name) {
        return run(session, in, name, System.out);
    }

    /**
     * Runs every entry read from {@code in}; the commands that make sense without a prompt
     * ({@code :show}, {@code :doc}, {@code :help}, {@code :reset}, {@code :quit}) print to {@code out}.
     */
    public static Outcome run(Session session, BufferedReader in, String name, java.io.PrintStream out) {
        List<Result> results = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        int[] counts = new int[2];
        StringBuilder entry = new StringBuilder();
        EntryState state = new EntryState();
        int firstLine = 1;
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.indexOf('\0') >= 0) {
                    diagnostics.add(unreadable(session, name + " is binary, not .law text: line " + lineNo
                            + " holds a NUL character", null));
                    return new Outcome(results, diagnostics, counts[0], counts[1]);
                }
                if (entry.isEmpty() && line.isBlank()) {
                    firstLine = lineNo + 1;
                    continue;
                }
                if (entry.isEmpty() && line.strip().startsWith(":")) {
                    firstLine = lineNo + 1;
                    if (!command(line.strip().substring(1), session, out)) {
                        break;
                    }
                    continue;
                }
                entry.append(line).append('\n');
                state.add(line);
                if (state.hasCode() && state.missing() == null) {
                    add(session.run(source(name, firstLine, entry.toString())), results, diagnostics, counts);
                    entry.setLength(0);
                    state = new EntryState();
                    firstLine = lineNo + 1;
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            // as a file that is not UTF-8 is refused, so is the rest of an input that is not
            diagnostics.add(unreadable(session, name + " is not UTF-8 text: line " + (lineNo + 1)
                    + " has a byte that is not UTF-8", "send UTF-8 text (e.g. convert it with iconv -f latin1 -t utf-8)"));
            return new Outcome(results, diagnostics, counts[0], counts[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (state.hasCode()) {
            add(session.run(source(name, firstLine, entry.toString())), results, diagnostics, counts);
        }
        return new Outcome(results, diagnostics, counts[0], counts[1]);
    }

    /** Error {@code L0003} for input that is not text; nothing from its line on runs. */
    private static Diagnostic unreadable(Session session, String message, String help) {
        Diagnostic d = Diagnostic.error(law.diag.Code.FILE_UNREADABLE, null, message + "; nothing from that line on was run")
                .withHelp(help);
        session.report(d);
        return d;
    }

    /** Carries out a command; false for {@code :quit}. */
    private static boolean command(String text, Session session, java.io.PrintStream out) {
        String word = text.split("\\s+", 2)[0];
        String arg = text.contains(" ") ? text.substring(text.indexOf(' ') + 1).strip() : "";
        Command c = Command.find(word);
        String refused = c == null ? Command.unknown(word) : c.refuses(arg);
        if (refused != null) {
            out.println(refused);
            return true;
        }
        switch (c) {
            case HELP -> out.print(Help.text(arg));
            case SHOW -> out.print(law.diag.Escape.text(Describe.show(session.env()) + Allow.listing(session, CWD)));
            case ALLOW -> out.print(Allow.command(session, arg, CWD, new ArrayList<>()));
            case DOC -> out.print(law.diag.Escape.text(arg.isEmpty() ? "usage: :doc NAME\n" : Describe.doc(session.env(), arg)));
            case RESET -> session.reset();
            case QUIT -> {
                return false;
            }
            default -> out.println(c.usage() + " works only at the interactive prompt");
        }
        out.flush();
        return true;
    }

    /** The entry, numbered from the line of the input it starts on, so locations match the input. */
    private static SourceFile source(String name, int firstLine, String text) {
        return SourceFile.of(name, text, firstLine);
    }

    private static void add(Outcome o, List<Result> results, List<Diagnostic> diagnostics, int[] counts) {
        results.addAll(o.results());
        diagnostics.addAll(o.diagnostics());
        counts[0] += o.passed();
        counts[1] += o.failed();
    }
}
