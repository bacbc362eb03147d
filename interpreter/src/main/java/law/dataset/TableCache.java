package law.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import law.data.Table;

/**
 * The tables one run of the interpreter (a spec, a REPL input) has read from files, so that a spec
 * whose {@code data} statements read the same file (Czech et al.'s five IsoFLOP experiments are
 * five filters of one CSV) parses it once.
 * A table is reused only while the file is the one that was read: the same kind of reader, path
 * and name, size and modification time (to the file system's resolution, nanoseconds on most);
 * an edited file is read again. Tables are immutable, so sharing one is safe.
 */
final class TableCache {
    private record Key(String kind, Path path, String shown) {
    }

    private record Stamp(long size, Object modified) {
    }

    private record Entry(Stamp stamp, Table table) {
    }

    private final Map<Key, Entry> tables = new HashMap<>();

    /** The table of {@code path} as {@code read} reads it, from the cache while the file is unchanged. */
    Table read(String kind, Path path, String shown, Supplier<Table> read) {
        Stamp stamp = stamp(path);
        Key key = new Key(kind, path.toAbsolutePath().normalize(), shown);
        Entry e = tables.get(key);
        if (stamp != null && e != null && e.stamp().equals(stamp)) {
            return e.table();
        }
        Table t = read.get();
        if (stamp != null && stamp.equals(stamp(path))) {
            tables.put(key, new Entry(stamp, t));
        }
        return t;
    }

    /** The file's size and modification time, or null when they cannot be read (the reader then reports why). */
    private static Stamp stamp(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return a.isRegularFile() ? new Stamp(a.size(), a.lastModifiedTime()) : null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
