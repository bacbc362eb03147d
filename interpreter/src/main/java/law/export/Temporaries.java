package law.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the temporary files outputs are written to before the rename, and the clean-up of the
 * ones a killed run left behind. A temporary of output {@code fit.json} is
 * {@code .fit.json.law-PID-NONCE.tmp}: hidden, beside its output, and naming the process that
 * wrote it, so the next write of the same output removes those whose process is gone (a live
 * process, possibly another run writing the same file, keeps its own).
 */
final class Temporaries {
    private static final Pattern NAME = Pattern.compile("\\.(.+)\\.law-(\\d+)-[0-9a-f]+\\.tmp");

    private Temporaries() {
    }

    /** A fresh temporary name for output {@code fileName}. */
    static String name(String fileName) {
        return "." + fileName + ".law-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime())
                + ".tmp";
    }

    /** Removes the temporaries of {@code fileName} in {@code dir} whose writing process no longer runs. */
    static void removeStale(Path dir, String fileName) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> stale(p, fileName))) {
            for (Path p : entries) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: a temporary that cannot be listed or removed does no harm but take space
        }
    }

    private static boolean stale(Path p, String fileName) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches() || !m.group(1).equals(fileName) || !Files.isRegularFile(p)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            return false;
        }
        return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }
}
