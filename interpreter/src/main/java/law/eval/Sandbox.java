package law.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import law.diag.Code;
import law.diag.SourceFile;
import law.diag.Span;

/**
 * Where a spec may read and write: under the directory of the spec being run (and of the files it
 * {@code use}s) and under the directories given with {@code --allow-path}. A path written in a spec
 * resolves against its file's directory; one that lands anywhere else, by an absolute path, a
 * {@code ..} escape or a symbolic link, is refused with {@code L0901}. Paths given on the command
 * line ({@code --data NAME=PATH}, the spec files themselves) are the user's choice and not checked.
 */
public final class Sandbox {
    private Sandbox() {
    }

    /**
     * The file a spec names with {@code written}, resolved against the current source's directory;
     * fails with {@code L0901} at {@code at} when it lies outside every allowed directory.
     */
    public static Path resolve(String written, Span at, Context ctx) {
        SourceFile src = ctx.source();
        Path base = src != null ? src.baseDir() : Path.of("").toAbsolutePath();
        Path file = base.resolve(written).toAbsolutePath().normalize();
        List<Path> roots = roots(ctx);
        if (!inside(file, roots) || !inside(real(file), realRoots(roots))) {
            throw Failure.at(Code.PATH_OUTSIDE, at, "'" + written + "' is outside the directories this spec may use ("
                    + "its own, " + base + ", and any --allow-path)", help(written));
        }
        return file;
    }

    /** The directories a spec may use: every open spec's directory and the allowed paths. */
    public static List<Path> roots(Context ctx) {
        Set<Path> out = new LinkedHashSet<>();
        for (SourceFile s : ctx.sources()) {
            out.add(s.baseDir().toAbsolutePath().normalize());
        }
        if (out.isEmpty()) {
            out.add(Path.of("").toAbsolutePath());
        }
        for (Path p : ctx.options().allowedPaths()) {
            out.add(p.toAbsolutePath().normalize());
        }
        return new ArrayList<>(out);
    }

    private static String help(String written) {
        return "a spec reads and writes only under its own directory; to reach "
                + (Path.of(written).isAbsolute() ? "this file" : "files elsewhere")
                + ", run law with --allow-path DIR (in the REPL, type :allow DIR), or give a dataset with --data NAME=PATH";
    }

    /** True when {@code file} (absolute) lies under one of {@code roots}, also once symbolic links are resolved. */
    public static boolean allows(Path file, List<Path> roots) {
        Path f = file.toAbsolutePath().normalize();
        List<Path> norm = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
        return inside(f, norm) && inside(real(f), realRoots(norm));
    }

    private static boolean inside(Path file, List<Path> roots) {
        for (Path r : roots) {
            if (file.startsWith(r)) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> realRoots(List<Path> roots) {
        List<Path> out = new ArrayList<>();
        for (Path r : roots) {
            out.add(real(r));
        }
        return out;
    }

    /**
     * The path with symbolic links resolved in its longest existing prefix, so a link inside the
     * spec's directory cannot point outside it.
     */
    static Path real(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            Path r = existing.toRealPath();
            return rest == null ? r : r.resolve(rest).normalize();
        } catch (IOException | SecurityException e) {
            return p;
        }
    }
}
