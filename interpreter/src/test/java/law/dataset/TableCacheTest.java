package law.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import law.data.CsvReader;
import law.data.Table;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read by several {@code data} statements of a run is parsed once, and read again once it changes. */
class TableCacheTest {
    @Test
    void anUnchangedFileIsParsedOnceAndAChangedOneAgain(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, "x,y\n1,2\n2,4\n");
        TableCache cache = new TableCache();
        int[] parsed = {0};
        java.util.function.Supplier<Table> read = () -> {
            parsed[0]++;
            return CsvReader.read(csv, "runs.csv");
        };
        Table first = cache.read("csv", csv, "runs.csv", read);
        assertSame(first, cache.read("csv", csv, "runs.csv", read));
        assertSame(first, cache.read("csv", dir.resolve("./runs.csv"), "runs.csv", read), "the same file by another path");
        assertEquals(1, parsed[0]);
        cache.read("json", csv, "runs.csv", () -> first);
        cache.read("csv", csv, "other name", read);
        assertEquals(2, parsed[0], "another reader or name is another table");
        // the same size, another modification time: read again
        Files.writeString(csv, "x,y\n1,2\n2,5\n");
        Files.setLastModifiedTime(csv, FileTime.fromMillis(Files.getLastModifiedTime(csv).toMillis() + 2000));
        Table edited = cache.read("csv", csv, "runs.csv", read);
        assertEquals(3, parsed[0]);
        assertEquals(5, edited.numeric("y")[1], 0);
    }

    @Test
    void twoFiltersOfOneFileInOneSpecSeeTheirOwnRows(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, "group,x,y\na,1,2\na,2,4\nb,3,6\n");
        Session s = new Session(Options.defaults().withAllowedPaths(List.of(dir)));
        String path = csv.toString().replace("\\", "/");
        Outcome o = s.run("<spec>", "data a = csv(\"" + path + "\") { where group == \"a\" }\n"
                + "data b = csv(\"" + path + "\") { where group == \"b\" }\nprint a.rows, b.rows, b.y.first\n");
        assertFalse(o.hasErrors(), o.diagnostics().toString());
        List<Double> printed = o.results().stream().map(r -> r.json()).filter(JsonNode::isNumber)
                .map(JsonNode::asDouble).toList();
        assertEquals(List.of(2.0, 1.0, 6.0), printed);
    }
}
