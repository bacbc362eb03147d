package law.fit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import law.ast.Cond;
import law.ast.Expr;
import law.ast.Option;
import law.diag.Code;
import law.diag.Suggest;
import law.eval.Evaluator;
import law.eval.Failure;
import law.eval.Scope;
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
        return new Screen(StartValues.grid((Expr.Call) start, ev).values().stream().mapToInt(a -> a.values().size())
                .toArray());
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
        Map<String, StartValues.Axis> axes = isGrid(start) ? StartValues.grid((Expr.Call) start, ev)
                : StartValues.record(start, ev);
        for (StartValues.Axis a : axes.values()) {
            if (!params.contains(a.name())) {
                throw Failure.at(Code.UNKNOWN_PARAMETER, a.nameAt(), "'" + a.name() + "' is not a free parameter of this law",
                        Suggest.didYouMean(a.name(), params));
            }
        }
        StartValues.checkDomains(axes, params, transforms);
        long total = 1;
        for (StartValues.Axis a : axes.values()) {
            int n = a.values().size();
            total = total > Long.MAX_VALUE / n ? Long.MAX_VALUE : total * n;
        }
        law.eval.Limits.check(total, maxStarts, "the number of starts of this grid", "--max-starts", start.span());
        return StartValues.combinations(axes, params, Starts.typical(transforms), total);
    }

    /** The residual space as written. */
    public String residualWord() {
        return log ? "log" : "linear";
    }
}
