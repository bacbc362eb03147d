package law.fit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Span;
import law.eval.Render;
import law.report.Fmt;

/**
 * What a fit's bootstrap says beyond its intervals: how the replicates were refitted, how many
 * failed, hit a bound or stopped at the iteration limit, with restarts how many found another
 * basin than the estimate's, and per parameter the robust spread next to the SD, with warning
 * {@code L0660} when they disagree by more than {@link Spread#FACTOR}.
 */
public final class BootReport {
    private BootReport() {
    }

    /**
     * The report's bootstrap line: {@code bootstrap: 1000 replicates refitted from the estimate (seed 42); ...};
     * {@code screened}: each replicate's grid was screened ({@code screen = grid_minima}).
     */
    static String line(Bootstrap.Replicates r, long seed, boolean screened) {
        int total = r.values().length;
        StringBuilder b = new StringBuilder("bootstrap: ").append(total).append(" replicates refitted from ")
                .append(r.starts() == 0 ? "the estimate" : "all " + r.starts() + " starts"
                        + (screened ? " (screened: searched from the grid's local minima in each replicate)" : "")
                        + " and the estimate")
                .append(" (seed ").append(seed).append("); ");
        List<String> counts = new ArrayList<>();
        counts.add(Bootstrap.Replicates.count(r.failed()) + " failed");
        counts.add(Bootstrap.Replicates.count(r.atBound()) + " hit a bound");
        counts.add(Bootstrap.Replicates.count(r.limit()) + " stopped at the iteration limit");
        b.append(String.join(", ", counts));
        if (r.starts() > 0) {
            int other = Bootstrap.Replicates.count(r.otherBasin());
            b.append("; in ").append(other).append(" of ").append(total)
                    .append(" the best optimum is not the one reached from the estimate")
                    .append(other == 0 ? "" : " (" + numbers(Bootstrap.Replicates.numbers(r.otherBasin())) + ")");
        }
        return b.toString();
    }

    /**
     * The JSON of the bootstrap: counts, flagged replicates and each parameter's spread;
     * {@code screened}: each replicate's grid was screened ({@code screen = grid_minima}).
     */
    static ObjectNode json(Bootstrap.Replicates r, Spread[] spreads, List<String> names, boolean screened) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("replicates", r.values().length);
        o.put("starts", r.starts() == 0 ? "estimate" : "all");
        o.put("starts_per_replicate", r.starts() + 1);
        o.put("screened", screened && r.starts() > 0);
        put(o, "failed", r.failed());
        put(o, "at_bound", r.atBound());
        put(o, "iteration_limit", r.limit());
        if (r.starts() > 0) {
            put(o, "other_basin", r.otherBasin());
        }
        ObjectNode ps = o.putObject("parameters");
        for (int j = 0; j < names.size(); j++) {
            Spread s = spreads[j];
            ObjectNode p = ps.putObject(names.get(j));
            p.put("used", s.used());
            p.set("sd", Render.number(s.sd()));
            p.set("robust_sd", Render.number(s.robust()));
            p.set("median", Render.number(s.median()));
            p.set("low", Render.number(s.low()));
            p.set("high", Render.number(s.high()));
            p.put("sd_disagrees", s.disagrees());
            ArrayNode w = p.putArray("wild");
            for (int k : s.wildNumbers()) {
                w.add(k);
            }
        }
        return o;
    }

    private static void put(ObjectNode o, String key, boolean[] flags) {
        o.put(key, Bootstrap.Replicates.count(flags));
        ArrayNode a = o.putArray(key + "_replicates");
        Bootstrap.Replicates.numbers(flags).forEach(a::add);
    }

    /**
     * Warning L0660 when the bootstrap SD of some parameters is dominated by wild replicates: one
     * warning naming them, with a note per parameter listing its wild replicates.
     */
    static void warn(Bootstrap.Replicates r, Spread[] spreads, List<String> names, Span at, String label,
                     java.util.function.Consumer<Diagnostic> out) {
        Diagnostic d = wildWarning(names, spreads, j -> r.column(j), r.values().length, at, label);
        if (d != null) {
            out.accept(d);
        }
    }

    /** The help of L0660. */
    public static final String HELP = "read the percentile interval (boot_low, boot_high) and the robust sd, not boot_se; "
            + "wild replicates ran off along a flat direction of the objective or reached another optimum "
            + "(bootstrap_starts = all refits each replicate from every start and counts those)";

    /**
     * Warning L0660 for the quantities whose SD exceeds {@link Spread#FACTOR} times their robust
     * spread, or {@code null} when none does: {@code bootstrap sd dominated by wild replicates: B
     * (sd 4078 is 64.6x its robust sd 63.15)}, with a note per quantity: {@code B: 33 of 1000
     * replicates lie more than 6 robust sds from the median 291.8: #907 = 128500, ...}.
     */
    public static Diagnostic wildWarning(List<String> names, Spread[] spreads, java.util.function.IntFunction<double[]> values,
                                         int total, Span at, String label) {
        List<String> heads = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            Spread s = spreads[j];
            if (!s.disagrees()) {
                continue;
            }
            heads.add(names.get(j) + " (sd " + Fmt.num(s.sd(), 4) + " is " + Fmt.num(s.ratio(), 3)
                    + "x its robust sd " + Fmt.num(s.robust(), 4) + ")");
            String wild = s.wild().length == 0 ? "" : ": " + s.describeWild(values.apply(j));
            notes.add(names.get(j) + ": " + s.wild().length + " of " + total + " replicates lie more than "
                    + Fmt.num(Spread.WILD) + " robust sds from the median " + Fmt.num(s.median(), 4) + wild);
        }
        if (heads.isEmpty()) {
            return null;
        }
        Diagnostic d = Diagnostic.warning(Code.BOOTSTRAP_WILD, at, label + "bootstrap sd dominated by wild replicates"
                + " (sd above " + Fmt.num(Spread.FACTOR) + "x the robust sd, 1.4826 x MAD): " + String.join(", ", heads))
                .withHelp(HELP);
        for (String n : notes) {
            d = d.withNote(n);
        }
        return d;
    }

    private static String numbers(List<Integer> ns) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(10, ns.size());
        for (int k = 0; k < shown; k++) {
            b.append(k == 0 ? "#" : ", #").append(ns.get(k));
        }
        return b.append(ns.size() > shown ? ", ..." : "").toString();
    }
}
