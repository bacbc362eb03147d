package law.repl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import law.ast.Program;
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.session.Outcome;
import law.syntax.SpecParser;

/**
 * The statements of a session that succeeded, in order, for {@code :save}. A statement failed when
 * an error (or a cancellation) points into it, and the statements after a cancelled one never ran; an error that points nowhere in the entry (say, into a used file)
 * counts against every statement of its entry. When a name is defined again, only the last
 * definition is kept, so the saved file passes {@code law check}, which forbids redefinition.
 */
final class Transcript {
    /** A kept statement: the name it defines (or {@code null}) and its text. */
    private record Kept(String name, String text) {
    }

    private final List<Kept> kept = new ArrayList<>();

    /** Records the statements of {@code source} that succeeded in {@code outcome}. */
    void add(SourceFile source, Outcome outcome) {
        Program program = SpecParser.parse(source, new Diagnostics());
        List<Diagnostic> errors = outcome.diagnostics().stream()
                .filter(d -> d.isError() || d.code() == Code.CANCELLED).toList();
        boolean stray = errors.stream().anyMatch(d -> d.span() == null || d.span().source() != source);
        if (stray || program.statements().isEmpty()) {
            return;
        }
        int cancelledAt = outcome.diagnostics().stream().filter(d -> d.code() == Code.CANCELLED)
                .mapToInt(d -> d.span().start()).min().orElse(Integer.MAX_VALUE);
        for (Stmt s : program.statements()) {
            if (s.span().end() > cancelledAt) {
                break; // the cancelled statement and the ones after it, which did not run
            }
            boolean failed = errors.stream().anyMatch(d -> d.span().start() < s.span().end()
                    && d.span().end() >= s.span().start());
            if (!failed) {
                keep(s.definedName(), doc(s) + s.span().text());
            }
        }
    }

    private void keep(String name, String text) {
        if (name != null) {
            for (Iterator<Kept> it = kept.iterator(); it.hasNext();) {
                if (name.equals(it.next().name())) {
                    it.remove();
                }
            }
        }
        kept.add(new Kept(name, text));
    }

    /** Forgets everything (after {@code :reset}). */
    void clear() {
        kept.clear();
    }

    /** How many statements are kept. */
    int size() {
        return kept.size();
    }

    /** The kept statements as the text of a {@code .law} file. */
    String text() {
        StringBuilder out = new StringBuilder("# Saved from the law REPL.\n");
        for (Kept k : kept) {
            out.append(k.text()).append('\n');
        }
        return out.toString();
    }

    private static String doc(Stmt s) {
        String doc = null;
        if (s instanceof Stmt.LawForm l) {
            doc = l.doc();
        } else if (s instanceof Stmt.LawWith l) {
            doc = l.doc();
        } else if (s instanceof Stmt.Let l) {
            doc = l.doc();
        } else if (s instanceof Stmt.Constraint c) {
            doc = c.doc();
        } else if (s instanceof Stmt.Data d) {
            doc = d.doc();
        } else if (s instanceof Stmt.Fit f) {
            doc = f.doc();
        } else if (s instanceof Stmt.Isoflop i) {
            doc = i.doc();
        }
        if (doc == null || doc.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : doc.strip().split("\n")) {
            out.append("## ").append(line.strip()).append('\n');
        }
        return out.toString();
    }

}
