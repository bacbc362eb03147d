package law.repl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import law.session.Session;

/**
 * {@code :allow [DIR]}: widens, for the rest of the session, the directories statements may read
 * and write (as {@code --allow-path} does at start-up), or lists them. Entries typed at the prompt
 * resolve paths against the working directory, which is always allowed.
 */
final class Allow {
    private Allow() {
    }

    /** Carries out {@code :allow} as typed in {@code t}: the listing, or the directory added (recorded in {@code added}). */
    static Commands.Reply command(Session session, Typed t, Path cwd, List<Path> added) {
        if (t.arg().isBlank()) {
            return Commands.Reply.text(listing(session, cwd));
        }
        Path dir;
        try {
            dir = cwd.resolve(Repl.expand(t.arg())).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Commands.Reply.problem(t.error(t.argAt(), "'" + law.diag.Escape.line(t.arg())
                    + "' is not a directory name: " + e.getReason(), ":allow takes a directory"));
        }
        if (!Files.isDirectory(dir)) {
            return Commands.Reply.problem(t.error(t.argAt(), "'" + law.diag.Escape.line(t.arg()) + "' is not a directory"
                    + (Files.exists(dir) ? "" : " (" + dir + " does not exist)"), ":allow takes a directory"
                    + (Files.exists(dir) && dir.getParent() != null ? ", such as the one holding it: " + dir.getParent() : "")));
        }
        if (roots(session, cwd).contains(dir)) {
            return Commands.Reply.text(dir + " is already allowed\n");
        }
        session.allow(dir);
        added.add(dir);
        return Commands.Reply.text("statements may now read and write under " + dir
                + " (for this session; :save records it)\n");
    }

    /** The directories statements may use: the working directory, then {@code --allow-path} and {@code :allow} ones. */
    static List<Path> roots(Session session, Path cwd) {
        List<Path> out = new ArrayList<>();
        out.add(cwd.toAbsolutePath().normalize());
        for (Path p : session.options().allowedPaths()) {
            Path n = p.toAbsolutePath().normalize();
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The text of {@code :allow} without a directory, also the last section of {@code :show}. */
    static String listing(Session session, Path cwd) {
        StringBuilder out = new StringBuilder("allowed directories (statements read and write only under these):\n");
        List<Path> roots = roots(session, cwd);
        for (int i = 0; i < roots.size(); i++) {
            out.append("  ").append(roots.get(i)).append(i == 0 ? "  (the working directory)" : "").append('\n');
        }
        return out.toString();
    }
}
