package law.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import law.eval.Sandbox;

/**
 * The column names of a data file, read from its header (CSV: the first row; JSON: the keys of
 * the first object, or of an object of columns), only where the sandbox lets the spec read.
 */
final class Columns {
    private static final int MAX_JSON_BYTES = 64 << 20;

    private Columns() {
    }

    /** The columns of {@code written} (as in {@code csv("...")}) for a spec in {@code base}; empty when unreadable. */
    static List<String> of(String kind, String written, Path base, List<Path> allowed) {
        Path file = base.resolve(written).toAbsolutePath().normalize();
        List<Path> roots = new ArrayList<>(allowed);
        roots.add(base);
        if (!Sandbox.allows(file, roots) || !Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return kind.equals("json") ? json(file) : csv(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> csv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(file.toFile())) {
            return rows.hasNext() ? List.of(rows.next()).stream().map(String::strip).toList() : List.of();
        }
    }

    private static List<String> json(Path file) throws IOException {
        if (Files.size(file) > MAX_JSON_BYTES) {
            return List.of();
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode first = root != null && root.isArray() && root.size() > 0 ? root.get(0) : root;
        List<String> out = new ArrayList<>();
        if (first != null && first.isObject()) {
            for (Iterator<String> it = first.fieldNames(); it.hasNext(); ) {
                out.add(it.next());
            }
        }
        return out;
    }
}
