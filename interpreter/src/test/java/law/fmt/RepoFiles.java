package law.fmt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Every {@code .law} file of the repository, for the formatter's tests. */
final class RepoFiles {
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

    /** Fuzz seeds are a fuzzer's inputs, kept as the fuzzer has them: formatted by no one. */
    static boolean isFuzzSeed(Path file) {
        return root().relativize(file).toString().replace('\\', '/').contains("src/test/resources/law/fuzz/");
    }

    /** Test inputs may be broken on purpose (syntax tests, fuzz seeds); nothing else may. */
    static boolean mayBeBroken(Path file) {
        return root().relativize(file).toString().replace('\\', '/').contains("src/test/resources/");
    }
}
