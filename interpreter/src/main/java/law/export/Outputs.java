package law.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import law.dataset.Dataset;
import law.diag.Code;
import law.diag.SourceFile;
import law.diag.Span;
import law.eval.Context;
import law.eval.Entry;
import law.eval.Failure;

/**
 * Output files of {@code plot} and {@code export}: resolved relative to the spec's directory,
 * checked against the files the session reads (specs, data files, saved fits), and written atomically (a temporary file in the
 * same directory, then a rename), so a failed write never leaves half a file behind; a temporary
 * that a killed run left behind is removed by the next write of the same output ({@link Temporaries}).
 */
public final class Outputs {
    private Outputs() {
    }

    /** Writes the bytes of one output. */
    @FunctionalInterface
    public interface Writer {
        /** Writes the whole file to {@code out}. */
        void write(OutputStream out) throws IOException;
    }

    /** The lower-case extension of a path as written ({@code "png"}), or {@code ""}. */
    public static String extension(String path) {
        String name = Path.of(path).getFileName() == null ? path : Path.of(path).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The extension of an output path, checked against the formats a statement writes
     * ({@code L0802} otherwise).
     */
    public static String format(String path, Span at, String what, Set<String> formats) {
        String ext = extension(path);
        if (!formats.contains(ext)) {
            throw Failure.at(Code.OUTPUT_FORMAT, at, (ext.isEmpty() ? "'" + path + "' has no extension"
                    : "'." + ext + "' is not a format " + what + " can write"),
                    "use one of: " + String.join(", ", formats.stream().map(f -> "." + f).toList()));
        }
        return ext;
    }

    /**
     * The output path resolved against the spec's directory: never outside the directories the spec
     * may use ({@code L0901}, see {@link law.eval.Sandbox}), never a file the session reads ({@code L0804}).
     */
    public static Path resolve(String path, Span at, Context ctx) {
        checkName(path, at);
        Path file = law.eval.Sandbox.resolve(path, at, ctx);
        for (Path input : inputs(ctx)) {
            if (same(file, input)) {
                throw Failure.at(Code.OUTPUT_IS_INPUT, at, "'" + path + "' is a file this session reads; "
                        + "writing it would destroy the input", "choose another output name");
            }
        }
        writable(file, at);
        return file;
    }

    /**
     * Fails with {@code L0803} when the output plainly cannot be written (a directory in its place,
     * a file where a directory must be, no permission), so a statement fails before its work, not
     * after it.
     */
    private static void writable(Path file, Span at) {
        Path existing = file.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String why = Files.isDirectory(file) ? "it is a directory"
                : existing == null ? null
                : !Files.isDirectory(existing) ? existing + " is a file, not a directory"
                : !Files.isWritable(existing) ? "permission denied" : null;
        if (why != null) {
            throw Failure.at(Code.OUTPUT_UNWRITABLE, at, "cannot write " + file + ": " + why,
                    "check that the directory exists and is writable");
        }
    }

    /**
     * An output name must be printable (no newline or other control character, which would break
     * every listing of the directory) and have a name before its extension ({@code ".csv"} would be
     * a hidden file); otherwise {@code L0803}.
     */
    static void checkName(String path, Span at) {
        if (path.codePoints().anyMatch(Character::isISOControl)) {
            throw Failure.at(Code.OUTPUT_UNWRITABLE, at, "the output name holds a control character (such as a "
                    + "newline): " + law.diag.Escape.line(path), "choose a name of printable characters");
        }
        Path name = Path.of(path).getFileName();
        String base = name == null ? "" : name.toString();
        int dot = base.lastIndexOf('.');
        if (dot == 0) {
            throw Failure.at(Code.OUTPUT_UNWRITABLE, at, "'" + path + "' has an extension but no name",
                    "give the file a name, e.g. \"out" + base + "\"");
        }
    }

    /** Writes a file atomically, or fails with {@code L0803} at {@code at}. */
    public static void write(Path file, Span at, Writer writer) {
        Path tmp = null;
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (Files.isDirectory(file)) {
                throw new IOException("it is a directory");
            }
            // created like any new file (permissions from the umask), unlike createTempFile's 0600
            Temporaries.removeStale(dir == null ? Path.of("") : dir, file.getFileName().toString());
            tmp = (dir == null ? Path.of("") : dir).resolve(Temporaries.name(file.getFileName().toString()));
            try (OutputStream out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | SecurityException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                    : e.getMessage();
            throw Failure.at(Code.OUTPUT_UNWRITABLE, at, "cannot write " + file + ": " + why,
                    "check that the directory exists and is writable");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the output
                }
            }
        }
    }

    /** The files the session reads: the specs being run and every loaded data file. */
    static Set<Path> inputs(Context ctx) {
        Set<Path> out = new LinkedHashSet<>();
        Path base = ctx.source() != null ? ctx.source().baseDir() : Path.of("");
        for (SourceFile s : ctx.sources()) {
            if (s.path() != null) {
                out.add(s.path().toAbsolutePath().normalize());
            }
        }
        for (Entry e : ctx.env().entries()) {
            if (e.value() instanceof law.eval.Value.LawRef l && l.law().fitted() instanceof SavedFit f) {
                out.add(f.file().toAbsolutePath().normalize());
            }
            if (e.value() instanceof Dataset d) {
                String src = d.table().source();
                if (src != null && !src.equals("inline table") && !src.equals("simulated")) {
                    out.add(base.resolve(src).toAbsolutePath().normalize());
                }
            }
        }
        return out;
    }

    private static boolean same(Path a, Path b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
