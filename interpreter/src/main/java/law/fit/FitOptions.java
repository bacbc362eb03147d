package law.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import law.ast.Arg;
import law.ast.Cond;
import law.ast.Expr;
import law.ast.Option;
import law.diag.Code;
import law.diag.Suggest;
import law.eval.Evaluator;
import law.eval.Failure;
import law.eval.Scope;
import law.eval.Value;
import law.report.Fmt;

/**
 * The options of a {@code fit} block, resolved, with their defaults: residual {@code linear},
 * loss {@code squared}, method {@code auto}, tolerance 1e-10, max_iterations 1000, no weights,
 * no filter, start {@code random(20)}, bootstrap 0 (replicates refitted from the estimate), seed 0.
 *
 * @param log           log residuals
 * @param loss          the loss
 * @param method        the method asked for
 * @param tolerance     relative tolerance on the objective
 * @param maxIterations iteration limit per start
 * @param weights       the weight expression, or null
 * @param where         the filter, or null
 * @param start         the start option's expression, or null for the default
 * @param bootstrap     bootstrap resamples (0: none)
 * @param restarts      {@code bootstrap_starts = all}: each replicate is refitted from every start
 *                      and the estimate, not from the estimate only
 * @param seed          the seed of random starts and of the bootstrap
 * @param likelihood    the density of a maximum-likelihood fit ({@code likelihood = ...}), or null for a loss fit
 * @param screen        {@code screen = grid_minima}: search only from the local minima of the start grid ({@link Screen})
 */
public record FitOptions(boolean log, Loss loss, Method method, double tolerance, int maxIterations, Expr weights,
                         Cond where, Expr start, int bootstrap, boolean restarts, long seed, Likelihood likelihood,
                         boolean screen) {

    /** Random starts when no start is given. */
    public static final int DEFAULT_RANDOM_STARTS = 20;

    /** The options a fit block takes (what the language server completes). */
    public static final Set<String> KNOWN = Set.of("residual", "loss", "likelihood", "method", "tolerance", "max_iterations",
            "weights", "where", "start", "screen", "bootstrap", "bootstrap_starts", "seed");

    /** Reads the options of a fit block. */
    public static FitOptions parse(List<Option> options, Evaluator ev) {
        return parse(options, ev, law.eval.Limits.defaults());
    }

    /** Reads the options of a fit block; a bootstrap above {@code limits} is refused ({@code L0902}). */
    public static FitOptions parse(List<Option> options, Evaluator ev, law.eval.Limits limits) {
        boolean log = false;
        Loss loss = Loss.SQUARED;
        Method method = Method.AUTO;
        double tolerance = 1e-10;
        int maxIterations = 1000;
        Expr weights = null;
        Cond where = null;
        Expr start = null;
        int bootstrap = 0;
        boolean all = false;
        law.diag.Span restartsAt = null;
        long seed = 0;
        Likelihood likelihood = null;
        law.diag.Span lossAt = null;
        law.diag.Span likelihoodAt = null;
        law.diag.Span screenAt = null;
        for (Option o : options) {
            if (o instanceof Option.Where w) {
                where = w.condition();
                continue;
            }
            Option.Value v = (Option.Value) o;
            Expr e = v.value();
            switch (o.key()) {
                case "residual" -> log = word(e, List.of("linear", "log")).equals("log");
                case "loss" -> {
                    loss = loss(e, ev);
                    lossAt = v.name().span();
                }
                case "likelihood" -> {
                    likelihood = likelihood(e, ev);
                    likelihoodAt = v.name().span();
                }
                case "method" -> method = Method.valueOf(word(e, List.of("auto", "trust_region", "lm", "newton", "lbfgs"))
                        .toUpperCase(java.util.Locale.ROOT));
                case "tolerance" -> {
                    tolerance = ev.number(e, Scope.strict());
                    if (!(tolerance > 0 && tolerance < 1)) {
                        throw Failure.at(Code.BAD_OPTION, e.span(), "the tolerance must lie between 0 and 1");
                    }
                }
                case "max_iterations" -> maxIterations = count(e, ev, 1);
                case "weights" -> weights = e;
                case "where" -> throw Failure.at(Code.BAD_OPTION, e.span(), "write the filter as 'where COND'");
                case "start" -> start = e;
                case "screen" -> screenAt = word(e, List.of("none", "grid_minima")).equals("grid_minima") ? e.span() : null;
                case "bootstrap" -> {
                    bootstrap = limited(e, ev, 0, limits.maxBootstrap(), "this bootstrap's replicates", "--max-bootstrap");
                    if (bootstrap == 1) {
                        throw Failure.at(Code.BAD_OPTION, e.span(), "one bootstrap replicate gives no standard error "
                                + "or interval", "use at least 2 (a few hundred for percentile intervals), or 0 for none");
                    }
                }
                case "bootstrap_starts" -> {
                    all = word(e, List.of("estimate", "all")).equals("all");
                    restartsAt = e.span();
                }
                case "seed" -> seed = (long) count(e, ev, 0);
                default -> throw Failure.at(Code.BAD_OPTION, v.name().span(), "a fit has no option '" + o.key() + "'",
                        help(o.key()));
            }
        }
        if (all && bootstrap == 0) {
            throw Failure.at(Code.BAD_OPTION, restartsAt, "bootstrap_starts says how replicates are refitted, "
                    + "but this fit has no bootstrap", "add bootstrap = 100");
        }
        if (likelihood != null) {
            checkLikelihood(lossAt, likelihoodAt, method);
        }
        if (screenAt != null) {
            checkScreen(screenAt, start, likelihood);
        }
        return new FitOptions(log, loss, method, tolerance, maxIterations, weights, where, start, bootstrap, all, seed,
                likelihood, screenAt != null);
    }

    /** Screening ranks the starts of a grid by the loss: it needs {@code start = grid(...)} and a loss fit. */
    private static void checkScreen(law.diag.Span at, Expr start, Likelihood likelihood) {
        if (!isGrid(start)) {
            throw Failure.at(Code.BAD_OPTION, at, "screen = grid_minima screens a grid of starts, and this fit's "
                    + "starts are not a grid" + (start == null ? " (without a start option they are random("
                    + DEFAULT_RANDOM_STARTS + "))" : ""), "give the starts as start = grid(p = ..., ...), or drop the screen");
        }
        if (likelihood != null) {
            throw Failure.at(Code.BAD_OPTION, at, "screen = grid_minima is for fits of a loss, not of a likelihood",
                    "drop the screen: a likelihood fit searches from every start");
        }
    }

    private static boolean isGrid(Expr start) {
        return start instanceof Expr.Call c && c.callee().text().equals("grid");
    }

    /**
     * The screening of the start grid ({@code screen = grid_minima}), or null when every start is
     * searched: the grid's axes are its named parameters in order, each as long as its list.
     */
    public Screen screening(Evaluator ev) {
        if (!screen) {
            return null;
        }
        List<List<Double>> axes = new ArrayList<>(gridValues((Expr.Call) start, ev, new LinkedHashMap<>()).values());
        return new Screen(axes.stream().mapToInt(List::size).toArray());
    }

    /**
     * Refuses a start outside its parameter's domain (an open end itself is allowed: the fit starts
     * just inside it): it would be moved onto the bound without a word.
     */
    private static void inIntervals(Map<String, List<Double>> values, Map<String, law.diag.Span> spans,
                                    List<String> params, Transform[] transforms) {
        for (Map.Entry<String, List<Double>> e : values.entrySet()) {
            Transform t = transforms[params.indexOf(e.getKey())];
            for (double v : e.getValue()) {
                if (v < t.lo() || v > t.hi()) {
                    throw Failure.at(Code.BAD_OPTION, spans.get(e.getKey()), "the start " + e.getKey() + " = " + Fmt.num(v)
                            + " is outside its domain " + t.describe(), "start inside it, or widen the domain in the law");
                }
            }
        }
    }

    /** The values of each parameter a start record {@code {p = value, ...}} names; each name's span into {@code spans}. */
    private static Map<String, List<Double>> recordValues(Expr start, Evaluator ev, Map<String, law.diag.Span> spans) {
        Value v = ev.eval(start, Scope.strict());
        if (!(v instanceof Value.Rec r)) {
            throw Failure.at(Code.BAD_OPTION, start.span(), "a start is {p = value, ...}, grid(p = list, ...) or random(n)");
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        r.fields().forEach((k, x) -> values.put(k, numbers(x, start)));
        r.fields().keySet().forEach(k -> spans.put(k, start.span()));
        return values;
    }

    /** The values of each parameter a grid names, in order; each name's span into {@code spans}. */
    private static Map<String, List<Double>> gridValues(Expr.Call c, Evaluator ev, Map<String, law.diag.Span> spans) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Arg a : c.args()) {
            if (!a.named()) {
                throw Failure.at(Code.BAD_OPTION, a.span(), "name the parameter: grid(alpha = 0..2 by 0.5, ...)");
            }
            if (values.containsKey(a.name().text())) {
                throw Failure.at(Code.BAD_OPTION, a.name().span(), "'" + a.name().text() + "' is named twice in this grid",
                        "give each parameter one list of values");
            }
            values.put(a.name().text(), numbers(ev.eval(a.value(), Scope.strict()), a.value()));
            spans.put(a.name().text(), a.name().span());
        }
        return values;
    }

    /** A likelihood fit has no loss and no Levenberg-Marquardt. */
    private static void checkLikelihood(law.diag.Span lossAt, law.diag.Span likelihoodAt, Method method) {
        if (lossAt != null) {
            throw Failure.at(Code.FIT_LOSS_AND_LIKELIHOOD, lossAt.start() > likelihoodAt.start() ? lossAt : likelihoodAt,
                    "a fit takes a loss or a likelihood, not both: the likelihood's density is its loss",
                    "keep 'likelihood = ...' to fit sigma too, or 'loss = ...' for a summed loss");
        }
        if (method == Method.LM) {
            throw Failure.at(Code.BAD_OPTION, likelihoodAt, "method lm minimises squared loss only, not a likelihood",
                    "use method = auto (the trust region) or lbfgs");
        }
    }

    /** {@code normal}, {@code laplace}, {@code huber(delta)} or {@code student_t(nu)}. */
    private static Likelihood likelihood(Expr e, Evaluator ev) {
        for (Likelihood.Kind k : Likelihood.Kind.values()) {
            if (!k.takesParameter() && e instanceof Expr.Name n && n.text().equals(k.word())) {
                return new Likelihood(k, 0);
            }
            if (k.takesParameter() && e instanceof Expr.Call c && c.callee().text().equals(k.word())) {
                String what = k == Likelihood.Kind.HUBER ? "delta" : "nu";
                if (c.args().size() != 1 || c.args().get(0).named()) {
                    throw Failure.at(Code.BAD_OPTION, c.span(), k.word() + " takes one number, its " + what + ": "
                            + k.word() + (k == Likelihood.Kind.HUBER ? "(1e-3)" : "(4)"));
                }
                double x = ev.number(c.args().get(0).value(), Scope.strict());
                if (!(x > 0) || !Double.isFinite(x)) {
                    throw Failure.at(Code.BAD_OPTION, c.args().get(0).span(), "the " + what + " of " + k.word()
                            + " must be a positive number, not " + Fmt.num(x));
                }
                return new Likelihood(k, x);
            }
        }
        String written = e instanceof Expr.Call c ? c.callee().text() : e instanceof Expr.Name n ? n.text() : null;
        String dym = written == null ? null : law.diag.Suggest.didYouMean(written,
                List.of("normal", "laplace", "huber", "student_t"));
        throw Failure.at(Code.BAD_OPTION, e.span(), "unknown likelihood" + (written == null ? "" : " '" + written + "'"),
                (dym != null ? dym + " " : "") + "the likelihoods are: normal, laplace, huber(delta), student_t(nu)");
    }

    private static String help(String key) {
        String h = Suggest.didYouMean(key, KNOWN);
        return h != null ? h : "the options are: " + String.join(", ", KNOWN.stream().sorted().toList());
    }

    private static String word(Expr e, List<String> allowed) {
        if (e instanceof Expr.Name n && allowed.contains(n.text())) {
            return n.text();
        }
        String dym = e instanceof Expr.Name n ? Suggest.didYouMean(n.text(), allowed) : null;
        throw Failure.at(Code.BAD_OPTION, e.span(), "expected one of " + String.join(", ", allowed) + " here", dym);
    }

    /** A whole number of at least {@code min} and at most {@code limit} ({@code L0902} above it). */
    private static int limited(Expr e, Evaluator ev, int min, int limit, String what, String flag) {
        double x = ev.number(e, Scope.strict());
        if (x > limit) {
            law.eval.Limits.check(x >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) x, limit, "the number of " + what,
                    flag, e.span());
        }
        return count(e, ev, min);
    }

    private static int count(Expr e, Evaluator ev, int min) {
        double x = ev.number(e, Scope.strict());
        if (x != Math.rint(x) || x < min || x > Integer.MAX_VALUE) {
            throw Failure.at(Code.BAD_OPTION, e.span(), "expected a whole number of at least " + min + ", not " + Fmt.num(x));
        }
        return (int) x;
    }

    private static Loss loss(Expr e, Evaluator ev) {
        if (e instanceof Expr.Name n && n.text().equals("squared")) {
            return Loss.SQUARED;
        }
        if (e instanceof Expr.Call c) {
            for (Loss.Kind k : Loss.Kind.values()) {
                if (k != Loss.Kind.SQUARED && k.word().equals(c.callee().text())) {
                    if (c.args().size() != 1 || c.args().get(0).named()) {
                        throw Failure.at(Code.BAD_OPTION, c.span(), k.word() + " takes one number: " + k.word() + "(1e-3)");
                    }
                    double s = ev.number(c.args().get(0).value(), Scope.strict());
                    if (!(s > 0) || !Double.isFinite(s)) {
                        throw Failure.at(Code.BAD_OPTION, c.args().get(0).span(), "the scale of " + k.word()
                                + " must be a positive number");
                    }
                    return new Loss(k, s);
                }
            }
        }
        String written = e instanceof Expr.Call c ? c.callee().text() : e instanceof Expr.Name n ? n.text() : null;
        String dym = written == null ? null : law.diag.Suggest.didYouMean(written,
                java.util.List.of("squared", "huber", "soft_l1", "cauchy", "overestimate"));
        throw Failure.at(Code.BAD_OPTION, e.span(), "unknown loss" + (written == null ? "" : " '" + written + "'"),
                (dym != null ? dym + " " : "") + "the losses are: squared, huber(delta), soft_l1(s), cauchy(s), "
                        + "overestimate(k)");
    }

    /**
     * The start points (parameter values in {@code params} order): an explicit record, a grid
     * (every combination, the first parameter varying slowest) or {@code random(n)} within the
     * domains. Parameters a start does not name take their default start (see {@link Starts}).
     */
    public List<double[]> starts(List<String> params, Transform[] transforms, Evaluator ev, int maxStarts) {
        if (start == null) {
            return Starts.random(DEFAULT_RANDOM_STARTS, transforms, seed);
        }
        if (start instanceof Expr.Call c && c.callee().text().equals("random")) {
            if (c.args().size() != 1 || c.args().get(0).named()) {
                throw Failure.at(Code.BAD_OPTION, c.span(), "random takes the number of starts: random(50)");
            }
            int n = limited(c.args().get(0).value(), ev, 1, maxStarts, "random starts", "--max-starts");
            return Starts.random(n, transforms, seed);
        }
        Map<String, law.diag.Span> spans = new LinkedHashMap<>();
        Map<String, List<Double>> values = isGrid(start) ? gridValues((Expr.Call) start, ev, spans)
                : recordValues(start, ev, spans);
        for (String k : values.keySet()) {
            if (!params.contains(k)) {
                throw Failure.at(Code.UNKNOWN_PARAMETER, spans.get(k), "'" + k + "' is not a free parameter of this law",
                        Suggest.didYouMean(k, params));
            }
        }
        inIntervals(values, spans, params, transforms);
        long total = 1;
        for (List<Double> l : values.values()) {
            total = total > Long.MAX_VALUE / l.size() ? Long.MAX_VALUE : total * l.size();
        }
        law.eval.Limits.check(total, maxStarts, "the number of starts of this grid", "--max-starts", start.span());
        double[] base = Starts.typical(transforms);
        List<double[]> out = new ArrayList<>();
        List<String> named = new ArrayList<>(values.keySet());
        int[] idx = new int[named.size()];
        for (long s = 0; s < total; s++) {
            double[] p = base.clone();
            for (int q = 0; q < named.size(); q++) {
                p[params.indexOf(named.get(q))] = values.get(named.get(q)).get(idx[q]);
            }
            out.add(p);
            for (int q = named.size() - 1; q >= 0; q--) {
                if (++idx[q] < values.get(named.get(q)).size()) {
                    break;
                }
                idx[q] = 0;
            }
        }
        return out;
    }

    private static List<Double> numbers(Value v, law.ast.Node where) {
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

    private static double number(Value v, law.ast.Node where) {
        if (v instanceof Value.Scalar s && s.isNumber() && Double.isFinite(s.number())) {
            return s.number();
        }
        throw Failure.at(Code.BAD_OPTION, where.span(), "a start value must be a finite number");
    }

    /** The residual space as written. */
    public String residualWord() {
        return log ? "log" : "linear";
    }
}
