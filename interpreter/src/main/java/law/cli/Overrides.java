package law.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.ast.DataSource;
import law.ast.Program;
import law.ast.Stmt;
import law.diag.Diagnostic;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.eval.Failure;
import law.eval.Modules;
import law.eval.Sandbox;
import law.syntax.SpecParser;

/**
 * {@code --data NAME=PATH} checked against the datasets a spec defines before any of it runs: a
 * NAME the spec never defines (a typo, or the wrong spec) would otherwise let the whole spec run,
 * every fit included, on the data it names itself. The datasets are those of its {@code data}
 * statements and of the {@code .law} files and stdlib modules it {@code use}s, read without
 * running them.
 */
final class Overrides {
    private Overrides() {
    }

    /** {@code session}, its sources checked against the {@code --data} names of {@code common} before they run. */
    static law.session.Session guard(law.session.Session session, Common common) {
        if (!common.data.isEmpty()) {
            session.before(p -> check(p, common.data, session.options().allowedPaths(), common.argv));
        }
        return session;
    }

    /** Errors {@code L0006} for the names of {@code overrides} that {@code program} has no file dataset of. */
    static List<Diagnostic> check(Program program, Map<String, Path> overrides, List<Path> allowed, Argv argv) {
        List<Diagnostic> out = new ArrayList<>(malformed(overrides, argv));
        Map<String, Stmt.Data> datasets = datasets(program, allowed);
        if (!out.isEmpty() || datasets == null) {
            return out; // a module it uses cannot be read: running it says why, at the 'use'
        }
        String spec = program.source().name();
        for (String name : overrides.keySet()) {
            Stmt.Data d = datasets.get(name);
            String problem = d == null ? spec + " defines no dataset '" + name + "'" : notFromFile(d);
            if (problem != null) {
                out.add(error(argv, name, problem, datasets));
            }
        }
        return out;
    }

    /** Errors {@code L0006} for {@code --data} values wrong whatever the spec: a NAME given twice, an empty NAME or PATH. */
    static List<Diagnostic> malformed(Map<String, Path> overrides, Argv argv) {
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<String, Path> o : overrides.entrySet()) {
            String name = o.getKey();
            List<law.diag.Span> given = argv.optionValues("--data", name + "=", Math.max(1, name.length()));
            if (given.size() > 1) {
                out.add(argv.error(given.get(1), "--data " + name + "=... is given " + given.size() + " times",
                        "give each dataset one --data NAME=PATH (the last one would win)"));
            }
            boolean noPath = o.getValue().toString().isEmpty();
            if (name.isEmpty() || noPath) {
                out.add(argv.error(at(argv, name), "--data " + name + "=" + (noPath ? "" : "...") + ": the "
                        + (name.isEmpty() ? "NAME before" : "PATH after") + " '=' is empty", HELP));
            }
        }
        return out;
    }

    private static final String HELP = "--data NAME=PATH replaces the file of a 'data NAME = csv(...)' or json(...) "
            + "statement";

    /** Where {@code --data name=...} was given. */
    private static law.diag.Span at(Argv argv, String name) {
        return argv.optionValue("--data", name + "=", Math.max(1, name.length()));
    }

    /** Error {@code L0006} at {@code --data name=...}: {@code problem}, with the datasets of the spec that could be meant. */
    static Diagnostic error(Argv argv, String name, String problem, Map<String, Stmt.Data> datasets) {
        return error(argv, name, problem, datasets, "the spec");
    }

    /** The same, for datasets defined by {@code whose} ({@code "the input"}). */
    static Diagnostic error(Argv argv, String name, String problem, Map<String, Stmt.Data> datasets, String whose) {
        return argv.error(at(argv, name), "--data " + name + "=...: " + problem, help(name, datasets, whose));
    }

    /** Why the dataset {@code d} cannot take {@code --data}, or null when it is read from a file. */
    static String notFromFile(Stmt.Data d) {
        return fromFile(d) ? null : "'" + d.name().text() + "' is not read from a file (it is " + kind(d)
                + "), so there is no path to replace";
    }

    private static String help(String name, Map<String, Stmt.Data> datasets, String whose) {
        List<String> files = datasets.values().stream().filter(Overrides::fromFile).map(d -> d.name().text()).toList();
        if (files.isEmpty()) {
            return HELP + ", and " + whose + " has none";
        }
        String dym = law.diag.Suggest.didYouMean(name, files);
        return (dym != null ? dym + " " : "") + "the datasets read from files are: " + String.join(", ", files);
    }

    private static boolean fromFile(Stmt.Data d) {
        return d.source() instanceof DataSource.Call c && (c.kind().text().equals("csv") || c.kind().text().equals("json"));
    }

    private static String kind(Stmt.Data d) {
        return d.source() instanceof DataSource.Call c ? "made by " + c.kind().text() + "(...)" : "an inline table";
    }

    /**
     * The datasets {@code program} defines, by name, with those of the files and modules it uses,
     * or {@code null} when one of those cannot be read or parsed.
     */
    static Map<String, Stmt.Data> datasets(Program program, List<Path> allowed) {
        Map<String, Stmt.Data> out = new LinkedHashMap<>();
        List<Path> roots = new ArrayList<>(allowed);
        return collect(program, roots, new HashSet<>(), out) ? out : null;
    }

    private static boolean collect(Program program, List<Path> roots, Set<String> seen, Map<String, Stmt.Data> out) {
        roots.add(program.source().baseDir());
        for (Stmt s : program.statements()) {
            if (s instanceof Stmt.Data d) {
                out.putIfAbsent(d.name().text(), d);
            } else if (s instanceof Stmt.Use u && !collectUse(u, program.source(), roots, seen, out)) {
                return false;
            }
        }
        return true;
    }

    private static boolean collectUse(Stmt.Use u, SourceFile from, List<Path> roots, Set<String> seen,
                                      Map<String, Stmt.Data> out) {
        SourceFile source = u.path() ? file(u.target(), from, roots) : Modules.stdlib(u.target());
        if (source == null) {
            return !u.path() || !isSpec(u.target()); // a saved fit defines no dataset
        }
        String key = source.path() != null ? source.path().toAbsolutePath().normalize().toString() : source.name();
        if (!seen.add(key)) {
            return true;
        }
        Diagnostics d = new Diagnostics();
        Program p = SpecParser.parse(source, d);
        return !d.hasErrors() && collect(p, roots, seen, out);
    }

    /** The spec file {@code target} names from {@code from}, or null when it is not a spec or cannot be read here. */
    private static SourceFile file(String target, SourceFile from, List<Path> roots) {
        try {
            Path path = from.baseDir().resolve(target).toAbsolutePath().normalize();
            boolean readable = isSpec(target) && Sandbox.allows(path, roots) && java.nio.file.Files.isRegularFile(path);
            return readable ? Modules.readSpec(path, target, null) : null; // never a pipe: it could block
        } catch (Failure | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static boolean isSpec(String target) {
        int slash = Math.max(target.lastIndexOf('/'), target.lastIndexOf('\\'));
        int dot = target.lastIndexOf('.');
        return dot <= slash || target.substring(dot + 1).equalsIgnoreCase("law");
    }
}
