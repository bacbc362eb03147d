package law.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import law.ast.Program;
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.diag.Suggest;
import law.syntax.SpecParser;

/**
 * {@code use}: loads a stdlib module ({@code use chinchilla}, packaged in the jar under
 * {@code law/stdlib/}) or another spec file ({@code use "other.law"}, relative to the using file)
 * and runs it in the same session, so its definitions become visible. A module already loaded is
 * not loaded again; a cycle of files using each other is an error.
 */
public final class Modules {
    /** Where stdlib modules live on the class path. */
    public static final String STDLIB = "law/stdlib/";

    private Modules() {
    }

    /** Loads a file that is not a {@code .law} spec (a saved fit) for {@code use "file.EXT"}. */
    @FunctionalInterface
    public interface Loader {
        /** Loads {@code path} and defines what it holds; fails by throwing {@link Failure}. */
        void load(Path path, Stmt.Use stmt, Context ctx);
    }

    /** Registers the {@code use} handler: spec files and stdlib modules only. */
    public static void install(Interpreter interp) {
        install(interp, Map.of());
    }

    /**
     * Registers the {@code use} handler; a quoted path whose lower-case extension is a key of
     * {@code loaders} is loaded by that loader instead of being run as a spec.
     */
    public static void install(Interpreter interp, Map<String, Loader> loaders) {
        Map<String, Loader> copy = Map.copyOf(loaders);
        interp.on(Stmt.Use.class, (s, ctx) -> use(s, ctx, interp, copy));
    }

    /** The names of the stdlib modules, sorted. */
    public static List<String> stdlibModules() {
        List<String> out = new ArrayList<>();
        try (InputStream in = Modules.class.getClassLoader().getResourceAsStream(STDLIB + "index.txt")) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        out.add(line.trim());
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The source of a stdlib module, or {@code null} when there is none of that name. */
    public static SourceFile stdlib(String name) {
        if (!name.matches("[A-Za-z0-9_]+")) {
            return null;
        }
        try (InputStream in = Modules.class.getClassLoader().getResourceAsStream(STDLIB + name + ".law")) {
            if (in == null) {
                return null;
            }
            return new SourceFile("<stdlib>/" + name + ".law", null, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    private static void use(Stmt.Use s, Context ctx, Interpreter interp, Map<String, Loader> loaders) {
        SourceFile source;
        String key;
        Loader loader = s.path() ? loaders.get(extension(s.target())) : null;
        if (loader != null) {
            Path path = Sandbox.resolve(s.target(), s.span(), ctx);
            if (ctx.env().markModule(path.toAbsolutePath().toString())) {
                loader.load(path, s, ctx);
            }
            return;
        }
        String ext = s.path() ? extension(s.target()) : "law";
        if (!ext.equals("law") && !ext.isEmpty()) {
            throw Failure.at(Code.BAD_OPTION, s.span(), "'use' loads .law specs"
                    + (loaders.isEmpty() ? "" : " and saved fits (." + String.join(", .", loaders.keySet()) + ")")
                    + ", not '" + s.target() + "'", ext.equals("csv") || ext.equals("json")
                    ? "to read a table, write: data NAME = " + ext + "(\"" + s.target() + "\")" : null);
        }
        if (!s.path()) {
            source = stdlib(s.target());
            if (source == null) {
                throw Failure.at(Code.UNKNOWN_MODULE, s.span(), "there is no stdlib module '" + s.target() + "'",
                        moduleHelp(s.target()));
            }
            key = "stdlib:" + s.target();
        } else {
            Path path = Sandbox.resolve(s.target(), s.span(), ctx);
            source = readSpec(path, s.target(), s.span());
            key = path.toAbsolutePath().toString();
        }
        for (SourceFile open : ctx.sources()) {
            String openKey = open.path() != null ? open.path().toAbsolutePath().normalize().toString()
                    : "stdlib:" + open.name().replace("<stdlib>/", "").replace(".law", "");
            if (openKey.equals(key)) {
                throw Failure.at(Code.CYCLIC_USE, s.span(), "'" + s.target() + "' is already being loaded: "
                        + "files that use each other form a cycle");
            }
        }
        if (!ctx.env().markModule(key)) {
            return;
        }
        Diagnostics inner = new Diagnostics();
        Program program = SpecParser.parse(source, inner);
        inner.all().forEach(ctx::report);
        if (inner.hasErrors()) {
            throw Failure.at(Code.UNKNOWN_MODULE, s.span(), "'" + s.target() + "' has errors, see above");
        }
        interp.run(program);
    }

    private static String extension(String target) {
        int slash = Math.max(target.lastIndexOf('/'), target.lastIndexOf('\\'));
        int dot = target.lastIndexOf('.');
        return dot > slash ? target.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    private static String moduleHelp(String name) {
        List<String> all = stdlibModules();
        String dym = Suggest.didYouMean(name, all);
        if (dym != null) {
            return dym;
        }
        return all.isEmpty() ? "to load a file, quote its path: use \"" + name + ".law\""
                : "the modules are: " + String.join(", ", all) + "; to load a file, quote its path";
    }

    /** Reads a spec file as UTF-8, or fails with a located diagnostic. */
    public static SourceFile readSpec(Path path, String shown, law.diag.Span at) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw Failure.at(Code.FILE_UNREADABLE, at, "'" + shown + "' is a binary file, not a .law spec");
            }
            return new SourceFile(shown, path, text);
        } catch (NoSuchFileException e) {
            throw Failure.at(Code.FILE_NOT_FOUND, at, "file '" + shown + "' not found (looked at " + path + ")");
        } catch (CharacterCodingException e) {
            throw Failure.at(Code.FILE_UNREADABLE, at, "'" + shown + "' is not UTF-8 text");
        } catch (IOException e) {
            throw Failure.at(Code.FILE_UNREADABLE, at, "'" + shown + "' cannot be read: " + e.getMessage());
        }
    }
}
