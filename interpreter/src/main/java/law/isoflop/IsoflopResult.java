package law.isoflop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.data.GroupKey;
import law.data.InlineTable;
import law.data.RowNumbering;
import law.data.Table;
import law.dataset.Dataset;
import law.dataset.Rows;
import law.eval.Value;
import law.report.Fmt;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * What {@code isoflop NAME = ...} binds: per configuration the minima of every budget and the
 * power laws through them. Printed as the table of minima and the exponents (one configuration)
 * or as a table of exponents per configuration; where a dataset is needed it stands for the table
 * of minima ({@link #dataset()}). Fields with one configuration: {@code a}, {@code b}, {@code c}
 * (N* = n0 C^a, D* = d0 C^b, L* = l0 C^c), each a record of {@code value}, {@code se},
 * {@code ci_low}, {@code ci_high} and with a bootstrap {@code boot_se}, {@code boot_robust_sd}, {@code boot_low},
 * {@code boot_high}; {@code n0}, {@code d0}, {@code l0}; {@code budgets} (used in stage two).
 * With several configurations the fields are those of the exponents table ({@code rows},
 * {@code a.min}, ...).
 */
public final class IsoflopResult implements Value.Other, Dataset.Provider, law.eval.Render.JsonRenderable {

    /** One configuration's key and analysis. */
    record Config(GroupKey key, Analysis.Result result) {
    }

    private final String name;
    private final String heading;
    private final List<String> configColumns;
    private final String compute;
    private final List<Config> configs;
    private final Settings settings;

    IsoflopResult(String name, String heading, List<String> configColumns, String compute, List<Config> configs,
                  Settings settings) {
        this.name = name;
        this.heading = heading;
        this.configColumns = List.copyOf(configColumns);
        this.compute = compute;
        this.configs = List.copyOf(configs);
        this.settings = settings;
    }

    @Override
    public String kind() {
        return "isoflop";
    }

    /** The statement and its method: profile, stage-two weighting, edge rule, tokens, bootstrap. */
    public String heading() {
        return heading;
    }

    /** The minima: config columns, C, N*, se of ln N*, D*, L*, se of L*, points, edge (1/0), used (1/0). */
    @Override
    public Dataset dataset() {
        List<String> header = new ArrayList<>(configColumns);
        header.addAll(List.of(compute, "N_star", "lnN_se", "D_star", "L_star", "L_se", "points", "edge", "used"));
        List<List<Object>> rows = new ArrayList<>();
        for (Config c : configs) {
            for (Budget b : c.result().budgets()) {
                List<Object> row = new ArrayList<>(c.key().values());
                row.addAll(List.of(b.c(), b.nStar(), b.lnNse(), b.dStar(), b.lStar(), b.lStarSe(), (double) b.points(),
                        b.edge() ? 1.0 : 0.0, b.used(settings.keepEdges()) ? 1.0 : 0.0));
                rows.add(row);
            }
        }
        return new Dataset(name, InlineTable.of("isoflop " + name, header, rows, numbers(rows.size()),
                RowNumbering.ROW), List.of(), heading);
    }

    /** One row per configuration: its key, budgets used, a, b, c with standard errors (and bootstrap ones). */
    public Dataset exponents() {
        List<String> header = new ArrayList<>(configColumns);
        header.addAll(List.of("budgets", "used"));
        for (String e : List.of("a", "b", "c")) {
            header.add(e);
            header.add(e + "_se");
            if (settings.bootstrap() > 0) {
                header.add(e + "_boot_se");
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Config c : configs) {
            List<Object> row = new ArrayList<>(c.key().values());
            row.add((double) c.result().budgets().size());
            row.add((double) used(c));
            PowerLaw[] laws = {c.result().n(), c.result().d(), c.result().l()};
            for (int j = 0; j < 3; j++) {
                row.add(laws[j].e());
                row.add(laws[j].se());
                if (settings.bootstrap() > 0) {
                    row.add(boot(c, j).sd());
                }
            }
            rows.add(row);
        }
        return new Dataset(name, InlineTable.of("isoflop " + name, header, rows, numbers(rows.size()),
                RowNumbering.ROW), List.of(), heading);
    }

    private long used(Config c) {
        return c.result().budgets().stream().filter(b -> b.used(settings.keepEdges())).count();
    }

    private static int[] numbers(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i + 1);
        return out;
    }

    @Override
    public String render() {
        if (configs.size() > 1) {
            return heading + "\n" + Rows.render(exponents().table());
        }
        Config c = configs.get(0);
        StringBuilder b = new StringBuilder(heading).append('\n');
        b.append(Rows.render(dataset().table())).append("\n");
        String[] what = {"N* = n0 * C^a", "D* = d0 * C^b", "L* = l0 * C^c"};
        String[] exp = {"a", "b", "c"};
        String[] coef = {"n0", "d0", "l0"};
        PowerLaw[] laws = {c.result().n(), c.result().d(), c.result().l()};
        for (int j = 0; j < 3; j++) {
            Map<String, Double> f = exponent(c, j);
            b.append("  ").append(what[j]).append(":  ").append(exp[j]).append(" = ").append(Fmt.num(laws[j].e(), 4))
                    .append(" (se ").append(Fmt.num(f.get("se"), 2)).append(", 95% CI ").append(Fmt.num(f.get("ci_low"), 4))
                    .append(" .. ").append(Fmt.num(f.get("ci_high"), 4)).append(')');
            if (f.containsKey("boot_se")) {
                b.append(", bootstrap se ").append(Fmt.num(f.get("boot_se"), 2)).append(", robust sd ")
                        .append(Fmt.num(f.get("boot_robust_sd"), 2)).append(" (")
                        .append(Fmt.num(f.get("boot_low"), 4)).append(" .. ").append(Fmt.num(f.get("boot_high"), 4))
                        .append(')');
            }
            b.append(",  ").append(coef[j]).append(" = ").append(Fmt.num(laws[j].k(), 4)).append('\n');
        }
        return b.toString().stripTrailing();
    }

    private Map<String, Double> exponent(Config c, int j) {
        PowerLaw law = j == 0 ? c.result().n() : j == 1 ? c.result().d() : c.result().l();
        long m = used(c);
        double t = m > 2 ? new TDistribution(m - 2).inverseCumulativeProbability(0.975) : Double.NaN;
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("value", law.e());
        f.put("se", law.se());
        f.put("ci_low", law.e() - t * law.se());
        f.put("ci_high", law.e() + t * law.se());
        if (c.result().boot() != null) {
            law.fit.Spread bs = boot(c, j);
            f.put("boot_se", bs.sd());
            f.put("boot_robust_sd", bs.robust());
            f.put("boot_low", bs.low());
            f.put("boot_high", bs.high());
        }
        return f;
    }

    /** The robust summary of exponent j over the replicates that gave one. */
    private static law.fit.Spread boot(Config c, int j) {
        return law.fit.Spread.of(column(c.result().boot(), j));
    }

    /** Exponent j ({@code a, b, c}) of every replicate, NaN where a replicate gave none. */
    static double[] column(double[][] boot, int j) {
        return Arrays.stream(boot).mapToDouble(r -> r[j]).toArray();
    }

    @Override
    public Map<String, Value> fields() {
        if (configs.size() > 1) {
            return exponents().fields();
        }
        Config c = configs.get(0);
        Map<String, Value> out = new LinkedHashMap<>();
        String[] exp = {"a", "b", "c"};
        for (int j = 0; j < 3; j++) {
            Map<String, Value> f = new LinkedHashMap<>();
            exponent(c, j).forEach((k, x) -> f.put(k, Value.Scalar.of(x)));
            out.put(exp[j], new Value.Rec("exponent", f, "value"));
        }
        out.put("n0", Value.Scalar.of(c.result().n().k()));
        out.put("d0", Value.Scalar.of(c.result().d().k()));
        out.put("l0", Value.Scalar.of(c.result().l().k()));
        out.put("budgets", Value.Scalar.of(used(c)));
        return out;
    }

    /**
     * The JSON of {@code print}: the statement, the compute column, the configuration columns, the
     * table of minima and the table of exponents (one row per configuration) and, with one
     * configuration, {@code laws}: {@code a}, {@code b}, {@code c} with their standard errors and
     * intervals, {@code n0}, {@code d0}, {@code l0} and the budgets used.
     */
    @Override
    public com.fasterxml.jackson.databind.JsonNode json() {
        com.fasterxml.jackson.databind.node.ObjectNode o =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("name", name);
        o.put("statement", heading);
        o.put("compute", compute);
        com.fasterxml.jackson.databind.node.ArrayNode cc = o.putArray("config_columns");
        configColumns.forEach(cc::add);
        o.put("configurations", configs.size());
        o.set("minima", Rows.tabular(dataset().table()).json());
        o.set("exponents", Rows.tabular(exponents().table()).json());
        if (configs.size() == 1) {
            com.fasterxml.jackson.databind.node.ObjectNode laws = o.putObject("laws");
            String[] exp = {"a", "b", "c"};
            for (int j = 0; j < 3; j++) {
                com.fasterxml.jackson.databind.node.ObjectNode e = laws.putObject(exp[j]);
                exponent(configs.get(0), j).forEach((k, x) -> e.set(k, law.report.Json.number(x)));
                e.put("level", 0.95);
            }
            Analysis.Result r = configs.get(0).result();
            laws.set("n0", law.report.Json.number(r.n().k()));
            laws.set("d0", law.report.Json.number(r.d().k()));
            laws.set("l0", law.report.Json.number(r.l().k()));
            laws.put("budgets", used(configs.get(0)));
        }
        return o;
    }

    /** The exponent a of each configuration, in order (for tests and tools). */
    public List<double[]> exponentsPerConfig() {
        List<double[]> out = new ArrayList<>();
        for (Config c : configs) {
            out.add(new double[]{c.result().n().e(), c.result().n().se(), c.result().d().e(), c.result().l().e()});
        }
        return out;
    }

    /** The key of each configuration, in order. */
    public List<GroupKey> keys() {
        return configs.stream().map(Config::key).toList();
    }

}
