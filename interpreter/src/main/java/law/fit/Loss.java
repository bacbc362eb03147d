package law.fit;

import law.report.Fmt;

/**
 * A loss on one residual {@code r}. Every loss is about {@code r^2 / 2} near zero, so the summed
 * objective of {@code squared} is half the residual sum of squares and the robust losses are
 * comparable with it (the convention of scipy's {@code least_squares} and {@code scipy.special.huber}).
 *
 * @param kind  which loss
 * @param scale its parameter: delta of huber, s of soft_l1 and cauchy, k of overestimate; 0 for squared
 */
public record Loss(Kind kind, double scale) {

    /** The loss functions. */
    public enum Kind {
        /** {@code r^2 / 2}. */
        SQUARED("squared"),
        /** {@code r^2 / 2} for {@code |r| <= d}, else {@code d (|r| - d / 2)}. */
        HUBER("huber"),
        /** {@code s^2 (sqrt(1 + (r/s)^2) - 1)}. */
        SOFT_L1("soft_l1"),
        /** {@code s^2 / 2 log(1 + (r/s)^2)}. */
        CAUCHY("cauchy"),
        /** {@code r^2 / 2} for {@code r <= 0}, {@code k r^2 / 2} above: over-prediction costs k times more. */
        OVERESTIMATE("overestimate");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The name as written in a {@code fit} block. */
        public String word() {
            return word;
        }
    }

    /** The default: squared loss. */
    public static final Loss SQUARED = new Loss(Kind.SQUARED, 0);

    /** The loss at {@code r}. */
    public double rho(double r) {
        switch (kind) {
            case SQUARED:
                return 0.5 * r * r;
            case HUBER: {
                double a = Math.abs(r);
                return a <= scale ? 0.5 * r * r : scale * (a - 0.5 * scale);
            }
            case SOFT_L1: {
                double z = r / scale;
                return scale * scale * (Math.sqrt(1 + z * z) - 1);
            }
            case CAUCHY: {
                double z = r / scale;
                return 0.5 * scale * scale * Math.log1p(z * z);
            }
            default:
                return (r > 0 ? 0.5 * scale : 0.5) * r * r;
        }
    }

    /** The first derivative at {@code r}. */
    public double d1(double r) {
        switch (kind) {
            case SQUARED:
                return r;
            case HUBER:
                return Math.abs(r) <= scale ? r : Math.copySign(scale, r);
            case SOFT_L1: {
                double z = r / scale;
                return r / Math.sqrt(1 + z * z);
            }
            case CAUCHY: {
                double z = r / scale;
                return r / (1 + z * z);
            }
            default:
                return r > 0 ? scale * r : r;
        }
    }

    /** The second derivative at {@code r} (one-sided where the loss has a kink in its curvature). */
    public double d2(double r) {
        switch (kind) {
            case SQUARED:
                return 1;
            case HUBER:
                return Math.abs(r) <= scale ? 1 : 0;
            case SOFT_L1: {
                double z = r / scale;
                double q = 1 + z * z;
                return 1 / (q * Math.sqrt(q));
            }
            case CAUCHY: {
                double z2 = (r / scale) * (r / scale);
                return (1 - z2) / ((1 + z2) * (1 + z2));
            }
            default:
                return r > 0 ? scale : 1;
        }
    }

    /**
     * Huber's threshold when the loss is Huber's or squared (the case {@code delta = inf}), for
     * {@link #huber}; NaN for the other losses.
     */
    double huberThreshold() {
        return kind == Kind.SQUARED ? Double.POSITIVE_INFINITY : kind == Kind.HUBER ? scale : Double.NaN;
    }

    /**
     * Huber's loss at a finite residual {@code r} ({@code delta = inf}: squared loss) without a
     * branch on the data, {@code q (|r| - q/2)} with {@code q = min(|r|, delta)}: the same double
     * as {@link #rho} ({@code |r| - |r|/2} is exact), where the branch would mispredict on points
     * either side of delta.
     */
    static double huberRho(double r, double delta) {
        double ar = Math.abs(r);
        double q = Math.min(ar, delta);
        return q * (ar - 0.5 * q);
    }

    /**
     * Huber's loss at a finite residual {@code r} with weight {@code w}, branch-free: with
     * {@code q = min(|r|, delta)}, {@code rho = q (|r| - q/2)}, {@code psi = sign(r) q},
     * {@code psi' = [|r| <= delta]} and {@code psi/r = q/|r|} (1 at {@code r = 0}). Writes
     * {@code w psi}, {@code w psi'} and {@code w psi/r} into {@code psi[i]}, {@code curv[i]} and
     * {@code irls[i]} and returns {@code w rho}: the per-point weights of the objective's sums for
     * the fit ({@link Sums}) and for variable projection's inner solve ({@link Regression}) alike.
     */
    static double huber(double r, double w, double delta, double[] psi, double[] curv, double[] irls, int i) {
        double ar = Math.abs(r);
        double q = Math.min(ar, delta);
        psi[i] = w * Math.copySign(q, r);
        curv[i] = ar <= delta ? w : 0;
        irls[i] = ar > 0 ? w * q / ar : w;
        return w * q * (ar - 0.5 * q);
    }

    /** The loss as written: {@code huber(0.001)}. */
    public String describe() {
        return kind == Kind.SQUARED ? "squared" : kind.word() + "(" + Fmt.num(scale) + ")";
    }
}
