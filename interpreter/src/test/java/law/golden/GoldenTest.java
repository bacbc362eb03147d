package law.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import law.diag.Diagnostic;
import law.eval.Result;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code .law} file under {@code src/test/resources/golden} and compares what it
 * printed and reported with the expectations written in its comments:
 * <ul>
 *   <li>{@code #> text}: the next line of expected output (all outputs, in order);</li>
 *   <li>{@code #! L0201 @ 3:18 words}: a diagnostic with this code at line 3, column 18 whose
 *       message contains {@code words} (optional); every diagnostic must be expected;</li>
 *   <li>{@code #exit 65}: the expected exit code (default: 0, or 1 when an expect fails).</li>
 * </ul>
 * After a deliberate change of output, {@code -Dlaw.golden.update=true} rewrites the {@code #>}
 * lines with what the files print now (in order; extra lines go after the last one): review the
 * diff before committing it.
 */
class GoldenTest {
    private static final Pattern DIAG = Pattern.compile("#!\\s*(L\\d{4})\\s*@\\s*(\\d+):(\\d+)\\s*(.*)");
    private static final Pattern EXIT = Pattern.compile("#exit\\s+(\\d+)");

    @TestFactory
    Stream<DynamicTest> golden() throws IOException {
        Path dir = Path.of("src/test/resources/golden");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".law")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(), () -> check(f)));
    }

    /** Rewrites the {@code #>} lines of a golden file with {@code got}, in order. */
    private static void update(Path file, List<String> got) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        List<String> out = new ArrayList<>();
        int next = 0;
        int last = -1;
        for (String line : lines) {
            int at = line.indexOf("#>");
            if (at < 0) {
                out.add(line);
            } else if (next < got.size()) {
                out.add(line.substring(0, at) + ("#> " + got.get(next++)).stripTrailing());
                last = out.size();
            }
        }
        List<String> rest = new ArrayList<>();
        while (next < got.size()) {
            rest.add(("#> " + got.get(next++)).stripTrailing());
        }
        out.addAll(last < 0 ? out.size() : last, rest);
        Files.write(file, out);
    }

    private static void check(Path file) throws IOException {
        List<String> wantOut = new ArrayList<>();
        List<String> wantDiags = new ArrayList<>();
        Integer wantExit = null;
        for (String line : Files.readAllLines(file)) {
            int at = line.indexOf("#>");
            if (at >= 0) {
                String rest = line.substring(at + 2);
                wantOut.add(rest.startsWith(" ") ? rest.substring(1) : rest);
            }
            Matcher d = DIAG.matcher(line);
            if (d.find()) {
                wantDiags.add(d.group(1) + " @ " + d.group(2) + ":" + d.group(3) + "|" + d.group(4).trim());
            }
            Matcher e = EXIT.matcher(line);
            if (e.find()) {
                wantExit = Integer.parseInt(e.group(1));
            }
        }
        // The golden files read the shared data folder beside the repository, as a user would with --allow-path.
        Path shared = Path.of(System.getProperty("law.shared", "../../shared"));
        Session session = new Session(law.eval.Options.defaults().withThreads(2).withAllowedPaths(List.of(shared)));
        Outcome o = session.runFile(file);
        List<String> gotOut = new ArrayList<>();
        for (Result r : o.results()) {
            gotOut.addAll(List.of(r.text().split("\n", -1)));
        }
        List<String> gotDiags = new ArrayList<>();
        for (Diagnostic d : o.diagnostics()) {
            gotDiags.add(d.code().id() + " @ " + (d.span() == null ? "0:0" : d.span().line() + ":" + d.span().column())
                    + "|" + d.message());
        }
        if (Boolean.getBoolean("law.golden.update") && !wantOut.equals(gotOut)) {
            update(file, gotOut);
            wantOut = gotOut;
        }
        assertEquals(String.join("\n", wantOut), String.join("\n", gotOut), "output of " + file);
        assertEquals(wantDiags.size(), gotDiags.size(), "diagnostics of " + file + ": got " + gotDiags);
        for (int i = 0; i < wantDiags.size(); i++) {
            String[] w = wantDiags.get(i).split("\\|", 2);
            String[] g = gotDiags.get(i).split("\\|", 2);
            assertEquals(w[0], g[0], "diagnostic " + (i + 1) + " of " + file + ": " + g[1]);
            if (!w[1].isEmpty() && !g[1].contains(w[1])) {
                assertEquals(w[1], g[1], "message of diagnostic " + (i + 1) + " of " + file);
            }
        }
        int exit = wantExit != null ? wantExit : o.exitCode() == 1 && o.failed() > 0 ? 1 : 0;
        if (wantExit != null || wantDiags.isEmpty()) {
            assertEquals(exit, o.exitCode(), "exit code of " + file);
        }
    }
}
