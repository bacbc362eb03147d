package law.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code catalogue: ids unique and well formed, and docs/errors.md generated from it. */
class ErrorCatalogTest {

    @Test
    void idsAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (Code c : Code.values()) {
            assertTrue(c.id().matches("L\\d{4}"), c.id());
            assertTrue(seen.add(c.id()), "duplicate id " + c.id());
            assertEquals(c, Code.byId(c.id()));
        }
    }

    @Test
    void committedReferenceIsUpToDate() throws IOException {
        Path committed = Path.of("../docs/errors.md");
        String got = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertEquals(ErrorCatalog.markdown(), got, "docs/errors.md is out of date with law.diag.Code; regenerate it "
                + "from the repository root with: ./law doc --errors > docs/errors.md");
    }

    @Test
    void rendersRustcStyle() {
        SourceFile src = SourceFile.of("spec.law", "law f(N) = A / N^alhpa {\n  A > 0\n}\n");
        Diagnostic d = Diagnostic.error(Code.UNKNOWN_NAME, new Span(src, 17, 22), "unknown name 'alhpa'")
                .withHelp("did you mean 'alpha'?").withNote("in a note");
        assertEquals("""
                error[L0201]: unknown name 'alhpa'
                 --> spec.law:1:18
                  |
                1 | law f(N) = A / N^alhpa {
                  |                  ^^^^^
                  = help: did you mean 'alpha'?
                  = note: in a note
                """, new Renderer(false).render(d));
    }

    @Test
    void suggestsByEditDistance() {
        assertEquals("alpha", Suggest.closest("alhpa", java.util.List.of("alpha", "beta", "E")));
        assertEquals("Loss", Suggest.closest("loss", java.util.List.of("Loss", "lost")));
        assertEquals(null, Suggest.closest("zzzz", java.util.List.of("alpha", "beta")));
    }
}
