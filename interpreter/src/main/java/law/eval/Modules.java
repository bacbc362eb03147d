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

    /**
     * Reads a spec file as UTF-8, or fails with a located diagnostic: a file that is not UTF-8 or
     * holds a NUL character is refused at the first offending character. A file named in a spec
     * ({@code at} not null) must be a regular file: a named pipe could block the run forever.
     */
    public static SourceFile readSpec(Path path, String shown, law.diag.Span at) {
        try {
            if (Files.isDirectory(path)) {
                throw Failure.at(Code.FILE_UNREADABLE, at, shown.isEmpty() ? "the file name is empty"
                        : "'" + shown + "' is a folder, not a .law file", "name a .law file (law fmt also takes folders)");
            }
            if (at != null && Files.exists(path) && !Files.isRegularFile(path)) {
                throw Failure.at(Code.FILE_UNREADABLE, at, "'" + shown + "' is not a regular file (a named pipe, "
                        + "device or socket); 'use' reads only files");
            }
            return decodeSpec(Files.readAllBytes(path), shown, path);
        } catch (NoSuchFileException e) {
            throw Failure.at(Code.FILE_NOT_FOUND, at, "file '" + shown + "' not found (looked at " + path + ")");
        } catch (IOException e) {
            throw Failure.at(Code.FILE_UNREADABLE, at, "'" + shown + "' cannot be read: " + e.getMessage());
        }
    }

    /**
     * Decodes the bytes of a spec ({@code path} may be null, for standard input) as strict UTF-8,
     * or fails with {@code L0003} at the first character that is not UTF-8 or is a NUL.
     */
    public static SourceFile decodeSpec(byte[] bytes, String shown, Path path) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(bytes, shown, path);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            SourceFile src = new SourceFile(shown, path, text);
            throw Failure.at(Code.FILE_UNREADABLE, new law.diag.Span(src, nul, nul + 1), "'" + shown
                    + "' is a binary file, not a .law spec (it holds a NUL character here)");
        }
        return new SourceFile(shown, path, text);
    }

    /** {@code L0003} at the first character of a spec that is not UTF-8 (shown as the replacement character). */
    private static Failure notUtf8(byte[] bytes, String shown, Path path) {
        int bad = firstMalformed(bytes);
        String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
        SourceFile src = new SourceFile(shown, path, new String(bytes, StandardCharsets.UTF_8));
        return Failure.at(Code.FILE_UNREADABLE, new law.diag.Span(src, before.length(), before.length() + 1),
                "'" + shown + "' is not UTF-8 text (this character is not UTF-8)",
                "save the file as UTF-8 (e.g. from Latin-1 or Windows-1252)");
    }

    /** The offset of the first byte that does not decode as UTF-8 (the length when all do). */
    static int firstMalformed(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        while (true) {
            java.nio.charset.CoderResult r = decoder.decode(in, out, true);
            out.clear();
            if (r.isError() || r.isUnderflow()) {
                return in.position();
            }
        }
    }
}
