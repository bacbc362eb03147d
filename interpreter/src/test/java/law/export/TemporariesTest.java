package law.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed in the middle of a write leaves a temporary that the next write of that output removes. */
class TemporariesTest {
    @TempDir
    Path dir;

    @Test
    void staleTemporariesOfAKilledRunAreRemoved() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        Path stale = dir.resolve(".pts.csv.law-" + dead + "-1a2b.tmp");
        Path live = dir.resolve(".pts.csv.law-" + ProcessHandle.current().pid() + "-3c4d.tmp");
        Path other = dir.resolve(".other.csv.law-" + dead + "-5e6f.tmp");
        for (Path t : List.of(stale, live, other)) {
            Files.writeString(t, "half a file");
        }
        Path spec = dir.resolve("s.law");
        Files.writeString(spec, "data pts = table {\n  x, y\n  1, 2\n}\nexport pts -> \"pts.csv\"\n");
        Outcome o = new Session(Options.defaults().withThreads(1).withQuiet(true)).runFile(spec);
        assertEquals(List.of(), o.diagnostics());
        assertFalse(Files.exists(stale), "the dead run's temporary is removed");
        assertTrue(Files.exists(live), "a running process's temporary is kept");
        assertTrue(Files.exists(other), "temporaries of other outputs are left alone");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(".other.csv.law-" + dead + "-5e6f.tmp", live.getFileName().toString(), "pts.csv", "s.law"),
                    s.map(x -> x.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void temporaryNamesSayWhichProcessWroteThem() {
        String name = Temporaries.name("fit.json");
        assertTrue(name.matches("\\.fit\\.json\\.law-" + ProcessHandle.current().pid() + "-[0-9a-f]+\\.tmp"), name);
    }
}
