package law.data;

import static law.data.TestData.shared;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loads every real file listed in shared/data/README.md and checks counts and cells. */
class SharedDataTest {
    @Test
    void chinchillaSvgPoints() {
        Table t = CsvReader.read(shared("chinchilla/svg_extracted_data.csv"));
        assertEquals(245, t.rowCount());
        assertEquals(List.of("x", "y", "color", "Model Size", "Training FLOP", "hex_color", "loss"),
                t.columnNames());
        assertEquals(6795600349.289497, t.numeric("Model Size")[0]);
        assertEquals(9.993852799709755e+18, t.numeric("Training FLOP")[0]);
        assertEquals(2.0773942450664395, t.numeric("loss")[244]);
        assertEquals("#34193d", t.text("color")[244]);
        assertEquals(246, t.sourceRow(244));
        Table runs = t.bind("N", "Model Size").bind("C", "Training FLOP").bind("L", "loss")
                .derive("D", List.of("C", "N"), SharedDataTest::div)
                .nanPolicy(NanPolicy.ERROR, List.of("N", "C", "L", "D"))
                .drop(5, Extreme.LARGEST, "L");
        assertEquals(240, runs.rowCount());
        assertEquals(3.4059279641864753, Arrays.stream(runs.numeric("L")).max().orElseThrow());
        assertEquals(9.993852799709755e+18 / (6 * 6795600349.289497), t.bind("N", "Model Size")
                .derive("D", SharedDataTest::div).numeric("D")[0]);
        assertTrue(TableSummary.render(runs).contains("  drop 5 largest L: 5 rows\nrows kept: 240\n"));
    }

    private static double[] div(Table x) {
        double[] c = x.numeric("Training FLOP");
        double[] n = x.numeric("N");
        double[] d = new double[c.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = c[i] / (6 * n[i]);
        }
        return d;
    }

    @Test
    void datablationsPoints() {
        Table t = CsvReader.read(shared("datablations/parametric_fit_points.csv"));
        assertEquals(182, t.rowCount());
        assertEquals("4b248b12b", t.text("run_name")[10]);
        assertEquals(4246500000.0, t.numeric("N_params")[10]);
        assertEquals(1.2e10, t.numeric("U_unique_tokens")[10]);
        assertEquals(3.034805, t.numeric("val_loss")[181]);
    }

    @Test
    void revisitingLanguageCurvesDedupTo712() {
        Table t = CsvReader.read(shared("revisiting/benchmark.lang.csv"));
        assertEquals(1399, t.rowCount());
        assertEquals(List.of("Domain", "Task", "Model", "Seen Examples", "Loss", "Training"), t.columnNames());
        assertFalse(t.column("Model").isNumeric(), "Model mixes labels and sizes");
        assertEquals("1.68e+07", t.text("Model")[100]);
        assertEquals(127113625600.0, t.numeric("Seen Examples")[100]);
        assertEquals(0.9350639402632068, t.numeric("Loss")[100]);
        Table unique = t.dedup();
        assertEquals(712, unique.rowCount());
        DropStep dedup = unique.steps().get(0);
        assertEquals("dedup: 687 rows", dedup.render());
        assertEquals(687, dedup.sourceRows().length);
        assertEquals(712 + 687, java.util.stream.IntStream.concat(java.util.Arrays.stream(dedup.sourceRows()),
                java.util.stream.IntStream.range(0, unique.rowCount()).map(unique::sourceRow)).distinct().count(),
                "the dropped and the kept rows are all the rows, once");
        String[] domain = t.text("Domain");
        Table bb = t.where("where Domain == \"BB\"", x -> {
            boolean[] m = new boolean[domain.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = domain[i].equals("BB");
            }
            return m;
        });
        assertEquals(430, bb.rowCount());
        assertTrue(Arrays.stream(bb.numeric("Model")).allMatch(v -> v == 2.62e8), "262M = 2.62e8");
        assertEquals(766, Arrays.stream(t.numeric("Training")).sum());
    }

    @Test
    void revisitingVisionCurves() {
        Table t = CsvReader.read(shared("revisiting/benchmark.vision.csv"));
        assertEquals(18883, t.rowCount());
        assertEquals("BiT/101/3", t.text("Model")[18882]);
        assertEquals(0.25558000802993774, t.numeric("Loss")[18882]);
        assertEquals(72, t.groupBy(List.of("Task", "Model")).size());
        assertEquals(18883, t.dedup().rowCount());
    }

    @Test
    void porianIsoflopSweeps() {
        Table t = CsvReader.read(shared("porian/isoflop_points.csv"));
        assertEquals(1745, t.rowCount());
        assertEquals(1.28e19, t.numeric("flops")[1744]);
        assertEquals(3.3013140747087855, t.numeric("loss")[1744]);
        assertEquals("tuned", t.text("hparams")[1744]);
        List<Table> configs = t.groupBy(List.of("dataset", "hparams", "warmup", "decay", "param_count"));
        assertEquals(15, configs.size());
        assertEquals("dataset=rw, hparams=base, warmup=long, decay=kaplan, param_count=kaplan",
                configs.get(0).groupKey().render());
        List<Table> budgets = configs.get(0).groupBy(List.of("flops"));
        assertEquals("flops=1.25e16", budgets.get(0).groupKey().render());
        assertEquals(1745, configs.stream().mapToInt(Table::rowCount).sum());
    }

    @Test
    void cs336IsoflopsJson() {
        Table t = JsonReader.read(shared("cs336/isoflops_curves.json"));
        assertEquals(72, t.rowCount());
        assertEquals(List.of("parameters", "compute_budget", "final_loss"), t.columnNames());
        assertEquals(206616415, t.numeric("parameters")[10]);
        assertEquals(1e19, t.numeric("compute_budget")[10]);
        assertEquals(5.9530019364135125, t.numeric("final_loss")[10]);
        assertEquals(1e11, t.numeric("parameters")[71]);
        assertEquals(9, t.groupBy(List.of("compute_budget")).size());
        assertEquals(2, t.sourceRow(0), "the first object starts on line 2");
    }

    @Test
    void overtrainingEvals() {
        Table t = CsvReader.read(shared("overtraining/overtraining_loss_evals.csv"));
        assertEquals(832, t.rowCount());
        assertEquals(5082838266103726080.0, t.numeric("flops_6ND")[5]);
        assertEquals(4.9792116988788955, t.numeric("loss")[5]);
        assertEquals("training/eval_data/val_tok_mult/paloma_ptb/00000001.tar", t.text("val_data")[5]);
        assertEquals(104, t.groupBy(List.of("name")).size());
    }

    @Test
    void curatedIsoflopsWithBooleanOutliers() {
        Table t = CsvReader.read(shared("isoflops/isoflops.csv"));
        assertEquals(947, t.rowCount());
        assertTrue(t.column("outlier").isNumeric(), "True/False read as 1/0");
        assertEquals(197, Arrays.stream(t.numeric("outlier")).sum());
        assertEquals("", t.text("condition")[0]);
        assertEquals(2.178477659166923e+19, t.numeric("budget")[946]);
        assertEquals("too_few_points", t.text("reason")[946]);
    }

    @Test
    void misfittingLastCheckpoints() {
        Table t = CsvReader.read(shared("misfitting/scaling_results_last_ckpt_only.csv"));
        assertEquals(261, t.rowCount());
        assertEquals(18, t.columnNames().size());
        assertEquals(4.0077545524109155, t.numeric("C4 Eval Loss")[260]);
        assertEquals(76816896, t.numeric("N")[260]);
        assertEquals(25174528, t.numeric("N_no_emb")[260]);
        assertEquals(724935181867155456.0, t.numeric("C")[260]);
        assertEquals(260, t.dedup().rowCount());
        Table swapped = t.bind("N", "N_no_emb");
        assertEquals(18, swapped.columnNames().size(), "binding N replaces N in place");
        assertEquals(25174528, swapped.numeric("N")[260]);
    }

    @Test
    void bnslFourDigitAddition() {
        Table t = CsvReader.read(shared("bnsl/four_digit_addition.csv"));
        assertEquals(17, t.rowCount());
        assertArrayEquals(new double[] {160, 2.13809046}, new double[] {t.numeric("dataset_size")[0],
            t.numeric("test_loss")[0]});
        String[] split = t.text("split");
        Table fit = t.whereRows("where split == \"fit\"", r -> r.text("split").equals("fit"));
        assertEquals(14, fit.rowCount());
        assertEquals("extrapolate", split[16]);
        assertEquals(928, t.numeric("dataset_size")[16]);
    }
}
