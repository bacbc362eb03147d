package law.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Stmt;
import law.data.Table;
import law.model.Law;

/**
 * A fit's {@link FitResult} from its parts: the estimate and its bounds, the statistics (a loss
 * fit's here, a likelihood fit's from {@link LikelihoodFit}), the distinct optima, the ranges of
 * the law's variables over the fitted rows, the report's header and the resolved options.
 */
final class FitResults {
    private FitResults() {
    }

    /** The report of a fit: its values, statistics, the ranges of its variables and its options. */
    static FitResult of(Setup s, Table table, FitRows.Rows rows, Fits.Solved solved, Fits.Spreads spreads) {
        Stmt.Fit stmt = s.stmt();
        FitOptions opts = s.opts();
        Run best = solved.best();
        List<Run> runs = solved.runs();
        Transform[] transforms = solved.transforms();
        int m = s.params().size();
        int n = rows.n();
        boolean[] atBound = new boolean[m];
        for (int j = 0; j < m; j++) {
            atBound[j] = transforms[j].atBound(best.p()[j]);
        }
        Likelihood lik = solved.withSigma() == null ? null : opts.likelihood();
        String scale = lik == null ? null : LikelihoodFit.scaleName(s.params());
        int observed = positive(rows.w()); // a point of weight 0 is no observation: not in AIC, BIC or 'points'
        Map<String, Double> stats = lik == null ? stats(solved.pr(), best, rows.w(), observed, m)
                : LikelihoodFit.stats(solved.pr(), best, scale, solved.sigma(), LikelihoodFit.seLogSigma(lik, rows.w()),
                rows.w(), observed, m);
        stats.put("starts", (double) solved.starts().size());
        stats.put("total_evaluations", (double) runs.stream().mapToLong(Run::evaluations).sum());
        // each optimizer run once: a copy under variable projection has no evaluations of its own
        stats.put("total_iterations", (double) runs.stream().filter(r -> r.evaluations() > 0)
                .mapToLong(Run::iterations).sum());
        Optima optima = lik == null ? Optima.of(solved.pr(), solved.method(), solved.starts(), runs, rows.w())
                : Optima.ofLikelihood(runs, m, transforms);
        stats.put("distinct_starts", (double) optima.runs());
        stats.put("screened", (double) optima.screened());
        Map<String, double[]> ranges = new LinkedHashMap<>();
        double[][] fitted = ranges(s, table, rows, ranges);
        String header = "fit " + stmt.name().text() + " = " + stmt.model().span().text() + " ~ "
                + stmt.target().span().text() + " in " + stmt.data().text()
                + (table.groupKey().isEmpty() ? "" : " [" + table.groupKey().render() + "]") + "   (" + n + " points, " + zeros(rows.w())
                + opts.residualWord() + " residuals, " + (lik == null ? opts.loss().describe() : lik.describe()
                + " likelihood") + ", " + solved.method().word() + ")";
        FitResult result = new FitResult(header, s.params(), best.p().clone(), atBound, spreads.unc(), spreads.boot(),
                ranges, stats, best, optima, options(stmt, opts, solved.method()),
                table.hash(), stmt.data().text(), table.source(), transforms.clone(),
                lik == null ? ObservationNoise.of(solved.pr(), best.p(), rows.w())
                : LikelihoodFit.noise(solved.pr(), lik, solved.sigma()));
        result.training(law.model.Fitted.rowKeys(fitted, rows.y()));
        if (lik != null) {
            result.scale(scale, solved.sigma(), LikelihoodFit.seLogSigma(lik, rows.w()), lik);
        }
        return result;
    }

    /** The options a fit ran with, as its report and {@code --json} show them. */
    private static Map<String, Object> options(Stmt.Fit stmt, FitOptions opts, Method method) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("target", stmt.target().span().text());
        options.put("residual", opts.residualWord());
        if (opts.likelihood() == null) {
            options.put("loss", opts.loss().describe());
        } else {
            options.put("likelihood", opts.likelihood().describe());
        }
        options.put("method", opts.method().word() + (opts.method() == Method.AUTO ? " (" + method.word() + ")" : ""));
        options.put("tolerance", opts.tolerance());
        options.put("max_iterations", opts.maxIterations());
        options.put("weights", opts.weights() == null ? "none" : opts.weights().span().text());
        options.put("where", opts.where() == null ? "none" : opts.where().span().text());
        options.put("start", opts.start() == null ? "random(" + FitOptions.DEFAULT_RANDOM_STARTS + ")"
                : opts.start().span().text());
        options.put("screen", opts.screen() ? "grid_minima" : "none");
        options.put("bootstrap", opts.bootstrap());
        options.put("bootstrap_starts", opts.restarts() ? "all" : "estimate");
        options.put("seed", opts.seed());
        return options;
    }

    /**
     * The law's variables over the fitted rows ({@code [variable][row]}), with each one's
     * {@code {min, max}} put in {@code ranges} under the fitted law's name for it.
     */
    private static double[][] ranges(Setup s, Table table, FitRows.Rows rows, Map<String, double[]> ranges) {
        Law form = s.form();
        int n = rows.n();
        List<String> names = BoundNames.of(form, s.call(), table); // the fitted law's variables
        double[][] fitted = new double[form.vars().size()][];
        for (int i = 0; i < form.vars().size(); i++) {
            double[] v = FitRows.columnValues(s.subst().get(form.vars().get(i)), s.cols(), rows.data(), n);
            fitted[i] = v;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            ranges.put(names.get(i), new double[]{lo, hi});
        }
        return fitted;
    }

    /** {@code "5 of weight 0, "} where some points have weight 0, else empty. */
    private static String zeros(double[] w) {
        int z = w.length - positive(w);
        return z == 0 ? "" : z + " of weight 0, ";
    }

    /** The number of points with a positive weight. */
    static int positive(double[] w) {
        int k = 0;
        for (double x : w) {
            k += x > 0 ? 1 : 0;
        }
        return k;
    }

    /**
     * The statistics of a loss fit at its best run: objective, RMSE, R², the Gaussian
     * log-likelihood at its maximum-likelihood variance with AIC and BIC, points, iterations and
     * evaluations.
     */
    static Map<String, Double> stats(Problem pr, Run best, double[] w, int n, int m) {
        Problem.Scratch s = pr.scratch();
        pr.values(best.p(), s);
        double sw = 0;
        double swr2 = 0;
        double swz = 0;
        for (int i = 0; i < pr.n; i++) {
            double r = pr.residual(i, s.f[i]);
            sw += w[i];
            swr2 += w[i] * r * r;
            swz += w[i] * pr.z[i];
        }
        double mean = swz / sw;
        double tss = 0;
        for (int i = 0; i < pr.n; i++) {
            tss += w[i] * (pr.z[i] - mean) * (pr.z[i] - mean);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("objective", best.objective());
        out.put("rmse", Math.sqrt(swr2 / sw));
        out.put("r2", 1 - swr2 / tss);
        // Gaussian log-likelihood of the residuals with its variance at the maximum-likelihood value;
        // AIC and BIC count that variance as a parameter (the same definitions as compare)
        double logL = -0.5 * n * (Math.log(2 * Math.PI * swr2 / sw) + 1);
        out.put("log_likelihood", logL);
        out.put("aic", 2 * (m + 1) - 2 * logL);
        out.put("bic", (m + 1) * Math.log(n) - 2 * logL);
        out.put("points", (double) n);
        out.put("iterations", (double) best.iterations());
        out.put("evaluations", (double) best.evaluations());
        return out;
    }
}
