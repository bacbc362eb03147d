package law.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The VS Code extension's TextMate grammar tests ({@code editors/vscode}, node's test runner with
 * {@code vscode-textmate} and {@code vscode-oniguruma}), run by {@code mvn verify} when npm is on
 * the {@code PATH}. Without npm (CI, a machine with only a JDK and Maven) the test is skipped and
 * says so: the grammar is editor tooling, not something the interpreter needs. Run them by hand
 * with {@code cd editors/vscode && npm ci && npm test}; {@code -Dlaw.editors.skip=true} skips them
 * even where npm is installed.
 */
class VsCodeGrammarTest {
    private static final String HOW = "run them with: cd editors/vscode && npm ci && npm test";

    @Test
    void grammarTestsPassInNode() throws IOException, InterruptedException {
        assumeFalse(Boolean.getBoolean("law.editors.skip"),
                () -> skipped("-Dlaw.editors.skip=true was given"));
        Optional<Path> npm = onPath(isWindows() ? "npm.cmd" : "npm");
        assumeTrue(npm.isPresent(), () -> skipped("npm is not on the PATH"));
        Path dir = Path.of(System.getProperty("law.root", "..")).resolve("editors/vscode").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(dir.resolve("package-lock.json")), "no " + dir.resolve("package-lock.json"));
        if (!installed(dir)) {
            run(dir, npm.get().toString(), "ci", "--no-audit", "--no-fund");
        }
        run(dir, npm.get().toString(), "test");
    }

    /** The reason given for skipping, also printed so that it shows in the build's log. */
    private static String skipped(String why) {
        String message = why + ": the VS Code grammar's tests (editors/vscode) were skipped; " + HOW;
        System.err.println("[VsCodeGrammarTest] " + message);
        return message;
    }

    /** True when node_modules was installed from the current lock file (npm writes its own copy there). */
    private static boolean installed(Path dir) throws IOException {
        Path hidden = dir.resolve("node_modules/.package-lock.json");
        return Files.isRegularFile(hidden)
                && Files.getLastModifiedTime(hidden).compareTo(Files.getLastModifiedTime(dir.resolve("package-lock.json"))) >= 0;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("law-npm", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(10, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(done, () -> String.join(" ", command) + " took over 10 minutes:\n" + output);
            assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed in " + dir + ":\n" + output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = entry.isEmpty() ? null : Path.of(entry).resolve(name);
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
