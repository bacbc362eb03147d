package law;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared data folder the tests read real datasets from (never copied into the project). */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder: the {@code law.shared} system property (set by surefire), else {@code ../shared}. */
    public static Path root() {
        String prop = System.getProperty("law.shared");
        Path root = prop != null ? Path.of(prop) : Path.of("../shared");
        if (prop == null && !Files.isDirectory(root)) {
            root = Path.of("../../shared");
        }
        return root.toAbsolutePath().normalize();
    }

    /** A file under {@code shared/data}, asserting that it exists. */
    public static Path file(String relative) {
        Path p = root().resolve("data").resolve(relative).normalize();
        assertTrue(Files.isRegularFile(p), "missing shared data file " + p);
        return p;
    }
}
