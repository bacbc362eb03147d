package law.stdlib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.eval.Modules;

/**
 * The survey's taxonomy (Sengupta, Goel, Chakraborty 2025) mapped onto the stdlib, read from
 * {@code stdlib/taxonomy.txt}: one row per study with its branch, the catalogue section, the
 * survey's equation or research question, the verification tag, the module and the names it
 * defines for the study. Rendered as a section of {@code docs/stdlib.md}.
 */
public final class Survey {
    /** The branches of the survey's taxonomy, in the order the map shows them. */
    public static final List<String> BRANCHES = List.of("model", "data", "post-training", "inference", "efficient",
            "other domains");

    private static final Map<String, String> TITLES = Map.of(
            "model", "Model scaling (pre-training, architecture, multimodal)",
            "data", "Data scaling (repetition, mixtures, quality)",
            "post-training", "Post-training (transfer, fine-tuning, distillation)",
            "inference", "Inference and test-time compute",
            "efficient", "Efficient models (mixture of experts, sparsity, pruning, precision)",
            "other domains", "Other domains (vision, reinforcement learning, graphs)");

    /**
     * One study of the survey.
     *
     * @param branch       the taxonomy branch (one of {@link #BRANCHES})
     * @param study        the study as the survey cites it
     * @param section      the catalogue's section
     * @param survey       the survey's equation or research question, with a warning where copying it is wrong
     * @param verification the catalogue's verification tag
     * @param module       the stdlib module
     * @param names        the names the module defines for the study
     */
    public record Row(String branch, String study, String section, String survey, String verification, String module,
                      List<String> names) {
    }

    private Survey() {
    }

    /** Every row of the taxonomy file, in order; a malformed line is an {@link IllegalStateException}. */
    public static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (String line : text().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|");
            if (f.length != 7 || !BRANCHES.contains(f[0].trim())) {
                throw new IllegalStateException("stdlib/taxonomy.txt: malformed line: " + line);
            }
            List<String> names = new ArrayList<>();
            for (String n : f[6].split(",")) {
                names.add(n.trim());
            }
            out.add(new Row(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim(), f[5].trim(),
                    List.copyOf(names)));
        }
        return out;
    }

    private static String text() {
        try (InputStream in = Survey.class.getClassLoader().getResourceAsStream(Modules.STDLIB + "taxonomy.txt")) {
            if (in == null) {
                throw new IllegalStateException("stdlib/taxonomy.txt is not packaged with the stdlib");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("stdlib/taxonomy.txt cannot be read", e);
        }
    }

    /** The Markdown section: one table per branch, every study with its module and names. */
    public static String markdown() {
        Map<String, List<Row>> byBranch = new LinkedHashMap<>();
        BRANCHES.forEach(b -> byBranch.put(b, new ArrayList<>()));
        rows().forEach(r -> byBranch.get(r.branch()).add(r));
        StringBuilder out = new StringBuilder("## The survey's map\n\n")
                .append("The survey *How to Upscale Neural Networks with Scaling Law?* (Sengupta, Goel, Chakraborty 2025, ")
                .append("arXiv:2502.12051) sorts the field into the branches below. Each study names the section of ")
                .append("the laws catalogue (`design/laws-catalogue.md`) that checked it, the survey's equation (with a ")
                .append("warning where copying it would give wrong numbers), the verification tag (**P** primary ")
                .append("material, **S** careful secondary source, **M** memory or weak corroboration, **-** not ")
                .append("retrieved: fit it yourself), and the module and names that encode it. Qualitative findings ")
                .append("ship as *rules* (documentation plus whatever can be computed).\n");
        byBranch.forEach((branch, rows) -> {
            out.append("\n### ").append(TITLES.get(branch)).append("\n\n")
                    .append("| Study | Catalogue | Survey | Verified | Module | Names |\n|---|---|---|---|---|---|\n");
            for (Row r : rows) {
                out.append("| ").append(r.study()).append(" | ").append(r.section()).append(" | ").append(r.survey())
                        .append(" | ").append(r.verification()).append(" | [`").append(r.module()).append("`](#")
                        .append(r.module()).append(") | ")
                        .append(String.join(", ", r.names().stream().map(n -> "`" + n + "`").toList())).append(" |\n");
            }
        });
        return out.toString();
    }
}
