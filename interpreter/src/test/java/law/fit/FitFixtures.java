package law.fit;

import java.nio.file.Path;
import java.util.List;
import law.data.CsvReader;
import law.data.Extreme;
import law.data.Table;
import law.dataset.Dataset;
import law.diag.Span;
import law.eval.Entry;
import law.eval.Options;
import law.eval.Value;
import law.model.Law;
import law.session.Outcome;
import law.session.Session;

/** Shared data and sessions for the fit tests (until the data statement lands, tables are built here). */
final class FitFixtures {
    private FitFixtures() {
    }

    static Path shared() {
        return law.SharedData.root();
    }

    /** The 240 points of Besiroglu et al.: N, C, L, D = C / (6 N), the 5 largest L dropped. */
    static Table chinchilla() {
        Table t = CsvReader.read(shared().resolve("data/chinchilla/svg_extracted_data.csv"));
        t = t.rename("Model Size", "N").rename("Training FLOP", "C").rename("loss", "L");
        t = t.derive("D", x -> {
            double[] n = x.numeric("N");
            double[] c = x.numeric("C");
            double[] d = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                d[i] = c[i] / (6 * n[i]);
            }
            return d;
        });
        return t.drop(5, Extreme.LARGEST, "L");
    }

    static Session session(int threads, Object... nameAndTable) {
        Session s = new Session(Options.defaults().withThreads(threads).withQuiet(true));
        for (int i = 0; i < nameAndTable.length; i += 2) {
            String name = (String) nameAndTable[i];
            s.env().define(new Entry(name, Entry.Kind.DATA, new Dataset(name, (Table) nameAndTable[i + 1], List.of()),
                    Span.none(), null));
        }
        return s;
    }

    static Outcome run(Session s, String text) {
        return s.run("test.law", text);
    }

    /** Runs {@code text}, which must give no error; returns {@code s}. */
    static Session clean(Session s, String text) {
        Outcome o = run(s, text);
        org.junit.jupiter.api.Assertions.assertTrue(o.diagnostics().stream().noneMatch(law.diag.Diagnostic::isError),
                o.diagnostics().toString());
        return s;
    }

    /** Runs {@code text}, which must give an error; returns the first. */
    static law.diag.Diagnostic firstError(Session s, String text) {
        return run(s, text).diagnostics().stream().filter(law.diag.Diagnostic::isError).findFirst()
                .orElseThrow(() -> new AssertionError("no error from: " + text));
    }

    static Law law(Session s, String name) {
        return ((Value.LawRef) s.env().get(name).value()).law();
    }

    static FitResult result(Session s, String name) {
        return (FitResult) law(s, name).fitted();
    }

    /** Runs {@code text} on the Chinchilla data (as {@code runs}) on {@code threads} threads; the fit {@code name}'s result. */
    static FitResult chinchillaFit(int threads, String text, String name) {
        Session s = session(threads, "runs", chinchilla());
        run(s, text);
        return result(s, name);
    }

    static final String CHINCHILLA = """
            law chinchilla(N, D) = E + A / N^alpha + B / D^beta {
              A > 0
              B > 0
              E > 0
              alpha > -inf
              beta > -inf
            }
            """;
}
