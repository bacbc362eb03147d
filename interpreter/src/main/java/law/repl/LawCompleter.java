package law.repl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import law.eval.Entry;
import law.eval.Env;
import law.eval.Modules;
import law.eval.Value;
import law.expr.Builtin;
import law.model.Constraint;
import law.model.Law;
import law.model.Param;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: keywords, builtins and the names in scope (laws, fits, data, constants,
 * constraints, and the variables and parameters of laws), stdlib modules after {@code use}, file
 * paths inside {@code csv("...")}, {@code json("...")}, {@code use "..."} and after {@code :load} /
 * {@code :save}, and the REPL's commands. It never throws and never waits: a problem yields no
 * candidates.
 */
final class LawCompleter implements Completer {
    private static final int MAX_FILES = 500;
    private final Supplier<Env> env;
    private final Path base;
    private final Supplier<List<Path>> roots;

    /**
     * Completes names from the environment {@code env} supplies, paths relative to {@code base};
     * paths in statements only under the directories {@code roots} supplies (the ones a statement
     * may read).
     */
    LawCompleter(Supplier<Env> env, Path base, Supplier<List<Path>> roots) {
        this.env = env;
        this.base = base;
        this.roots = roots;
    }

    /** Completes with {@code base} as the only directory statements may read. */
    LawCompleter(Supplier<Env> env, Path base) {
        this(env, base, () -> List.of(base));
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        try {
            candidates.addAll(candidates(line.line(), line.cursor()));
        } catch (RuntimeException e) {
            // half-typed input must never break the prompt
        }
    }

    /** The candidates at {@code cursor} in {@code buffer}, filtered by the word typed so far. */
    List<Candidate> candidates(String buffer, int cursor) {
        Spot spot = Spot.at(buffer, cursor);
        List<Candidate> all = switch (spot.what()) {
            case COMMAND -> commands();
            case NAME -> names(true);
            case FIELD -> fields(spot.path());
            case COMMAND_NAME -> names(false);
            case MODULE -> words(Modules.stdlibModules(), "module");
            case PATH -> paths(spot.prefix(), null, false);
            case SPEC_PATH -> paths(spot.prefix(), roots.get(), false);
            case FOLDER -> paths(spot.prefix(), null, true);
            case TOPIC -> topics();
            case SWITCH -> words(List.of("on", "off"), null);
            case NOTHING -> List.of();
        };
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : all) {
            if (c.value().startsWith(spot.prefix())) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Candidate> commands() {
        List<Candidate> out = new ArrayList<>();
        for (Command c : Command.values()) {
            out.add(new Candidate(":" + c.word(), ":" + c.word(), "command", c.summary(), null, null, true));
        }
        return out;
    }

    private static List<Candidate> topics() {
        List<Candidate> out = new ArrayList<>();
        for (Command c : Command.values()) {
            out.add(candidate(c.word(), "command"));
        }
        for (String t : Help.TOPICS) {
            out.add(candidate(t, "topic"));
        }
        return out;
    }

    private List<Candidate> names(boolean withKeywords) {
        List<Candidate> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        Env e = env.get();
        for (Entry entry : e.entries()) {
            add(out, seen, entry.name(), entry.kind().name().toLowerCase(java.util.Locale.ROOT),
                    !(entry.value() instanceof Value.LawRef));
        }
        for (Constraint c : e.constraints()) {
            if (c.name() != null) {
                add(out, seen, c.name(), "constraint", true);
            }
        }
        if (!withKeywords) {
            return out;
        }
        for (Entry entry : e.entries()) {
            if (entry.value() instanceof Value.LawRef ref) {
                Law law = ref.law();
                law.vars().forEach(v -> add(out, seen, v, "variable", true));
                for (Param p : law.params()) {
                    add(out, seen, p.name(), "parameter", true);
                }
            }
        }
        for (Builtin b : Builtin.values()) {
            if (b.inLanguage()) {
                add(out, seen, b.symbol(), "function", false);
            }
        }
        Tokens.KEYWORDS.forEach(k -> add(out, seen, k, "keyword", true));
        return out;
    }

    /** The fields of the value {@code path} names ({@code epoch.alpha}: value, se, ci_low, ...). */
    private List<Candidate> fields(List<String> path) {
        Entry e = env.get().get(path.get(0));
        Value v = e == null ? null : e.value();
        for (int i = 1; i < path.size() && v != null; i++) {
            v = Value.fieldsOf(v).get(path.get(i));
        }
        List<Candidate> out = new ArrayList<>();
        if (v != null) {
            for (Map.Entry<String, Value> f : Value.fieldsOf(v).entrySet()) {
                String name = law.expr.Printer.name(f.getKey());
                String group = f.getValue() instanceof Value.Rec r ? r.kind() : "field";
                out.add(new Candidate(name, name, group, null, null, null, !(f.getValue() instanceof Value.Rec)));
            }
        }
        return out;
    }

    /** Adds a name once; {@code space} says whether a unique completion is followed by a space (not for laws and functions, which take '('). */
    private static void add(List<Candidate> out, java.util.Set<String> seen, String name, String group,
                            boolean space) {
        if (seen.add(name)) {
            out.add(new Candidate(name, name, group, null, null, null, space));
        }
    }

    private static Candidate candidate(String value, String group) {
        return new Candidate(value, value, group, null, null, null, true);
    }

    private static List<Candidate> words(List<String> words, String group) {
        return words.stream().map(w -> candidate(w, group)).toList();
    }

    /**
     * Files and folders completing {@code typed}; folders end with '/' and leave the word open.
     * With {@code allowed}, only readable files under those directories, and folders under them or
     * on the way to them; with {@code foldersOnly}, no files.
     */
    private List<Candidate> paths(String typed, List<Path> allowed, boolean foldersOnly) {
        List<Candidate> out = new ArrayList<>();
        int slash = typed.lastIndexOf('/');
        String dirPart = typed.substring(0, slash + 1);
        Path dir = dirPart.startsWith("~/") && allowed == null
                ? Path.of(System.getProperty("user.home")).resolve(dirPart.substring(2))
                : base.resolve(dirPart.isEmpty() ? "." : dirPart);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (out.size() >= MAX_FILES) {
                    break;
                }
                String name = p.getFileName().toString();
                boolean folder = Files.isDirectory(p);
                if (foldersOnly && !folder || allowed != null && !readable(p, folder, allowed)) {
                    continue;
                }
                String value = dirPart + name + (folder ? "/" : "");
                out.add(new Candidate(value, name + (folder ? "/" : ""), folder ? "folder" : "file", null, null,
                        null, false));
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** A file a statement may read, or a folder holding such files or leading to an allowed directory. */
    private static boolean readable(Path p, boolean folder, List<Path> allowed) {
        Path abs = p.toAbsolutePath().normalize();
        if (law.eval.Sandbox.allows(abs, allowed)) {
            return folder || Files.isReadable(abs);
        }
        return folder && allowed.stream().anyMatch(r -> r.toAbsolutePath().normalize().startsWith(abs));
    }
}
