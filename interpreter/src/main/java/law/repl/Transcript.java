package law.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * an error (or a cancellation) points into it, and the statements after a cancelled one never
 * ran; an error that points nowhere in the entry (say, into a used file)
 * counts against every statement of its entry. When a name is defined again, only the last
 * definition is kept, so the saved file passes {@code law check}, which forbids redefinition.
 */
final class Transcript {
    /**
     * A kept statement: the name it defines (or {@code null}), its text, the directory its
     * relative paths were read against, and its path literals.
     */
    private record Kept(String name, String text, Path base, List<SavedPaths.Literal> paths) {
    }

    /**
     * What {@code :save} writes and tells.
     *
     * @param text     the file's text
     * @param rewrites the paths written again relative to the saved file
     * @param allow    the directories outside the saved file's own that {@code law check} must be allowed
     */
    record Saved(String text, List<SavedPaths.Rewrite> rewrites, Set<Path> allow) {
    }

    private final List<Kept> kept = new ArrayList<>();

    /** Records the statements of {@code source} that succeeded in {@code outcome}; returns them. */
    List<Stmt> add(SourceFile source, Outcome outcome) {
        List<Stmt> done = new ArrayList<>();
        Program program = SpecParser.parse(source, new Diagnostics());
        List<Diagnostic> errors = outcome.diagnostics().stream()
                .filter(d -> d.isError() || d.code() == Code.CANCELLED).toList();
        boolean stray = errors.stream().anyMatch(d -> d.span() == null || d.span().source() != source);
        if (stray || program.statements().isEmpty()) {
            return done;
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
                String doc = doc(s);
                keep(new Kept(s.definedName(), doc + s.span().text(), source.baseDir(),
                        SavedPaths.of(s, doc.length())));
                done.add(s);
            }
        }
        return done;
    }

    private void keep(Kept k) {
        if (k.name() != null) {
            kept.removeIf(other -> k.name().equals(other.name()));
        }
        kept.add(k);
    }

    /** The kept text (with its documentation) of the statement that last defined {@code name}, or {@code null}. */
    String definition(String name) {
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (name.equals(kept.get(i).name())) {
                return kept.get(i).text();
            }
        }
        return null;
    }

    /** Forgets everything (after {@code :reset}). */
    void clear() {
        kept.clear();
    }

    /** How many statements are kept. */
    int size() {
        return kept.size();
    }

    /** The kept statements as the text of a {@code .law} file in the working directory. */
    String text() {
        return save(Path.of("saved.law").toAbsolutePath(), Map.of(), List.of(), List.of()).text();
    }

    /**
     * The kept statements as the text of {@code file}: every relative path is written again
     * relative to the file's directory (a dataset given with {@code --data} is read from its
     * override), so the file reads the same files as the session did; {@code roots} are the
     * directories the session could use, {@code allowed} the ones added with {@code :allow}.
     */
    Saved save(Path file, Map<String, Path> overrides, List<Path> roots, List<Path> allowed) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        List<SavedPaths.Rewrite> rewrites = new ArrayList<>();
        Set<Path> allow = new LinkedHashSet<>();
        StringBuilder body = new StringBuilder();
        for (Kept k : kept) {
            StringBuilder text = new StringBuilder(k.text());
            for (int i = k.paths().size() - 1; i >= 0; i--) {
                SavedPaths.Literal lit = k.paths().get(i);
                Path override = lit.data() == null ? null : overrides.get(lit.data());
                Path target = (override != null ? override : k.base().resolve(lit.value())).toAbsolutePath().normalize();
                String written = Path.of(lit.value()).isAbsolute() && override == null ? lit.value()
                        : SavedPaths.relative(target, dir);
                if (!written.equals(lit.value())) {
                    rewrites.add(0, new SavedPaths.Rewrite(lit.value(), written));
                    text.replace(lit.start(), lit.end(), SavedPaths.quote(written));
                }
                if (!law.eval.Sandbox.allows(target, List.of(dir))) {
                    allow.add(rootOf(target, roots));
                }
            }
            body.append(text).append('\n');
        }
        StringBuilder out = new StringBuilder("# Saved from the law REPL. Paths are relative to this file.\n");
        if (!allow.isEmpty()) {
            out.append("# It uses files outside its directory; check it with:\n#   law check");
            allow.forEach(a -> out.append(" --allow-path ").append(a));
            out.append(' ').append(file.getFileName()).append('\n');
        }
        if (!allowed.isEmpty()) {
            out.append("# Directories allowed in the session with :allow:");
            allowed.forEach(a -> out.append(' ').append(a));
            out.append('\n');
        }
        return new Saved(out.append(body).toString(), rewrites, allow);
    }

    /** The most specific session directory holding {@code file}, or the file's own directory. */
    private static Path rootOf(Path file, List<Path> roots) {
        Path best = null;
        for (Path r : roots) {
            Path n = r.toAbsolutePath().normalize();
            if (file.startsWith(n) && (best == null || n.getNameCount() > best.getNameCount())) {
                best = n;
            }
        }
        return best != null ? best : file.getParent();
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
