package law.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commonest command lines, {@code law -e TEXT}, {@code law run FILE...} and
 * {@code law check FILE...} with no options, run without building picocli's model of the whole
 * command line (its reflection over every command and option is half the start-up of a one-line
 * answer). They mean exactly what picocli would make of them; anything else (an option, an
 * argument starting with {@code -} or {@code @}, another command) goes to picocli.
 */
final class QuickArgs {
    private QuickArgs() {
    }

    /** The exit code of a simple command line, or null when picocli must read it. */
    static Integer run(String[] args) {
        if (args.length < 2) {
            return null;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].isEmpty() || args[i].startsWith("-") || args[i].startsWith("@")) {
                return null;
            }
        }
        boolean eval = args[0].equals("-e") || args[0].equals("--eval");
        boolean check = args[0].equals("check");
        if (eval ? args.length != 2 : !check && !args[0].equals("run")) {
            return null;
        }
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 1; i < args.length && !eval; i++) {
                files.add(Path.of(args[i]));
            }
        } catch (InvalidPathException e) {
            return null;
        }
        try {
            return Main.runSources(new Main.Common(), files, eval ? args[1] : null, !check);
        } catch (RuntimeException | StackOverflowError e) {
            return Main.internalError(e);
        }
    }
}
