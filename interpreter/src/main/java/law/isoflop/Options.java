package law.isoflop;

import java.util.List;
import law.ast.Expr;
import law.ast.Option;
import law.diag.Code;
import law.eval.Context;
import law.eval.Failure;
import law.eval.Scope;
import law.report.Fmt;

/**
 * The options block of {@code isoflop}: {@code profile = parabola | akima}, {@code tokens = EXPR},
 * {@code weights = none | se | bootstrap}, {@code edges = drop | keep}, {@code bootstrap = n},
 * {@code resample = points | noise(SIGMA)}, {@code seed = s}, checked against each other.
 *
 * @param settings  the resolved settings
 * @param tokens    the tokens expression, or null
 * @param sigma     the seed-noise expression (sd of each loss), or null
 */
record Options(Settings settings, Expr tokens, Expr sigma) {
    private static final List<String> NAMES = List.of("bootstrap", "edges", "profile", "resample", "seed", "tokens",
            "weights");

    static Options parse(List<Option> options, Context ctx) {
        Settings.Profile profile = Settings.Profile.PARABOLA;
        Settings.Weights weights = Settings.Weights.NONE;
        Expr weightsAt = null;
        boolean keepEdges = false;
        int bootstrap = 0;
        long seed = 0;
        Expr tokens = null;
        Expr sigma = null;
        for (Option o : options) {
            if (!(o instanceof Option.Value v)) {
                throw Failure.at(Code.BAD_OPTION, o.span(), "an isoflop block has no 'where'; filter in the data block");
            }
            Expr x = v.value();
            switch (o.key()) {
                case "profile" -> profile = profile(x, ctx);
                case "tokens" -> tokens = x;
                case "weights" -> {
                    weights = Settings.Weights.valueOf(word(x, List.of("none", "se", "bootstrap")).toUpperCase());
                    weightsAt = x;
                }
                case "edges" -> keepEdges = word(x, List.of("drop", "keep")).equals("keep");
                case "bootstrap" -> bootstrap = count(x, ctx);
                case "seed" -> seed = count(x, ctx);
                case "resample" -> sigma = resample(x);
                default -> throw Failure.at(Code.BAD_OPTION, v.name().span(), "an isoflop has no option '" + o.key()
                        + "'", "the options are: " + String.join(", ", NAMES));
            }
        }
        if (weights == Settings.Weights.SE && profile == Settings.Profile.AKIMA) {
            throw Failure.at(Code.BAD_OPTION, weightsAt.span(), "an Akima spline interpolates, so its minimum has no "
                    + "standard error", "write weights = bootstrap (with bootstrap = n), or weights = none");
        }
        if (weights == Settings.Weights.BOOTSTRAP && bootstrap == 0) {
            throw Failure.at(Code.BAD_OPTION, weightsAt.span(), "weights = bootstrap needs replicates",
                    "add bootstrap = 1000 (and resample = noise(SIGMA) for Porian et al.'s seed noise)");
        }
        return new Options(new Settings(profile, weights, keepEdges, bootstrap, seed, sigma != null), tokens, sigma);
    }

    private static Settings.Profile profile(Expr x, Context ctx) {
        if (x instanceof Expr.Name n && n.text().equals("akima")) {
            return Settings.Profile.AKIMA;
        }
        if (x instanceof Expr.Name n && n.text().equals("parabola")) {
            return Settings.Profile.PARABOLA;
        }
        boolean law = x instanceof Expr.Call
                || x instanceof Expr.Name n && ctx.env().get(n.text()) != null
                && ctx.env().get(n.text()).value() instanceof law.eval.Value.LawRef;
        if (law) {
            throw Failure.at(Code.NOT_SUPPORTED, x.span(), "a law as profile is not supported yet",
                    "write parabola or akima");
        }
        throw Failure.at(Code.BAD_OPTION, x.span(), "expected one of parabola, akima here");
    }

    /** {@code points} (null) or the SIGMA of {@code noise(SIGMA)}. */
    private static Expr resample(Expr x) {
        if (x instanceof Expr.Name n && n.text().equals("points")) {
            return null;
        }
        if (x instanceof Expr.Call c && c.callee().text().equals("noise") && c.args().size() == 1
                && c.args().get(0).name() == null) {
            return c.args().get(0).value();
        }
        throw Failure.at(Code.BAD_OPTION, x.span(), "expected points or noise(SIGMA) here",
                "noise(0.002) adds normal noise of sd 0.002 to every loss in each replicate");
    }

    static String word(Expr e, List<String> allowed) {
        if (e instanceof Expr.Name n && allowed.contains(n.text())) {
            return n.text();
        }
        throw Failure.at(Code.BAD_OPTION, e.span(), "expected one of " + String.join(", ", allowed) + " here");
    }

    private static int count(Expr e, Context ctx) {
        double x = ctx.evaluator().number(e, Scope.strict());
        if (x != Math.rint(x) || x < 0 || x > Integer.MAX_VALUE) {
            throw Failure.at(Code.BAD_OPTION, e.span(), "expected a whole number of at least 0, not " + Fmt.num(x));
        }
        return (int) x;
    }
}
