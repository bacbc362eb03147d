package law.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Arg;
import law.ast.Binding;
import law.ast.Expr;
import law.diag.Code;
import law.diag.Span;
import law.eval.Evaluator;
import law.eval.Failure;
import law.eval.Scope;
import law.eval.Value;
import law.report.Fmt;

/**
 * The values a fit's {@code start = {p = v, ...}} or {@code start = grid(p = list, ...)} gives each
 * parameter, with where each value is written (a list literal's items have their own spans; a
 * range's values share the range's), checked against the parameters' domains.
 */
final class StartValues {
    /** Offending values named in the message; the rest are counted. */
    static final int NAMED = 5;

    private StartValues() {
    }

    /**
     * One parameter's start values.
     *
     * @param name   the parameter
     * @param nameAt where the start names it
     * @param values its values, in order
     * @param at     where each value is written (the whole value expression when it has no span of its own)
     */
    record Axis(String name, Span nameAt, List<Double> values, List<Span> at) {
        Axis {
            values = List.copyOf(values);
            at = List.copyOf(at);
        }
    }

    /** The axes of {@code grid(p = list, ...)}, in order. */
    static Map<String, Axis> grid(Expr.Call c, Evaluator ev) {
        Map<String, Axis> axes = new LinkedHashMap<>();
        for (Arg a : c.args()) {
            if (!a.named()) {
                throw Failure.at(Code.BAD_OPTION, a.span(), "name the parameter: grid(alpha = 0..2 by 0.5, ...)");
            }
            String name = a.name().text();
            if (axes.containsKey(name)) {
                throw Failure.at(Code.BAD_OPTION, a.name().span(), "'" + name + "' is named twice in this grid",
                        "give each parameter one list of values");
            }
            axes.put(name, axis(name, a.name().span(), a.value(), ev.eval(a.value(), Scope.strict())));
        }
        return axes;
    }

    /** The values of a start record {@code {p = value, ...}}, each at its field's value when written as a record. */
    static Map<String, Axis> record(Expr start, Evaluator ev) {
        Value v = ev.eval(start, Scope.strict());
        if (!(v instanceof Value.Rec r)) {
            throw Failure.at(Code.BAD_OPTION, start.span(), "a start is {p = value, ...}, grid(p = list, ...) or random(n)");
        }
        Map<String, Expr> written = new LinkedHashMap<>();
        if (start instanceof Expr.RecordLit lit) {
            for (Binding b : lit.fields()) {
                written.put(b.name().text(), b.value());
            }
        }
        Map<String, Axis> axes = new LinkedHashMap<>();
        r.fields().forEach((k, x) -> {
            Expr e = written.get(k);
            axes.put(k, e != null ? axis(k, e.span(), e, x) : axis(k, start.span(), start, x));
        });
        return axes;
    }

    /** The values of {@code value} (written as {@code e}), each with its own span where {@code e} is a list of them. */
    private static Axis axis(String name, Span nameAt, Expr e, Value value) {
        List<Double> values = numbers(value, e);
        List<Span> at = new ArrayList<>();
        boolean own = e instanceof Expr.ListLit l && l.items().size() == values.size();
        for (int i = 0; i < values.size(); i++) {
            at.add(own ? ((Expr.ListLit) e).items().get(i).span() : e.span());
        }
        return new Axis(name, nameAt, values, at);
    }

    private static List<Double> numbers(Value v, Expr where) {
        List<Double> out = new ArrayList<>();
        if (v instanceof Value.Items is) {
            for (law.expr.Expr x : is.items()) {
                out.add(number(new Value.Scalar(x), where));
            }
        } else {
            out.add(number(v, where));
        }
        if (out.isEmpty()) {
            throw Failure.at(Code.BAD_OPTION, where.span(), "an empty list of start values");
        }
        return out;
    }

    private static double number(Value v, Expr where) {
        if (v instanceof Value.Scalar s && s.isNumber() && Double.isFinite(s.number())) {
            return s.number();
        }
        throw Failure.at(Code.BAD_OPTION, where.span(), "a start value must be a finite number");
    }

    /**
     * Refuses start values outside their parameter's domain (an open end itself is allowed: the fit
     * starts just inside it), which would be moved onto the bound without a word: every offending
     * value is named (beyond {@link #NAMED}, counted), the caret on the first, and the other
     * parameters with offending values in a note.
     */
    static void checkDomains(Map<String, Axis> axes, List<String> params, Transform[] transforms) {
        Failure first = null;
        List<String> others = new ArrayList<>();
        for (Axis a : axes.values()) {
            Transform t = transforms[params.indexOf(a.name())];
            List<Integer> bad = outside(a.values(), t);
            if (bad.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = Failure.at(Code.BAD_OPTION, a.at().get(bad.get(0)), message(a, bad, t),
                        "start inside it, or widen the domain in the law");
            } else {
                others.add(a.name() + " (" + bad.size() + " value" + (bad.size() == 1 ? "" : "s") + " outside its domain "
                        + t.describe() + ")");
            }
        }
        if (first == null) {
            return;
        }
        throw others.isEmpty() ? first : new Failure(first.diagnostic().withNote("also outside their domains: "
                + String.join(", ", others)));
    }

    private static List<Integer> outside(List<Double> values, Transform t) {
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) < t.lo() || values.get(i) > t.hi()) {
                bad.add(i);
            }
        }
        return bad;
    }

    private static String message(Axis a, List<Integer> bad, Transform t) {
        if (bad.size() == 1) {
            return "the start " + a.name() + " = " + Fmt.num(a.values().get(bad.get(0))) + " is outside its domain "
                    + t.describe();
        }
        List<String> shown = bad.stream().limit(NAMED).map(i -> Fmt.num(a.values().get(i))).toList();
        String list = bad.size() <= NAMED ? String.join(", ", shown.subList(0, shown.size() - 1)) + " and "
                + shown.get(shown.size() - 1) : String.join(", ", shown) + ", ...";
        String count = bad.size() == a.values().size() ? "all " + bad.size() : bad.size() + " of the " + a.values().size();
        return count + " start values of " + a.name() + " are outside its domain "
                + t.describe() + ": " + list;
    }

    /**
     * Every combination of the axes' values (the first axis varying slowest), the parameters they do
     * not name at {@code base}; {@code total} is the number of combinations.
     */
    static List<double[]> combinations(Map<String, Axis> axes, List<String> params, double[] base, long total) {
        List<Axis> named = new ArrayList<>(axes.values());
        int[] idx = new int[named.size()];
        List<double[]> out = new ArrayList<>();
        for (long s = 0; s < total; s++) {
            double[] p = base.clone();
            for (int q = 0; q < named.size(); q++) {
                p[params.indexOf(named.get(q).name())] = named.get(q).values().get(idx[q]);
            }
            out.add(p);
            for (int q = named.size() - 1; q >= 0; q--) {
                if (++idx[q] < named.get(q).values().size()) {
                    break;
                }
                idx[q] = 0;
            }
        }
        return out;
    }
}
