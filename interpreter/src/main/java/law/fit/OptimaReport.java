package law.fit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import law.report.Fmt;
import law.report.Json;
import law.report.Tabular;

/**
 * The starts and distinct optima of a fit's report: one line counting the starts (and, under
 * variable projection, the distinct runs), the optima and the starts that reached the best; with
 * more than one optimum a table of them, best first, capped at {@link #SHOWN} rows in text (every
 * one in JSON).
 */
final class OptimaReport {
    /** Rows of the optima table in the text report. */
    static final int SHOWN = 10;

    private OptimaReport() {
    }

    /** The {@code starts: ...} line. */
    static String line(FitResult r) {
        Optima o = r.optima;
        StringBuilder b = new StringBuilder("starts: ").append(o.starts());
        if (o.runs() < o.starts()) {
            b.append(", ").append(o.runs()).append(" distinct after variable projection (")
                    .append(String.join(", ", o.projected())).append(" solved exactly: the other ")
                    .append(o.starts() - o.runs()).append(" differ only in them, so they reuse a run with 0 evaluations)");
        }
        if (o.screened() > 0) {
            b.append("; searched from ").append(o.searched()).append(", ").append(o.screened())
                    .append(" screened (screen = grid_minima: a neighbouring start of the grid ranks lower; the optima are ")
                    .append("those the searched starts reached)");
        }
        b.append("; ").append(Fmt.num(r.stats.get("total_evaluations"), 10)).append(" evaluations in all; ");
        int k = o.optima().size();
        b.append(k).append(k == 1 ? " distinct optimum; " : " distinct optima; ");
        Optima.Optimum best = o.best();
        b.append(best.starts()).append(best.starts() == 1 ? " start" : " starts");
        if (o.runs() < o.starts()) {
            b.append(" (").append(best.runs()).append(best.runs() == 1 ? " run)" : " runs)");
        }
        b.append(" reached the best");
        if (o.notFinite() > 0) {
            b.append("; ").append(o.notFinite());
            if (o.runs() < o.starts()) {
                b.append(o.notFinite() == 1 ? " start (" : " starts (").append(o.notFiniteRuns())
                        .append(o.notFiniteRuns() == 1 ? " run)" : " runs)");
            }
            b.append(" not finite");
        }
        return b.toString();
    }

    /** The table of optima, best first, or {@code null} with a single optimum. */
    static String table(FitResult r) {
        List<Optima.Optimum> all = r.optima.optima();
        if (all.size() < 2) {
            return null;
        }
        boolean runs = r.optima.runs() < r.optima.starts();
        Tabular t = new Tabular().integer("optimum").number("objective", 8).number("rel. gap", 3).integer("starts");
        if (runs) {
            t.integer("runs");
        }
        t.string("stops");
        r.names.forEach(n -> t.number(n, 6));
        for (int k = 0; k < Math.min(all.size(), SHOWN); k++) {
            Optima.Optimum o = all.get(k);
            List<Object> row = new ArrayList<>(List.of(k + 1, o.objective(), o.relativeGap(all.get(0)), o.starts()));
            if (runs) {
                row.add(o.runs());
            }
            row.add(o.stops());
            for (double p : o.p()) {
                row.add(p);
            }
            t.row(row);
        }
        String text = t.text("    ");
        if (all.size() > SHOWN) {
            text += "\n    ... and " + (all.size() - SHOWN) + " more (all in --json)";
        }
        return "  distinct optima, best first (one optimum: objectives within " + Fmt.num(Optima.OBJECTIVE_TOLERANCE)
                + " relative, and parameters within " + Fmt.num(Optima.PARAMETER_TOLERANCE)
                + " in the fit's coordinates or no barrier between them):\n" + text;
    }

    /** The columns of {@link #dataset} before the parameters'. */
    static final List<String> COLUMNS = List.of("optimum", "objective", "rel_gap", "starts", "runs", "converged",
            "stalled", "iteration_limit", "at_bound", "first_start");

    /**
     * {@code NAME.optima}: one row per distinct optimum, best first: {@link #COLUMNS}, then one
     * column per parameter (named {@code param_P} where P is one of those names).
     */
    static law.dataset.Dataset dataset(FitResult r) {
        List<String> header = new ArrayList<>(COLUMNS);
        r.names.forEach(n -> header.add(COLUMNS.contains(n) ? "param_" + n : n));
        List<List<Object>> rows = new ArrayList<>();
        Optima.Optimum best = r.optima.best();
        int k = 0;
        for (Optima.Optimum o : r.optima.optima()) {
            List<Object> row = new ArrayList<>(List.of((double) ++k, o.objective(), o.relativeGap(best),
                    (double) o.starts(), (double) o.runs(), (double) o.converged(), (double) o.stalled(),
                    (double) o.iterationLimit(), (double) o.atBound(), (double) o.first() + 1));
            for (double p : o.p()) {
                row.add(p);
            }
            rows.add(row);
        }
        int[] numbers = java.util.stream.IntStream.rangeClosed(1, rows.size()).toArray();
        String name = r.name() + ".optima";
        law.data.Table t = law.data.InlineTable.of(name, header, rows, numbers, law.data.RowNumbering.ROW);
        return new law.dataset.Dataset(name, t, List.of(), "distinct optima of fit " + r.name() + ", best first ("
                + r.optima.starts() + " starts, " + r.optima.runs() + " runs"
                + (r.optima.screened() > 0 ? ", " + r.optima.screened() + " of them screened" : "") + ")");
    }

    /** The {@code starts} object of the JSON report. */
    static ObjectNode json(FitResult r) {
        Optima o = r.optima;
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("count", o.starts()).put("distinct", o.runs()).put("reached_best", o.best().starts())
                .put("not_finite", o.notFinite()).put("screened", o.screened());
        ArrayNode proj = s.putArray("projected");
        o.projected().forEach(proj::add);
        ArrayNode next = s.putArray("next_best");
        for (double[] nb : r.nextBest()) {
            next.addObject().put("gap", nb[0]).put("count", (int) nb[1]);
        }
        ArrayNode optima = s.putArray("optima");
        for (Optima.Optimum q : o.optima()) {
            ObjectNode e = optima.addObject();
            e.set("objective", Json.number(q.objective()));
            e.set("gap", Json.number(q.objective() - o.best().objective()));
            e.set("relative_gap", Json.number(q.relativeGap(o.best())));
            e.put("starts", q.starts()).put("runs", q.runs()).put("first_start", q.first() + 1)
                    .put("converged", q.converged()).put("stalled", q.stalled())
                    .put("iteration_limit", q.iterationLimit()).put("at_bound", q.atBound());
            ObjectNode p = e.putObject("parameters");
            double[] v = q.p();
            for (int j = 0; j < v.length; j++) {
                p.set(r.names.get(j), Json.number(v[j]));
            }
        }
        return s;
    }
}
