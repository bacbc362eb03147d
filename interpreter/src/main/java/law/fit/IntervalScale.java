package law.fit;

/**
 * The scale on which a parameter's confidence interval {@code estimate +- t se} is taken, chosen
 * by its domain ({@link Transform}) so that the interval never leaves the domain:
 *
 * <ul>
 *   <li>{@link #LINEAR}: {@code p +- t se}, for an unbounded parameter;</li>
 *   <li>{@link #LOG}: on the log of the distance to the bound of a domain bounded on one side, as
 *       the fit's coordinate is ({@code p = lo + exp(u)} or {@code hi - exp(u)}), by the delta method:
 *       {@code lo + d exp(+- t se / d)}, {@code d = p - lo} (mirrored below an upper bound);</li>
 *   <li>{@link #LOGIT}: on the logit of {@code q = (p - lo) / (hi - lo)} for a parameter in an
 *       interval, by the delta method: {@code logit q +- t se_l} with
 *       {@code se_l = se / (p - lo) + se / (hi - p)}, mapped back; the fit's coordinate there is
 *       {@code p} itself within its box, so the logit is the interval's scale only;</li>
 *   <li>{@link #CLIPPED}: for an estimate at a bound of its domain ({@link Transform#atBound}),
 *       where the log or logit standard error is infinite or meaningless (the estimate's distribution
 *       piles up on the bound): {@code p +- t se} cut at the domain's ends, so one end is the bound.</li>
 * </ul>
 * A parameter without a finite standard error is {@link #LINEAR} (its interval is NaN).
 */
enum IntervalScale {
    /** {@code p +- t se}. */
    LINEAR("linear"),
    /** On the log of the distance to the one bound. */
    LOG("log"),
    /** On the logit of the position within the interval. */
    LOGIT("logit"),
    /** {@code p +- t se} cut at the domain's ends: the estimate sits on a bound. */
    CLIPPED("clipped");

    /** The word in the report's {@code scale} column and {@code --json}'s {@code ci_scale}. */
    final String word;

    IntervalScale(String word) {
        this.word = word;
    }

    /** The scale of the interval of estimate {@code p} with standard error {@code se} in the domain of {@code t}. */
    static IntervalScale of(Transform t, double p, double se) {
        if (!Double.isFinite(se) || !t.bounded()) {
            return LINEAR;
        }
        if (t.atBound(p) || !(p > t.lo() && p < t.hi())) {
            return CLIPPED;
        }
        return t.interval() ? LOGIT : LOG;
    }

    /** The interval {@code {low, high}} of estimate {@code p} with standard error {@code se} and quantile {@code q}. */
    static double[] interval(Transform t, double p, double se, double q) {
        double h = q * se;
        switch (of(t, p, se)) {
            case LOG -> {
                boolean below = t.lo() != Double.NEGATIVE_INFINITY;
                double d = below ? p - t.lo() : t.hi() - p;
                double near = d * Math.exp(-h / d);
                double far = d * Math.exp(h / d);
                return below ? new double[] {t.lo() + near, t.lo() + far} : new double[] {t.hi() - far, t.hi() - near};
            }
            case LOGIT -> {
                double l = Math.log(p - t.lo()) - Math.log(t.hi() - p);
                double hl = h / (p - t.lo()) + h / (t.hi() - p);
                return new double[] {expit(t, l - hl), expit(t, l + hl)};
            }
            case CLIPPED -> {
                return new double[] {Math.max(t.lo(), p - h), Math.min(t.hi(), p + h)};
            }
            default -> {
                return new double[] {p - h, p + h};
            }
        }
    }

    /** {@code lo + (hi - lo) / (1 + exp(-l))}, the parameter whose logit position is {@code l}, kept within the ends. */
    private static double expit(Transform t, double l) {
        double w = t.hi() - t.lo();
        double p = l >= 0 ? t.hi() - w / (1 + Math.exp(l)) : t.lo() + w / (1 + Math.exp(-l));
        return Math.min(t.hi(), Math.max(t.lo(), p));
    }
}
