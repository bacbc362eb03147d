package law.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import law.eval.Entry;
import law.eval.Modules;
import law.eval.Value;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/** The stdlib as a whole: index in sync, every module loads cleanly, names unique, docs and citations present. */
class StdlibTest {
    private static final Path SOURCES = Path.of("../stdlib");

    @Test
    void indexListsEveryModule() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(SOURCES)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".law"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
        assertEquals(files, Modules.stdlibModules(),
                "stdlib/index.txt must list every stdlib/*.law module, sorted: regenerate it with "
                        + "(cd stdlib && ls *.law | sed 's/.law$//' > index.txt)");
    }

    @Test
    void everyModuleLoadsCleanlyWithDocumentedCitedLaws() {
        for (String module : Modules.stdlibModules()) {
            Session session = new Session();
            Outcome o = session.run("<test>", "use " + module);
            assertTrue(o.diagnostics().isEmpty(), module + ": " + o.diagnostics());
            for (Entry e : session.env().entries()) {
                if (e.value() instanceof Value.LawRef l) {
                    assertNotNull(l.law().doc(), module + ": law " + e.name() + " has no ## documentation");
                    assertNotNull(l.law().cite(), module + ": law " + e.name() + " has no cite");
                }
            }
        }
    }

    @Test
    void namesAreUniqueAcrossModules() {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (String module : Modules.stdlibModules()) {
            Session session = new Session();
            session.run("<test>", "use " + module);
            for (Entry e : session.env().entries()) {
                String prev = owner.putIfAbsent(e.name(), module);
                if (prev != null && !prev.equals(module) && !StdlibDoc.usedBy(module).contains(prev)) {
                    clashes.add(e.name() + " (" + prev + ", " + module + ")");
                }
            }
        }
        assertTrue(clashes.isEmpty(), "defined by two modules: " + clashes);
        Outcome all = new Session().run("<test>", String.join("\n",
                Modules.stdlibModules().stream().map(m -> "use " + m).toList()));
        assertTrue(all.diagnostics().isEmpty(), "using every module together: " + all.diagnostics());
    }
}
