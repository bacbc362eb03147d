package law.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import law.SharedData;
import law.diag.Diagnostic;
import law.eval.Options;
import law.eval.Result;
import law.report.Fmt;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/**
 * The numbers quoted in README.md and docs/*.md are what law computes today. A quoted number is
 * marked {@code <!--fig STATEMENT [#json.path] | FORMAT-->NUMBER<!--/fig-->}: the test runs
 * docs/figures/figures.law, then each marked statement in the same session, reads its JSON
 * result (the path, or the value of an estimate, or the number), formats it and compares it with
 * the text. Formats: {@code sigN} (N significant digits, as law prints), {@code fixN} (N
 * decimals), {@code int} (a count with thousands separators). With {@code -Dlaw.docs.update=true}
 * the docs are rewritten with today's numbers (review the diff).
 */
class DocsFiguresTest {
    static final Path ROOT = Path.of(System.getProperty("law.root", ".."));
    static final Pattern MARK = Pattern.compile("<!--fig (.+?)(?: #([\\w.\\[\\]/*-]+))? \\| (\\w+)-->(.*?)<!--/fig-->",
            Pattern.DOTALL);

    @Test
    void quotedNumbersAreWhatLawComputes() throws IOException {
        Options opts = Options.defaults().withQuiet(true).withAllowedPaths(List.of(SharedData.root()))
                .withDataOverrides(Map.of("runs", SharedData.file("chinchilla/svg_extracted_data.csv"),
                        "cs", SharedData.file("cs336/isoflops_curves.json")));
        Session session = new Session(opts);
        Outcome o = session.runFile(ROOT.resolve("docs/figures/figures.law"));
        assertEquals(List.of(), o.diagnostics().stream().filter(Diagnostic::isError).toList(), "figures.law");
        boolean update = Boolean.getBoolean("law.docs.update");
        List<String> wrong = new ArrayList<>();
        int marks = 0;
        for (Path doc : docs()) {
            String text = Files.readString(doc);
            Matcher m = MARK.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                marks++;
                String now = format(value(session, m.group(1), m.group(2)), m.group(3));
                if (!now.equals(m.group(4))) {
                    wrong.add(ROOT.relativize(doc) + ": '" + m.group(1) + "' is " + now + ", the docs say " + m.group(4));
                }
                m.appendReplacement(out, Matcher.quoteReplacement("<!--fig " + m.group(1)
                        + (m.group(2) == null ? "" : " #" + m.group(2)) + " | " + m.group(3) + "-->" + now + "<!--/fig-->"));
            }
            m.appendTail(out);
            if (update && !out.toString().equals(text)) {
                Files.writeString(doc, out.toString());
            }
        }
        assertTrue(marks >= 10, "only " + marks + " marked figures");
        if (!update) {
            assertEquals(List.of(), wrong, "figures in the docs that drifted (update them with -Dlaw.docs.update=true)");
        }
    }

    static List<Path> docs() throws IOException {
        List<Path> out = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            out.addAll(s.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        return out;
    }

    /** The number a statement gives: at {@code path} in its JSON, else the value of an estimate, else itself. */
    static double value(Session session, String statement, String path) {
        Outcome o = session.run("<figure>", statement);
        assertTrue(o.diagnostics().stream().noneMatch(Diagnostic::isError), statement + ": " + o.diagnostics());
        List<Result> rs = o.results();
        JsonNode v = rs.get(rs.size() - 1).json();
        if (path != null) {
            for (String p : path.split("\\.")) {
                v = p.matches("\\d+") ? v.get(Integer.parseInt(p)) : v.get(p);
            }
        } else if (v.isObject() && v.has("value")) {
            v = v.get("value");
        }
        assertTrue(v != null && v.isNumber(), statement + " #" + path + " is not a number: " + v);
        return v.asDouble();
    }

    static String format(double v, String f) {
        if (f.equals("int")) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        if (f.startsWith("sig")) {
            return Fmt.num(v, Integer.parseInt(f.substring(3)));
        }
        if (f.startsWith("fix")) {
            return String.format(Locale.ROOT, "%." + Integer.parseInt(f.substring(3)) + "f", v);
        }
        throw new AssertionError("unknown format " + f);
    }
}
