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
 * outcomes add up to one, whose exit code is the one file mode would give.
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
        int firstLine = 1;
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
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
                String text = entry.toString();
                if (Tokens.hasCode(text) && Tokens.missing(text) == null) {
                    add(session.run(source(name, firstLine, text)), results, diagnostics, counts);
                    entry.setLength(0);
                    firstLine = lineNo + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Tokens.hasCode(entry.toString())) {
            add(session.run(source(name, firstLine, entry.toString())), results, diagnostics, counts);
        }
        return new Outcome(results, diagnostics, counts[0], counts[1]);
    }

    /** Carries out a command; false for {@code :quit}. */
    private static boolean command(String text, Session session, java.io.PrintStream out) {
        String word = text.split("\\s+", 2)[0];
        String arg = text.contains(" ") ? text.substring(text.indexOf(' ') + 1).strip() : "";
        Command c = Command.find(word);
        if (c == null) {
            out.println("unknown command ':" + word + "'; :help lists the commands");
            return true;
        }
        switch (c) {
            case HELP -> out.print(Help.text(arg));
            case SHOW -> out.print(Describe.show(session.env()) + Allow.listing(session, CWD));
            case ALLOW -> out.print(Allow.command(session, arg, CWD, new ArrayList<>()));
            case DOC -> out.print(arg.isEmpty() ? "usage: :doc NAME\n" : Describe.doc(session.env(), arg));
            case RESET -> session.reset();
            case QUIT -> {
                return false;
            }
            default -> out.println(c.usage() + " works only at the interactive prompt");
        }
        out.flush();
        return true;
    }

    /** The entry, preceded by as many empty lines as came before it, so locations match the input. */
    private static SourceFile source(String name, int firstLine, String text) {
        return SourceFile.of(name, "\n".repeat(firstLine - 1) + text);
    }

    private static void add(Outcome o, List<Result> results, List<Diagnostic> diagnostics, int[] counts) {
        results.addAll(o.results());
        diagnostics.addAll(o.diagnostics());
        counts[0] += o.passed();
        counts[1] += o.failed();
    }
}
