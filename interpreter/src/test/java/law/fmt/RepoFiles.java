package law.fmt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import law.diag.SourceFile;

/** Every {@code .law} file of the repository, for the formatter's tests. */
final class RepoFiles {
    /**
     * A file's text and what formatting it gave.
     *
     * @param rel    the path from the repository root, with {@code /}
     * @param text   the file's text
     * @param result {@link Formatter#format(SourceFile)} of it
     */
    record Formatted(String rel, String text, Formatter.Result result) {
        /** True when formatting gives the text back: the file is in the canonical layout. */
        boolean unchanged() {
            return result.ok() && result.text().equals(text);
        }
    }

    /** Each file is formatted once for FormatterTest and FormatCheckTest (they run in one JVM). */
    private static final Map<Path, Formatted> FORMATTED = new ConcurrentHashMap<>();

    private RepoFiles() {
    }

    /** The repository root: the {@code law.root} system property (set by surefire), else {@code ..}. */
    static Path root() {
        return Path.of(System.getProperty("law.root", "..")).toAbsolutePath().normalize();
    }

    /** Every {@code .law} file under the root (not in build output, node_modules or hidden folders). */
    static List<Path> all() throws IOException {
        return Sources.expand(List.of(root()));
    }

    /** A file of {@link #all} and what formatting it gives, computed once per test run. */
    static Formatted formatted(Path file) {
        return FORMATTED.computeIfAbsent(file, f -> {
            try {
                String rel = root().relativize(f).toString().replace('\\', '/');
                String text = Files.readString(f);
                return new Formatted(rel, text, Formatter.format(new SourceFile(rel, f, text)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Fuzz seeds are a fuzzer's inputs, kept as the fuzzer has them: formatted by no one. */
    static boolean isFuzzSeed(Path file) {
        return root().relativize(file).toString().replace('\\', '/').contains("src/test/resources/law/fuzz/");
    }

    /** Test inputs may be broken on purpose (syntax tests, fuzz seeds); nothing else may. */
    static boolean mayBeBroken(Path file) {
        return root().relativize(file).toString().replace('\\', '/').contains("src/test/resources/");
    }
}
