package law.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import law.cli.Main;
import org.junit.jupiter.api.Test;

/** The generated stdlib reference is up to date, and {@code law doc NAME} finds laws in any module. */
class StdlibDocTest {

    @Test
    void committedReferenceIsUpToDate() throws IOException {
        Path committed = Path.of("../docs/stdlib.md");
        String want = StdlibDoc.markdown();
        String got = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertEquals(want, got, "docs/stdlib.md is out of date with stdlib/*.law; regenerate it from the "
                + "repository root with: ./law doc --markdown > docs/stdlib.md");
    }

    @Test
    void docPrintsDocumentationAndCitationFromAnyModule() {
        String out = run(0, "doc", "epoch2024");
        assertTrue(out.contains("law epoch2024(N, D)"), out);
        assertTrue(out.contains("(use chinchilla)"), out);
        assertTrue(out.contains("arXiv:2404.10102"), out);
        assertTrue(out.contains("param alpha = 0.3478"), out);
        String moe = run(0, "doc", "clark2022_sbase");
        assertTrue(moe.contains("(use moe)") && moe.contains("Table 3"), moe);
    }

    @Test
    void docOfAnUnknownNameSuggestsOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"doc", "epoch2042"}, new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("epoch2024"), err.toString(StandardCharsets.UTF_8));
    }

    private static String run(int wantExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(wantExit, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
