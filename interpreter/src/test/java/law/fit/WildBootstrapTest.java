package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/**
 * Warning L0660 on the two real cases where a few bootstrap replicates run off and the SD stops
 * meaning anything (issue 18): a Chinchilla-form fit on Gadre et al.'s rpj models evaluated on
 * C4, and the IsoFLOP exponents on Epoch's Chinchilla points. The Chinchilla replication itself
 * ({@link ChinchillaFitTest}) must not warn.
 */
class WildBootstrapTest {

    private static Outcome run(String spec) throws Exception {
        Path file = Files.createTempFile("wild", ".law");
        try {
            Files.writeString(file, spec);
            Session s = new Session(Options.defaults().withThreads(2).withQuiet(true)
                    .withAllowedPaths(List.of(law.SharedData.root())));
            Outcome o = s.runFile(file);
            assertTrue(o.diagnostics().stream().noneMatch(Diagnostic::isError), () -> o.diagnostics().toString());
            return o;
        } finally {
            Files.delete(file);
        }
    }

    private static Diagnostic wild(Outcome o) {
        List<Diagnostic> ds = o.diagnostics().stream().filter(d -> d.code() == Code.BOOTSTRAP_WILD).toList();
        assertEquals(1, ds.size(), () -> o.diagnostics().toString());
        return ds.get(0);
    }

    @Test
    void gadreRedPajamaOnC4() throws Exception {
        Outcome o = run("use chinchilla\n"
                + "data ot = csv(\"" + law.SharedData.file("overtraining/overtraining_loss_evals.csv") + "\") {\n"
                + "  where dataset == \"rpj\" and val_data == \"training/eval_data/c4_val/shard-{0000000..0000010}.tar\"\n"
                + "  N = params\n  D = tokens\n  L = loss\n}\n"
                + "fit g = chinchilla(N, D) ~ L in ot { residual = log, loss = huber(1e-3), bootstrap = 200, seed = 1 }\n"
                + "expect g.B = 297.98 +- 0.1\n"
                + "expect g.B.boot_se > 5 * g.B.boot_robust_sd\n");
        Diagnostic d = wild(o);
        assertTrue(d.message().contains("B (sd "), d.message());
        // B's wild replicates: the few that ran off along the flat B~beta direction, the wildest first
        String notes = String.join("\n", d.notes());
        assertTrue(notes.contains("B: 7 of 200 replicates lie more than 6 robust sds from the median"), notes);
        assertTrue(notes.contains("#111 = 8584"), notes);
        // A and alpha are well-behaved: no note for them
        assertTrue(!notes.contains("A:") && !notes.contains("alpha:"), notes);
    }

    @Test
    void isoflopExponentsOnEpochsChinchillaPoints() throws Exception {
        Outcome o = run("data iso = csv(\"" + law.SharedData.file("isoflops/isoflops.csv") + "\") {\n"
                + "  where source == \"epochai_chinchilla\" and outlier == 0\n"
                + "  N = params\n  D = tokens\n  C = budget\n  L = loss\n}\n"
                + "isoflop c2 = L ~ N in iso by C { tokens = D, bootstrap = 500, seed = 7 }\n"
                + "expect c2.a.boot_se > 5 * c2.a.boot_robust_sd\n"
                + "expect c2.a.boot_low > 0.49\n"
                + "expect c2.a.boot_high < 0.57\n");
        Diagnostic d = wild(o);
        assertTrue(d.message().contains("a (sd ") && d.message().contains("b (sd "), d.message());
        String notes = String.join("\n", d.notes());
        assertTrue(notes.contains("a: 4 of 500 replicates lie more than 6 robust sds from the median 0.5339: #91 = -1.9"),
                notes);
        assertNotNull(d.help());
    }
}
