package law.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Helpers for data tests: the shared data folder, small files, expected errors. */
final class TestData {
    private TestData() {
    }

    /** A file under the shared data folder ({@code law.shared} property, else {@code ../shared}). */
    static Path shared(String relative) {
        return law.SharedData.file(relative);
    }

    /** Writes {@code text} as UTF-8 to {@code dir/name}. */
    static Path write(Path dir, String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code body}, expects a DataException with {@code error}, and returns it. */
    static DataException expect(DataError error, Executable body) {
        DataException e = assertThrows(DataException.class, body);
        assertEquals(error, e.error(), () -> "wrong error: " + e.getMessage());
        return e;
    }
}
