package law.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved fit edited by hand is checked when it is loaded: values outside their domains, a
 * covariance that is not one, standard errors that disagree with it are refused (L0807); any other
 * change is caught by the content hash and warned about. Before, all of these loaded silently and
 * answered queries ({@code k = -5 se = 0.0247}, zero-width intervals).
 */
class SavedFitValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void export() throws IOException {
        Files.writeString(dir.resolve("fit.law"), """
                law f(N) = A / N^alpha + E { A > 0, alpha > 0, E > 0 }
                data d = table {
                  N, L
                  1, 5
                  10, 3.5
                  100, 2.9
                  1000, 2.6
                  10000, 2.5
                }
                fit k = f(N) ~ L in d { bootstrap = 8, seed = 1 }
                export k -> "k.json"
                """);
        // 8 replicates of 5 points: some run wild (L0660 says so); the file is what matters here
        assertEquals(List.of(), run("fit.law").diagnostics().stream()
                .filter(d -> d.code() != law.diag.Code.BOOTSTRAP_WILD).toList());
    }

    private Outcome run(String name) {
        return new Session(Options.defaults().withThreads(1).withQuiet(true)).runFile(dir.resolve(name));
    }

    /** Loads k.json after {@code edit}, then answers a query with it. */
    private Outcome load(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(dir.resolve("k.json").toFile());
        edit.accept(doc);
        Files.writeString(dir.resolve("edited.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        Files.writeString(dir.resolve("use.law"), "use \"edited.json\"\npredict k at (N = 50)\n");
        return run("use.law");
    }

    private static void refused(Outcome o, String words) {
        assertEquals(1, o.diagnostics().size() > 0 ? 1 : 0, "refused: " + o.diagnostics());
        Diagnostic d = o.diagnostics().get(0);
        assertEquals(Code.SAVED_FIT, d.code(), d.toString());
        assertTrue(d.isError() && d.message().contains(words), d.message());
        assertEquals(65, o.exitCode());
    }

    @Test
    void unchangedFileLoadsWithoutAWord() throws IOException {
        Outcome o = load(doc -> { });
        assertEquals(List.of(), o.diagnostics());
        assertEquals(0, o.exitCode());
    }

    @Test
    void reformattedFileStillMatchesItsHash() throws IOException {
        Path k = dir.resolve("k.json");
        Files.writeString(dir.resolve("edited.json"), JSON.writeValueAsString(JSON.readTree(k.toFile())));
        Files.writeString(dir.resolve("use.law"), "use \"edited.json\"\nk.alpha\n");
        assertEquals(List.of(), run("use.law").diagnostics(), "whitespace is not content");
    }

    @Test
    void valueOutsideItsDomainIsRefused() throws IOException {
        refused(load(doc -> ((ObjectNode) doc.get("values")).put("A", -5)), "A = -5 is outside its domain A > 0");
    }

    @Test
    void covarianceThatIsNoCovarianceIsRefused() throws IOException {
        refused(load(doc -> {
            ArrayNode cov = (ArrayNode) doc.get("covariance");
            for (int i = 0; i < cov.size(); i++) {
                for (int j = 0; j < cov.size(); j++) {
                    ((ArrayNode) cov.get(i)).set(j, -1e6);
                }
            }
        }), "the variance of A in \"covariance\" is negative");
        refused(load(doc -> ((ArrayNode) doc.get("covariance").get(0)).set(1, 1.0)), "is not symmetric");
        refused(load(doc -> {
            ArrayNode cov = (ArrayNode) doc.get("covariance");
            double big = 10 * Math.sqrt(cov.get(0).get(0).asDouble() * cov.get(1).get(1).asDouble());
            ((ArrayNode) cov.get(0)).set(1, big);
            ((ArrayNode) cov.get(1)).set(0, big);
        }), "is not positive semi-definite");
        refused(load(doc -> ((ArrayNode) doc.get("covariance")).remove(2)), "must have 3 rows");
    }

    @Test
    void standardErrorsMustAgreeWithTheCovariance() throws IOException {
        refused(load(doc -> ((ObjectNode) doc.get("parameter_fields").get("alpha")).put("se", 1e-9)),
                "\"parameter_fields.alpha.se\" is 1e-9 but the covariance gives");
    }

    @Test
    void bootstrapOutsideTheDomainIsRefused() throws IOException {
        refused(load(doc -> ((ArrayNode) doc.get("bootstrap").get(3)).set(1, -0.5)),
                "bootstrap replicate 4 has alpha = -0.5, outside its domain alpha > 0");
    }

    /** One replicate left: the interval says why there is none, not that "most replicates" failed. */
    @Test
    void oneBootstrapReplicate() throws IOException {
        Outcome o = load(doc -> {
            ArrayNode boot = (ArrayNode) doc.get("bootstrap");
            while (boot.size() > 1) {
                boot.remove(1);
            }
        });
        assertEquals(List.of(Code.SAVED_FIT, Code.NO_INTERVAL), o.diagnostics().stream().map(Diagnostic::code).toList());
        assertTrue(o.diagnostics().get(1).message().contains(
                "a percentile interval needs at least 2 bootstrap replicates, and the fit has 1"), o.diagnostics().toString());
    }

    @Test
    void noiseThatIsNoNoiseIsRefused() throws IOException {
        refused(load(doc -> ((ObjectNode) doc.get("noise")).put("scale", -1)), "\"noise.scale\" must be a positive");
        refused(load(doc -> ((ObjectNode) doc.get("noise")).put("residuals", "many")),
                "\"noise.residuals\" must be a list of numbers");
        refused(load(doc -> ((ObjectNode) doc.get("noise")).remove("log")), "\"noise\" must be {");
    }

    @Test
    void anyOtherEditIsFoundByTheHash() throws IOException {
        Outcome o = load(doc -> ((ObjectNode) doc.get("stats")).put("rmse", 1e-9));
        assertEquals(1, o.diagnostics().size(), o.diagnostics().toString());
        Diagnostic d = o.diagnostics().get(0);
        assertEquals(Code.SAVED_FIT, d.code());
        assertTrue(!d.isError() && d.message().contains("was changed after law wrote it"), d.message());
        assertEquals(1, o.results().size(), "the fit is still used");
        Outcome none = load(doc -> doc.remove(SavedFitCheck.HASH));
        assertTrue(none.diagnostics().get(0).message().contains("has no \"content_hash\""), none.diagnostics().toString());
    }

    /**
     * A fit near 1e297 has standard errors but no covariance matrix (A's variance has no double):
     * its file keeps them and loads, and a standard error without a covariance must be positive.
     */
    @Test
    void standardErrorsWithoutACovarianceLoad() throws IOException {
        Files.writeString(dir.resolve("big.law"), """
                law p(N) = A * N^alpha { A > 0, alpha }
                law gen(N) = 2e297 * N^0.4
                data d = simulate(gen, N = 1..1e6 log 30, noise = lognormal(0.05), seed = 3, target = L)
                fit big = p(N) ~ L in d { residual = log }
                export big -> "big.json"
                """);
        assertEquals(List.of(Code.FIT_NO_UNCERTAINTY), run("big.law").diagnostics().stream().map(Diagnostic::code).toList());
        ObjectNode doc = (ObjectNode) JSON.readTree(dir.resolve("big.json").toFile());
        assertTrue(!doc.has("covariance") && doc.has("correlation"), "no covariance matrix, the correlations");
        // the live fit's figures (golden fit/huge_values.law), the prediction's interval among them
        Files.writeString(dir.resolve("use.law"), "use \"big.json\"\nexpect big.alpha.se = 0.00181600857 +- 1e-9\n"
                + "expect big.A.se / big.A = 0.01460952899 +- 1e-9\nlet p = (predict big at (N = 10))\n"
                + "expect p.ci_low / 1e297 = 5.017000066 +- 1e-8\n");
        Outcome o = run("use.law");
        assertEquals(List.of(), o.diagnostics());
        assertEquals(0, o.exitCode());
        ((ObjectNode) doc.get("parameter_fields").get("A")).put("se", -1);
        Files.writeString(dir.resolve("edited.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        Files.writeString(dir.resolve("use.law"), "use \"edited.json\"\n");
        refused(run("use.law"), "\"parameter_fields.A.se\" is -1, not a positive number");
        ((ObjectNode) doc.get("parameter_fields").get("A")).put("se", 1e295);
        ((ArrayNode) doc.get("correlation").get(0)).set(0, JSON.getNodeFactory().numberNode(2));
        Files.writeString(dir.resolve("edited.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        refused(run("use.law"), "\"correlation\" has 2 for A with itself, not 1");
    }
}
