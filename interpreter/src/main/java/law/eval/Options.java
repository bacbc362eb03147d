package law.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a session runs: set from the command line, fixed for the session.
 *
 * @param dataOverrides     dataset paths given with {@code --data NAME=PATH}
 * @param threads           worker threads for fits and bootstraps (at least 1)
 * @param quiet             no progress output
 * @param allowedPaths      directories a spec may read and write besides its own
 * @param allowRedefinition whether a name may be defined again (the REPL), replacing the old one
 * @param limits            resource limits (starts, bootstrap replicates, range sizes)
 * @param check             check mode: names are resolved and data read, but fits, IsoFLOP analyses and
 *                          outputs stop before their work ({@link Pending}), so nothing slow runs and
 *                          nothing is written (what the language server runs as you type)
 */
public record Options(Map<String, Path> dataOverrides, int threads, boolean quiet, List<Path> allowedPaths,
                      boolean allowRedefinition, Limits limits, boolean check) {

    public Options {
        dataOverrides = Map.copyOf(dataOverrides);
        allowedPaths = List.copyOf(allowedPaths);
        threads = Math.max(1, threads);
        limits = limits == null ? Limits.defaults() : limits;
    }

    /** Options that run everything. */
    public Options(Map<String, Path> dataOverrides, int threads, boolean quiet, List<Path> allowedPaths,
                   boolean allowRedefinition, Limits limits) {
        this(dataOverrides, threads, quiet, allowedPaths, allowRedefinition, limits, false);
    }

    /** Options without limits (the defaults). */
    public Options(Map<String, Path> dataOverrides, int threads, boolean quiet, List<Path> allowedPaths,
                   boolean allowRedefinition) {
        this(dataOverrides, threads, quiet, allowedPaths, allowRedefinition, Limits.defaults());
    }

    /** Defaults: no overrides, all cores, progress on, no extra paths, no redefinition, default limits. */
    public static Options defaults() {
        return new Options(Map.of(), Runtime.getRuntime().availableProcessors(), false, List.of(), false);
    }

    /** A copy with other data overrides. */
    public Options withDataOverrides(Map<String, Path> overrides) {
        return new Options(overrides, threads, quiet, allowedPaths, allowRedefinition, limits, check);
    }

    /** A copy with another thread count. */
    public Options withThreads(int n) {
        return new Options(dataOverrides, n, quiet, allowedPaths, allowRedefinition, limits, check);
    }

    /** A copy with progress output on or off. */
    public Options withQuiet(boolean q) {
        return new Options(dataOverrides, threads, q, allowedPaths, allowRedefinition, limits, check);
    }

    /** A copy with more allowed directories. */
    public Options withAllowedPaths(List<Path> paths) {
        return new Options(dataOverrides, threads, quiet, paths, allowRedefinition, limits, check);
    }

    /** A copy that allows or forbids redefinition. */
    public Options withRedefinition(boolean allow) {
        return new Options(dataOverrides, threads, quiet, allowedPaths, allow, limits, check);
    }

    /** A copy with other resource limits. */
    public Options withLimits(Limits l) {
        return new Options(dataOverrides, threads, quiet, allowedPaths, allowRedefinition, l, check);
    }

    /** A copy in check mode, or not (see {@link #check()}). */
    public Options withCheck(boolean c) {
        return new Options(dataOverrides, threads, quiet, allowedPaths, allowRedefinition, limits, c);
    }
}
