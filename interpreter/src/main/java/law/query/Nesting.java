package law.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.expr.Expr;
import law.expr.Printer;
import law.model.Law;
import law.report.Fmt;

/**
 * Whether one compared law is nested in another: the smaller is the bigger with some of its
 * estimated parameters fixed ({@code with { E = 1.69 }}, or a published coefficient set) or tied
 * ({@code with { beta = alpha }}), so a likelihood-ratio test applies. The restriction is read
 * from the smaller law (its fixed values and its ties, which {@code with} records) and checked by
 * evaluating both forms at rows of the data and at perturbed parameter values, so two routes to
 * the same form agree whatever order the simplifier wrote them in.
 */
final class Nesting {
    private Nesting() {
    }

    /**
     * A compared item: its text, its law (or {@code null} for an expression), the text of the
     * call's arguments and their values on the data's rows.
     */
    record Item(String name, Law law, List<String> args, double[][] argValues) {
        /** The estimated parameters: a fit's free parameters, none for a law with every value given. */
        Set<String> estimated() {
            return law.fitted() == null ? Set.of() : new LinkedHashSet<>(law.fitted().parameterNames());
        }

        /** The parameters with a value that the data did not estimate. */
        Map<String, Double> fixed() {
            Map<String, Double> out = new LinkedHashMap<>(law.values());
            out.keySet().removeAll(estimated());
            return out;
        }
    }

    /**
     * {@code null} when {@code small} is nested in {@code big}, else why not, in words
     * ({@code "chinchilla_e estimates E, which hoffmann2022 fixes"}).
     */
    static String whyNot(Item small, Item big, boolean[] rows) {
        if (small.law() == null || big.law() == null) {
            return (small.law() == null ? small : big).name() + " is an expression, not a law";
        }
        if (!small.args().equals(big.args())) {
            return "they are called with different arguments";
        }
        if (small.law().vars().size() != big.law().vars().size()) {
            return "their laws take different numbers of variables";
        }
        Set<String> fs = small.estimated();
        Set<String> fb = big.estimated();
        if (fs.size() >= fb.size()) {
            return "both estimate " + fb.size() + " parameter" + (fb.size() == 1 ? "" : "s");
        }
        for (String p : fs) {
            if (!fb.contains(p)) {
                return small.name() + " estimates " + p + ", which " + big.name() + " does not";
            }
        }
        Map<String, Expr> sigma = new LinkedHashMap<>();
        Map<String, Double> fixedS = small.fixed();
        for (String p : fb) {
            if (fs.contains(p)) {
                continue;
            }
            if (fixedS.containsKey(p)) {
                sigma.put(p, Expr.num(fixedS.get(p)));
            } else if (small.law().ties().containsKey(p)) {
                sigma.put(p, small.law().ties().get(p));
            } else {
                return big.name() + " estimates " + p + ", which " + small.name() + " neither fixes nor ties";
            }
        }
        for (Map.Entry<String, Double> f : big.fixed().entrySet()) {
            Double s = fixedS.get(f.getKey());
            if (s != null && Math.abs(s - f.getValue()) > 1e-12 * Math.max(Math.abs(s), Math.abs(f.getValue()))) {
                return big.name() + " fixes " + f.getKey() + " = " + Fmt.num(f.getValue()) + " but " + small.name()
                        + " fixes it to " + Fmt.num(s);
            }
        }
        String broken = brokenTie(small, big, fixedS);
        if (broken != null) {
            return broken;
        }
        return sameForm(small, big, sigma, rows) ? null
                : small.name() + " is not " + big.name() + " with parameters fixed or tied: their forms differ";
    }

    /**
     * Why not, when {@code big} ties a parameter ({@code with { beta = alpha }}) that {@code small}
     * fixes to a value the tie does not give ({@code beta = 0.28} and {@code alpha = 0.34}); else
     * {@code null}.
     */
    private static String brokenTie(Item small, Item big, Map<String, Double> fixedS) {
        for (Map.Entry<String, Expr> tie : big.law().ties().entrySet()) {
            Double v = fixedS.get(tie.getKey());
            if (v == null) {
                continue;
            }
            double w;
            try {
                w = tie.getValue().evaluate(fixedS);
            } catch (IllegalArgumentException notAllFixed) {
                continue;
            }
            if (Math.abs(v - w) > 1e-12 * Math.max(Math.abs(v), Math.abs(w))) {
                String e = Printer.print(tie.getValue());
                return big.name() + " ties " + tie.getKey() + " = " + e + ", but " + small.name() + " has "
                        + tie.getKey() + " = " + Fmt.num(v) + " and " + e + " = " + Fmt.num(w);
            }
        }
        return null;
    }

    /** Whether big's form under {@code sigma} equals small's form, at rows of the data and perturbed estimates. */
    private static boolean sameForm(Item small, Item big, Map<String, Expr> sigma, boolean[] rows) {
        Map<String, Expr> closeS = numbers(small.fixed());
        Map<String, Expr> rename = new LinkedHashMap<>();
        for (int i = 0; i < small.law().vars().size(); i++) {
            rename.put(small.law().vars().get(i), Expr.sym(big.law().vars().get(i)));
        }
        Expr formS = small.law().body().substitute(closeS).substitute(rename);
        Map<String, Expr> closeB = numbers(big.fixed());
        Map<String, Expr> restrict = new LinkedHashMap<>();
        sigma.forEach((p, e) -> restrict.put(p, e.substitute(closeS)));
        Expr formB = big.law().body().substitute(restrict).substitute(closeB);
        for (Map<String, Double> at : points(small, big, rows)) {
            double a;
            double b;
            try {
                a = formS.evaluate(at);
                b = formB.evaluate(at);
            } catch (IllegalArgumentException unknownSymbol) {
                return false;
            }
            if (!(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b))))
                    && !(Double.isNaN(a) && Double.isNaN(b))) {
                return false;
            }
        }
        return true;
    }

    /** Up to five rows of the data, each at the small law's estimates scaled by 1, 1.1 and 0.9. */
    private static List<Map<String, Double>> points(Item small, Item big, boolean[] rows) {
        List<Map<String, Double>> out = new ArrayList<>();
        List<String> vars = big.law().vars();
        int used = 0;
        for (int i = 0; i < rows.length && used < 5; i++) {
            if (!rows[i]) {
                continue;
            }
            used++;
            for (double scale : new double[] {1, 1.1, 0.9}) {
                Map<String, Double> at = new LinkedHashMap<>();
                for (String p : small.estimated()) {
                    at.put(p, small.law().values().get(p) * scale);
                }
                for (int k = 0; k < vars.size(); k++) {
                    at.put(vars.get(k), small.argValues()[k][i]);
                }
                out.add(at);
            }
        }
        return out;
    }

    private static Map<String, Expr> numbers(Map<String, Double> values) {
        Map<String, Expr> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, Expr.num(v)));
        return out;
    }
}
