package law.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;

/**
 * {@code :edit [NAME]}: the last entry, or the statement that defined NAME, opened in the user's
 * editor ({@code $VISUAL}, else {@code $EDITOR}, else {@code vi}) in a temporary {@code .law}
 * file; what is saved there when the editor exits is run as the next entry.
 */
final class Edit {
    private Edit() {
    }

    /** The editor command line: {@code $VISUAL}, else {@code $EDITOR}, else {@code vi}. */
    static String editor(Map<String, String> environment) {
        for (String v : new String[] {"VISUAL", "EDITOR"}) {
            String e = environment.get(v);
            if (e != null && !e.isBlank()) {
                return e.strip();
            }
        }
        return "vi";
    }

    /**
     * Lets the user edit {@code text} with {@code editor} (a shell command line; the file is its last
     * argument) while the terminal is handed over; returns the saved text, or {@code null} with the
     * reason in {@code why[0]} when the editor could not run or failed.
     */
    static String run(String editor, String text, Terminal terminal, String[] why) {
        Path file = null;
        boolean paused = false;
        try {
            file = Files.createTempFile("law-edit-", ".law");
            Files.writeString(file, text.endsWith("\n") ? text : text + "\n");
            if (terminal.canPauseResume()) {
                terminal.pause(true);
                paused = true;
            }
            Process p = new ProcessBuilder("/bin/sh", "-c", editor + " \"$1\"", "law-edit", file.toString())
                    .inheritIO().start();
            int exit = p.waitFor();
            if (exit != 0) {
                why[0] = "the editor '" + editor + "' exited with status " + exit + "; nothing ran";
                return null;
            }
            return Files.readString(file);
        } catch (IOException e) {
            why[0] = "could not run the editor '" + editor + "': " + e.getMessage()
                    + " (set $EDITOR to the editor you use)";
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why[0] = "interrupted while the editor ran; nothing ran";
            return null;
        } finally {
            if (paused) {
                terminal.resume();
            }
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans its temporary directory
                }
            }
        }
    }
}
