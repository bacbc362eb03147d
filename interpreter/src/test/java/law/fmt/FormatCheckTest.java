package law.fmt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CI's {@code law fmt --check}: every {@code .law} file of the repository is in the canonical
 * layout (test inputs that do not parse, on purpose, and fuzz seeds excepted).
 */
class FormatCheckTest {

    @Test
    void everyLawFileIsFormatted() throws IOException {
        List<String> unformatted = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (Path f : RepoFiles.all()) {
            if (RepoFiles.isFuzzSeed(f)) {
                continue;
            }
            RepoFiles.Formatted r = RepoFiles.formatted(f);
            if (!r.result().ok()) {
                if (!RepoFiles.mayBeBroken(f)) {
                    broken.add(r.rel() + ": " + r.result().diagnostics().get(0).message());
                }
            } else if (!r.unchanged()) {
                unformatted.add(r.rel());
            }
        }
        assertTrue(broken.isEmpty(), "these .law files do not parse, so they cannot be formatted:\n  "
                + String.join("\n  ", broken));
        assertTrue(unformatted.isEmpty(), unformatted.size() + " .law file(s) are not in the canonical layout:\n  "
                + String.join("\n  ", unformatted) + "\nfix them from the repository root with:\n  ./law fmt "
                + String.join(" ", unformatted) + "\n(a golden test whose '#!' columns move then needs them "
                + "updated; a test that is about layout can keep its own with a '# fmt: off' line)");
    }
}
