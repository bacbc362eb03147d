package law.lsp;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import law.diag.SourceFile;
import law.eval.Modules;
import law.report.Version;

/**
 * Document URIs: files ({@code file:}) and the stdlib's modules, which are read-only. A client
 * that can show virtual documents (it says so with the initialization option
 * {@code "virtualDocuments": true}, as the VS Code extension does) gets {@code law-stdlib:/NAME.law}
 * and asks for the text with the {@code law/stdlib} request; any other client gets read-only
 * copies in a cache folder.
 */
final class Uris {
    static final String STDLIB_SCHEME = "law-stdlib";
    private static final String STDLIB_PREFIX = "<stdlib>/";

    private final boolean virtual;
    private final Path cache;

    Uris(boolean virtual, Path cache) {
        this.virtual = virtual;
        this.cache = cache;
    }

    /** The file a {@code file:} URI names, or {@code null}. */
    static Path path(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** The stdlib module a URI names ({@code law-stdlib:/chinchilla.law} or a cached copy), or {@code null}. */
    String module(String uri) {
        String name = null;
        if (uri.startsWith(STDLIB_SCHEME + ":")) {
            name = uri.substring(uri.lastIndexOf('/') + 1);
        } else {
            Path p = path(uri);
            if (p != null && cache != null && p.toAbsolutePath().normalize().startsWith(dir())) {
                name = p.getFileName().toString();
            }
        }
        return name != null && name.endsWith(".law") ? name.substring(0, name.length() - 4) : null;
    }

    /** The URI of a source: its file, or the stdlib module's document; {@code null} for text without either. */
    String of(SourceFile source) {
        if (source.path() != null) {
            return source.path().toAbsolutePath().normalize().toUri().toString();
        }
        if (source.name().startsWith(STDLIB_PREFIX)) {
            return stdlib(source.name().substring(STDLIB_PREFIX.length()).replace(".law", ""));
        }
        return null;
    }

    /** The URI of a stdlib module's read-only document. */
    String stdlib(String module) {
        if (virtual || cache == null) {
            return STDLIB_SCHEME + ":/" + module + ".law";
        }
        SourceFile src = Modules.stdlib(module);
        Path file = dir().resolve(module + ".law");
        try {
            if (src != null && !Files.exists(file)) {
                Files.createDirectories(dir());
                Path tmp = Files.createTempFile(dir(), module, ".tmp");
                Files.writeString(tmp, src.text(), StandardCharsets.UTF_8);
                tmp.toFile().setReadOnly();
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return file.toUri().toString();
        } catch (IOException | RuntimeException e) {
            return STDLIB_SCHEME + ":/" + module + ".law";
        }
    }

    private Path dir() {
        return cache.toAbsolutePath().normalize().resolve("stdlib-" + Version.get());
    }
}
