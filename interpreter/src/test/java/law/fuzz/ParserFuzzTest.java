package law.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.syntax.SpecParser;

/**
 * The parser never throws on any text: whatever the bytes, the result is a program or
 * diagnostics, never an internal error. Seeds: the project's own {@code .law} files.
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "15m")
    void parse(FuzzedDataProvider data) {
        String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        Diagnostics diagnostics = new Diagnostics();
        SpecParser.parse(SourceFile.of("fuzz.law", text), diagnostics);
        Checks.clean(diagnostics.all(), text);
    }
}
