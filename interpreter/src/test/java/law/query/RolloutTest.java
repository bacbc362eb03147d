package law.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import law.eval.Options;
import law.eval.Value;
import law.session.Outcome;
import law.session.Session;
import org.junit.jupiter.api.Test;

/**
 * {@code rollout}: each refit is the fit statement on the prefix (the same optimum as a fit with
 * {@code where N <= top}), predictions are the same whatever the number of threads, and
 * intervals from a known law cover about as often as their level says.
 */
class RolloutTest {
    private static final String LADDER = """
            law truth(N, D) = 1.8 + 400 / N^0.34 + 2000 / D^0.28
            law form(N, D) = E + A / N^alpha + B / D^beta {
              E > 0
              A > 0
              B > 0
              alpha in (0, 1)
              beta in (0, 1)
            }
            data ladder = simulate(truth, N = 1e7..1e10 log 7, D = [1e9, 3e9, 1e10, 3e10, 1e11], \
            noise = lognormal(0.02), seed = SEED, target = L)
            fit f = form(N, D) ~ L in ladder { residual = log, start = random(12), seed = 4 }
            let r = (rollout f by N)
            """;

    private static Session run(int threads, int seed) {
        Session s = new Session(Options.defaults().withThreads(threads).withQuiet(true));
        Outcome o = s.run("rollout.law", LADDER.replace("SEED", Integer.toString(seed)));
        assertFalse(o.hasErrors(), o.diagnostics().toString());
        return s;
    }

    private static Rollout rollout(Session s) {
        return (Rollout) s.env().get("r").value();
    }

    @Test
    void sameWhateverTheThreads() {
        Rollout one = rollout(run(1, 11));
        Rollout four = rollout(run(4, 11));
        assertEquals(one.json().toString(), four.json().toString());
        assertEquals(4 * 5, one.predictions().size());
    }

    @Test
    void eachRefitIsTheFitOfItsPrefix() {
        Session s = run(2, 11);
        Rollout r = rollout(s);
        double top = r.rungs()[3];
        Outcome o = s.run("prefix.law", "fit g = form(N, D) ~ L in ladder { residual = log, start = random(12), seed = 4,"
                + " where N <= " + top + " }\nlet q = (predict g at (N = " + r.rungs()[4] + ", D = 1e10))");
        assertFalse(o.hasErrors(), o.diagnostics().toString());
        Value.Rec p = (Value.Rec) s.env().get("q").value();
        double direct = ((Value.Scalar) p.fields().get("value")).number();
        Rollout.Prediction at = r.predictions().stream().filter(x -> x.trainRungs() == 4 && x.variables()[1] == 1e10)
                .findFirst().orElseThrow();
        assertEquals(direct, at.predicted(), 1e-12 * direct);
    }

    /** plot of a named rollout and of one written in place: predicted against observed, bars named in the legend. */
    @Test
    void plots(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path spec = dir.resolve("plot.law");
        java.nio.file.Files.writeString(spec, LADDER.replace("SEED", "11") + """
                plot r -> "named.svg"
                plot (rollout f by N { min_rungs = 5, level = 0.8 }) { title = "in place" } -> "inline.svg"
                plot r { interval = prediction } -> "no.svg"
                """);
        Outcome o = new Session(Options.defaults().withQuiet(true)).runFile(spec);
        assertEquals(List.of(law.diag.Code.BAD_OPTION), o.diagnostics().stream().map(law.diag.Diagnostic::code).toList());
        String named = java.nio.file.Files.readString(dir.resolve("named.svg"));
        assertTrue(named.contains("observed L") && named.contains("95% prediction intervals")
                && named.contains("from 3 rungs"), "named.svg");
        String inline = java.nio.file.Files.readString(dir.resolve("inline.svg"));
        assertTrue(inline.contains("in place") && inline.contains("80% prediction intervals")
                && inline.contains("from 5 rungs") && !inline.contains("from 3 rungs"), "inline.svg");
    }

    @Test
    void intervalsCoverAboutTheirLevel() {
        int in = 0;
        int total = 0;
        for (int seed = 1; seed <= 12; seed++) {
            int[] c = rollout(run(2, seed)).coverage();
            in += c[0];
            total += c[1];
        }
        double coverage = (double) in / total;
        // 12 seeds x 20 predictions one to four rungs beyond the data: the law's form is right, so the
        // 95% intervals should cover about 95% of fresh observations (measured: 228 of 240, 0.95)
        assertTrue(coverage > 0.88 && coverage <= 1, "coverage " + coverage + " (" + in + "/" + total + ")");
        System.out.println("rollout coverage " + coverage + " (" + in + "/" + total + ")");
    }

    /**
     * y = 1 + 2 x + 3 z + noise(0.1), z = 1 on the first three rungs of x and 1 to 4 on the next two:
     * the refit on x <= 3 cannot separate a from c, so any a + c = const fits it as well and its
     * predictions at z != 1 are arbitrary. Its bootstrap (refitted from the optimum) still gave
     * intervals; now its rows are marked, have none and stay out of the figures, and L0723 says so.
     */
    @Test
    void aRefitItsPrefixCannotDetermineIsMarkedNotTrusted() {
        StringBuilder t = new StringBuilder("law lin(x, z) = a + b * x + c * z { a, b, c }\ndata d = table {\n  x, z, y\n");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int x = 1; x <= 5; x++) {
            for (int k = 1; k <= 4; k++) {
                int z = x <= 3 ? 1 : k;
                t.append("  ").append(x).append(", ").append(z).append(", ").append(1 + 2 * x + 3 * z + 0.1 * (rng.nextDouble() - 0.5))
                        .append('\n');
            }
        }
        t.append("}\nfit f = lin(x, z) ~ y in d { residual = linear, bootstrap = 100 }\nlet r = (rollout f by x)\n");
        Session s = new Session(Options.defaults().withQuiet(true));
        Outcome o = s.run("undetermined.law", t.toString());
        assertFalse(o.hasErrors(), o.diagnostics().toString());
        law.diag.Diagnostic w = o.diagnostics().stream().filter(d -> d.code() == law.diag.Code.ROLLOUT_UNDETERMINED)
                .findFirst().orElseThrow();
        assertTrue(w.toString().contains("the first 3 rungs (x <= 3) cannot determine a, c; it predicts rung 4"), w.toString());
        Rollout r = rollout(s);
        assertEquals(8, r.predictions().size());
        for (Rollout.Prediction p : r.predictions()) {
            boolean fromThree = p.trainRungs() == 3;
            assertEquals(!fromThree, p.determined(), "rung " + p.rung());
            assertEquals(fromThree ? List.of("a", "c") : List.of(), p.undetermined());
            assertEquals(fromThree, Double.isNaN(p.low()) && Double.isNaN(p.high()), "rung " + p.rung());
            assertTrue(Double.isFinite(p.predicted()));
        }
        Map<String, Value> f = r.fields();
        assertEquals(4, ((Value.Scalar) f.get("undetermined")).number());
        assertEquals(4, ((Value.Scalar) f.get("with_interval")).number());
        // the figures are the determined refit's: every one of its errors is within the noise
        assertTrue(((Value.Scalar) f.get("max_abs_rel_error")).number() < 0.01, f.get("max_abs_rel_error").toString());
        assertTrue(r.render().contains("undetermined"), r.render());
    }
}
