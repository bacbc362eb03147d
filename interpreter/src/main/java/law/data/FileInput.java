package law.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Opens a data file as strict UTF-8 text: a missing file, a directory, a compressed, UTF-16 or
 * binary file are reported before parsing starts; a UTF-8 byte-order mark is skipped; a byte that
 * is not UTF-8 later in the file surfaces as a {@link java.nio.charset.CharacterCodingException}.
 */
final class FileInput {
    private static final int PEEK = 8192;

    private FileInput() {
    }

    /** A reader over {@code path}, or error {@code L0401}/{@code L0402}. */
    static Reader open(Path path, String source) {
        if (!Files.exists(path)) {
            throw notFound(path, source);
        }
        if (Files.isDirectory(path)) {
            throw DataException.of(DataError.UNREADABLE_FILE, source, "'" + source
                    + "' is a folder, not a file");
        }
        if (!Files.isRegularFile(path)) {
            throw notRegular(source);
        }
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            in.mark(PEEK);
            byte[] head = in.readNBytes(PEEK);
            in.reset();
            checkText(head, source);
            if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
                    && (head[2] & 0xff) == 0xBF) {
                in.skipNBytes(3);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (AccessDeniedException e) {
            throw DataException.of(DataError.UNREADABLE_FILE, source,
                    "cannot read '" + source + "': permission denied").withCause(e);
        } catch (IOException e) {
            throw DataException.of(DataError.UNREADABLE_FILE, source,
                    "cannot read '" + source + "': " + e.getMessage()).withCause(e);
        }
    }

    /**
     * Error {@code L0402} for a path that is not a regular file (a named pipe, a device, a socket):
     * reading one could block forever, and a table is read more than once.
     */
    static DataException notRegular(String source) {
        return DataException.of(DataError.UNREADABLE_FILE, source, "'" + source
                + "' is not a regular file (a named pipe, device or socket); law reads data only from files")
                .withHelp("save the data to a file first, then read that file");
    }

    /** Error {@code L0402} for a file that is not UTF-8, naming the line of the first bad byte. */
    static DataException notUtf8(Path path, String source, Throwable cause) {
        return DataException.at(DataError.UNREADABLE_FILE, source, badLine(path), RowNumbering.LINE,
                null, "the file is not UTF-8 text (this line has a byte that is not UTF-8)")
                .withHelp("save the file as UTF-8 (e.g. from Latin-1 or Windows-1252)")
                .withCause(cause);
    }

    /** The 1-based line of the first byte that is not UTF-8, or 0 if none is found. */
    private static int badLine(Path path) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(path));
            CharBuffer out = CharBuffer.allocate(8192);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
            int line = 1;
            while (true) {
                CoderResult r = decoder.decode(in, out, true);
                out.flip();
                while (out.hasRemaining()) {
                    if (out.get() == '\n') {
                        line++;
                    }
                }
                out.clear();
                if (r.isError()) {
                    return line;
                }
                if (r.isUnderflow()) {
                    return 0;
                }
            }
        } catch (IOException e) {
            return 0;
        }
    }

    private static void checkText(byte[] head, String source) {
        String kind = null;
        if (starts(head, 0x1f, 0x8b)) {
            kind = "gzip-compressed";
        } else if (starts(head, 0xfd, '7', 'z', 'X', 'Z')) {
            kind = "xz-compressed";
        } else if (starts(head, 'P', 'K', 3, 4)) {
            kind = "a zip archive";
        } else if (starts(head, 'B', 'Z', 'h')) {
            kind = "bzip2-compressed";
        } else if (starts(head, 0xff, 0xfe) || starts(head, 0xfe, 0xff)) {
            throw DataException.of(DataError.UNREADABLE_FILE, source,
                    "the file is UTF-16 text, not UTF-8").withHelp("save the file as UTF-8");
        }
        if (kind != null) {
            throw DataException.of(DataError.UNREADABLE_FILE, source, "the file is " + kind
                    + ", not text").withHelp("decompress it first and read the uncompressed file");
        }
        for (byte b : head) {
            if (b == 0) {
                throw DataException.of(DataError.UNREADABLE_FILE, source,
                        "the file looks binary (it contains NUL bytes), not like CSV or JSON text");
            }
        }
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static DataException notFound(Path path, String source) {
        DataException e = DataException.of(DataError.FILE_NOT_FOUND, source,
                "file not found: " + source);
        Path parent = path.toAbsolutePath().normalize().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return e.withHelp("the folder " + parent + " does not exist either");
        }
        List<String> siblings = new ArrayList<>();
        try (Stream<Path> files = Files.list(parent)) {
            files.limit(10_000).forEach(p -> siblings.add(p.getFileName().toString()));
        } catch (IOException | RuntimeException ignored) {
            return e.withHelp("looked for " + path.toAbsolutePath().normalize());
        }
        String name = path.getFileName().toString();
        return Names.suggest(name, siblings)
                .map(s -> e.withHelp("did you mean '" + s + "' (in " + parent + ")?"))
                .orElseGet(() -> e.withHelp("looked for " + path.toAbsolutePath().normalize()));
    }
}
