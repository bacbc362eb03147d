package law.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.eval.Options;
import picocli.CommandLine.Option;

/** Options shared by every subcommand. */
final class Common {
    @Option(names = "--json", description = "Print every result and diagnostic as one JSON document.")
    boolean json;

    @Option(names = "--data", paramLabel = "NAME=PATH", description = "Read dataset NAME from PATH instead.")
    Map<String, Path> data = new LinkedHashMap<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for fits (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    @Option(names = "--allow-path", paramLabel = "DIR", description = "Also let specs read and write under DIR (by default only under their own directory).")
    List<Path> allowPaths = new ArrayList<>();

    @Option(names = "--max-starts", paramLabel = "N",
            description = "Refuse fits with more than N starts (default: ${DEFAULT-VALUE}).")
    int maxStarts = law.eval.Limits.MAX_STARTS;

    @Option(names = "--max-bootstrap", paramLabel = "N",
            description = "Refuse bootstraps of more than N replicates (default: ${DEFAULT-VALUE}).")
    int maxBootstrap = law.eval.Limits.MAX_BOOTSTRAP;

    @Option(names = "--max-items", paramLabel = "N",
            description = "Refuse ranges of more than N elements (default: ${DEFAULT-VALUE}).")
    int maxItems = law.eval.Limits.MAX_ITEMS;

    @Option(names = "--color", description = "Colour diagnostics (default: when on a terminal).",
            negatable = true)
    Boolean color;

    /** The command line these options came from, for locating problems with them. */
    Argv argv = new Argv();

    /**
     * These options with those given before the subcommand ({@code law --data d=x.csv run F})
     * filled in where the subcommand's own were not given; lists and maps keep both.
     */
    Common after(Common top) {
        Common c = new Common();
        c.json = json || top.json;
        c.quiet = quiet || top.quiet;
        c.data.putAll(top.data);
        c.data.putAll(data);
        c.allowPaths.addAll(top.allowPaths);
        c.allowPaths.addAll(allowPaths);
        c.threads = threads != c.threads ? threads : top.threads;
        c.maxStarts = maxStarts != c.maxStarts ? maxStarts : top.maxStarts;
        c.maxBootstrap = maxBootstrap != c.maxBootstrap ? maxBootstrap : top.maxBootstrap;
        c.maxItems = maxItems != c.maxItems ? maxItems : top.maxItems;
        c.color = color != null ? color : top.color;
        c.argv = top.argv;
        return c;
    }

    /**
     * Exit 2 with an error for a number option out of range or an {@code --allow-path} that is not
     * a directory, or null when every option is usable.
     */
    Integer refused() {
        List<law.diag.Diagnostic> notDirectories = notDirectories();
        if (!notDirectories.isEmpty()) {
            return UsageErrors.print(argv, notDirectories);
        }
        if (threads < 1 || threads > 1024) {
            return outOfRange("--threads", "between 1 and 1024", threads);
        }
        if (maxStarts < 1 || maxBootstrap < 0 || maxItems < 1) {
            return maxStarts < 1 ? outOfRange("--max-starts", "at least 1", maxStarts) : maxBootstrap < 0
                    ? outOfRange("--max-bootstrap", "at least 0", maxBootstrap) : outOfRange("--max-items", "at least 1",
                    maxItems);
        }
        return null;
    }

    /**
     * An error at each {@code --allow-path} value that is not a directory: a directory that does not
     * exist is a typo that would show later as a refusal of a path the user meant to allow (as
     * {@code :allow} refuses it in the REPL).
     */
    private List<law.diag.Diagnostic> notDirectories() {
        List<law.diag.Diagnostic> out = new ArrayList<>();
        for (Path p : new java.util.LinkedHashSet<>(allowPaths)) {
            Path dir = p.toAbsolutePath().normalize();
            if (p.toString().isEmpty()) {
                // what an unset variable gives (--allow-path "$DATA_DIR"): it would allow the working directory
                out.add(argv.error(allowPathAt(""), "--allow-path is empty (an unset variable?)",
                        "--allow-path takes a directory; write '.' for the working directory"));
            } else if (!java.nio.file.Files.isDirectory(dir)) {
                boolean exists = java.nio.file.Files.exists(dir);
                out.add(argv.error(allowPathAt(p.toString()), "--allow-path '" + p + "' is not a directory"
                        + (exists ? "" : " (" + dir + " does not exist)"), "--allow-path takes a directory"
                        + (exists && dir.getParent() != null ? ", such as the one holding it: " + dir.getParent() : "")));
            }
        }
        return out;
    }

    /** The {@code --allow-path} argument that gave {@code shown}: the value written so, else the first that starts so. */
    private law.diag.Span allowPathAt(String shown) {
        List<law.diag.Span> at = argv.optionValues("--allow-path", shown, Integer.MAX_VALUE);
        return at.stream().filter(s -> s.text().equals(shown)).findFirst()
                .orElse(at.isEmpty() ? argv.find(shown) : at.get(0));
    }

    private Integer outOfRange(String option, String range, int value) {
        return UsageErrors.print(argv, argv.optionValue(option, "", Integer.MAX_VALUE), option + " must be " + range
                + ", not " + value, null);
    }

    Options options() {
        return Options.defaults().withDataOverrides(data).withThreads(threads).withQuiet(quiet)
                .withAllowedPaths(allowPaths).withLimits(new law.eval.Limits(Math.max(1, maxStarts),
                        Math.max(0, maxBootstrap), Math.max(1, maxItems)));
    }

    boolean color() {
        return color != null ? color : System.console() != null && System.getenv("NO_COLOR") == null;
    }
}
