package law.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commonest command lines run without building picocli's model of the whole command line
 * (its reflection over every command and option costs more than the rest of a one-line answer's
 * start-up): {@code law -e TEXT}, and {@code law run FILE...} or {@code law check FILE...} with
 * any of the options {@code --allow-path DIR}, {@code --data NAME=PATH}, {@code --threads N} and
 * {@code -q}/{@code --quiet} among the files. They mean exactly what picocli would make of them;
 * anything else (another option, an option's value that picocli might read otherwise, an argument
 * starting with {@code @}, another command) goes to picocli.
 */
final class QuickArgs {
    private QuickArgs() {
    }

    /** The exit code of a simple command line, or null when picocli must read it. */
    static Integer run(String[] args) {
        if (args.length < 2) {
            return null;
        }
        boolean eval = args[0].equals("-e") || args[0].equals("--eval");
        boolean check = args[0].equals("check");
        if (eval ? args.length != 2 || args[1].startsWith("-") || args[1].startsWith("@")
                : !check && !args[0].equals("run")) {
            return null;
        }
        Common common = new Common();
        common.argv = new Argv(args);
        List<Path> files = eval ? List.of() : read(args, common);
        if (files == null || !eval && files.isEmpty()) {
            return null;
        }
        try {
            return Main.runSources(common, files, eval ? args[1] : null, !check);
        } catch (RuntimeException | StackOverflowError e) {
            return Main.internalError(e);
        }
    }

    /** The files of {@code run}/{@code check} with their options filled into {@code common}, or null. */
    private static List<Path> read(String[] args, Common common) {
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-q") || a.equals("--quiet")) {
                    common.quiet = true;
                } else if (a.startsWith("-")) {
                    if (i + 1 == args.length || !option(a, args[++i], common)) {
                        return null;
                    }
                } else if (a.isEmpty() || a.startsWith("@")) {
                    return null;
                } else {
                    files.add(Path.of(a));
                }
            }
        } catch (InvalidPathException | NumberFormatException e) {
            return null;
        }
        return files;
    }

    /** Reads {@code --name value} into {@code common}; false for any other option or a doubtful value. */
    private static boolean option(String name, String value, Common common) {
        if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
            return false;
        }
        switch (name) {
            case "--allow-path":
                common.allowPaths.add(Path.of(value));
                return true;
            case "--threads":
                common.threads = Integer.parseInt(value);
                return true;
            case "--data":
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    return false;
                }
                common.data.put(value.substring(0, eq), Path.of(value.substring(eq + 1)));
                return true;
            default:
                return false;
        }
    }
}
