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

    /** Carries out {@code :allow arg}; returns what to print. */
    static String command(Session session, String arg, Path cwd, List<Path> added) {
        if (arg.isBlank()) {
            return listing(session, cwd);
        }
        Path dir = cwd.resolve(Repl.expand(arg)).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return "error: '" + arg + "' is not a directory" + (Files.exists(dir) ? "" : " (it does not exist)")
                    + "; :allow takes a directory\n";
        }
        if (roots(session, cwd).contains(dir)) {
            return dir + " is already allowed\n";
        }
        session.allow(dir);
        added.add(dir);
        return "statements may now read and write under " + dir + " (for this session; :save records it)\n";
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
