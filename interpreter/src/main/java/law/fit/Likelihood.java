package law.fit;

import law.report.Fmt;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * The density of a fit's residuals under {@code likelihood = ...}: a location-scale family
 * {@code p(r) = exp(-rho(r / sigma)) / (Z sigma)} with its exact normaliser {@code Z}, so that
 * {@code -log p(r) = rho(z) + log sigma + log Z}, {@code z = r / sigma}. The fit maximises the sum
 * of {@code w_i log p(r_i)} over the law's parameters and {@code sigma} together.
 *
 * <ul>
 *   <li>{@code normal}: {@code rho = z^2 / 2}, {@code Z = sqrt(2 pi)};</li>
 *   <li>{@code laplace}: {@code rho = |z|}, {@code Z = 2};</li>
 *   <li>{@code huber(delta)}: {@code rho = } Huber's loss with threshold delta,
 *       {@code Z = sqrt(2 pi) erf(delta / sqrt 2) + 2 exp(-delta^2 / 2) / delta} (Besiroglu et al. 2024);</li>
 *   <li>{@code student_t(nu)}: {@code rho = (nu + 1) / 2 log(1 + z^2 / nu)},
 *       {@code Z = Gamma(nu / 2) sqrt(nu pi) / Gamma((nu + 1) / 2)}, nu fixed.</li>
 * </ul>
 *
 * @param kind  which density
 * @param param delta of huber, nu of student_t; 0 for the others
 */
public record Likelihood(Kind kind, double param) {

    /** The densities. */
    public enum Kind {
        /** Normal errors. */
        NORMAL("normal"),
        /** Huber's density: normal in the middle, exponential tails. */
        HUBER("huber"),
        /** Laplace (double exponential) errors: the fit is least absolute deviations. */
        LAPLACE("laplace"),
        /** Student's t errors with fixed degrees of freedom. */
        STUDENT_T("student_t");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The name as written in a {@code fit} block. */
        public String word() {
            return word;
        }

        /** Whether it is written with one number: {@code huber(1e-3)}. */
        public boolean takesParameter() {
            return this == HUBER || this == STUDENT_T;
        }
    }

    /** {@code rho(z)}. */
    public double rho(double z) {
        double a = Math.abs(z);
        return switch (kind) {
            case NORMAL -> 0.5 * z * z;
            case LAPLACE -> a;
            case HUBER -> a <= param ? 0.5 * z * z : param * (a - 0.5 * param);
            case STUDENT_T -> 0.5 * (param + 1) * Math.log1p(z * z / param);
        };
    }

    /** {@code psi(z) = rho'(z)} (the sign of z for laplace, 0 at 0). */
    public double psi(double z) {
        return switch (kind) {
            case NORMAL -> z;
            case LAPLACE -> Math.signum(z);
            case HUBER -> Math.max(-param, Math.min(param, z));
            case STUDENT_T -> (param + 1) * z / (param + z * z);
        };
    }

    /** {@code psi'(z)} (one-sided at Huber's kinks; 0 for laplace away from 0). */
    public double dpsi(double z) {
        return switch (kind) {
            case NORMAL -> 1;
            case LAPLACE -> 0;
            case HUBER -> Math.abs(z) <= param ? 1 : 0;
            case STUDENT_T -> {
                double q = param + z * z;
                yield (param + 1) * (param - z * z) / (q * q);
            }
        };
    }

    /** {@code log Z}, the log of the normaliser of {@code exp(-rho(z))}. */
    public double logNormaliser() {
        return switch (kind) {
            case NORMAL -> 0.5 * Math.log(2 * Math.PI);
            case LAPLACE -> Math.log(2);
            case HUBER -> Math.log(core() + 2 * Math.exp(-0.5 * param * param) / param);
            case STUDENT_T -> Gamma.logGamma(0.5 * param) + 0.5 * Math.log(param * Math.PI)
                    - Gamma.logGamma(0.5 * (param + 1));
        };
    }

    /** {@code log p(r)} with scale {@code sigma}. */
    public double logDensity(double r, double sigma) {
        return -rho(r / sigma) - Math.log(sigma) - logNormaliser();
    }

    /** {@code int_{-delta}^{delta} exp(-z^2/2) dz} of Huber's density. */
    private double core() {
        return Math.sqrt(2 * Math.PI) * Erf.erf(param / Math.sqrt(2));
    }

    /**
     * The Fisher information of a location per unit weight, times {@code sigma^2}:
     * {@code E[psi(Z)^2]} under the density (1 for normal and laplace, {@code (nu+1)/(nu+3)} for t,
     * {@code P(|Z| <= delta)} for huber).
     */
    public double locationInformation() {
        return switch (kind) {
            case NORMAL, LAPLACE -> 1;
            case HUBER -> core() / Math.exp(logNormaliser());
            case STUDENT_T -> (param + 1) / (param + 3);
        };
    }

    /**
     * The Fisher information of {@code log sigma} per unit weight: {@code E[(psi(Z) Z - 1)^2]}
     * (2 for normal, 1 for laplace, {@code 2 nu / (nu + 3)} for t; huber in closed form).
     */
    public double scaleInformation() {
        return switch (kind) {
            case NORMAL -> 2;
            case LAPLACE -> 1;
            case STUDENT_T -> 2 * param / (param + 3);
            case HUBER -> {
                double d = param;
                double e = Math.exp(-0.5 * d * d);
                double z = Math.exp(logNormaliser());
                double z4core = 3 * (core() - 2 * d * e) - 2 * d * d * d * e; // int z^4 exp(-z^2/2) over the core
                double z2tail = 2 * e * (d + 2 / d + 2 / (d * d * d));        // int z^2 exp(d^2/2 - d|z|) over the tails
                yield (z4core + d * d * z2tail) / z - 1;
            }
        };
    }

    /** The standard deviation of {@code Z} (infinite for t with nu <= 2). */
    public double standardDeviation() {
        return switch (kind) {
            case NORMAL -> 1;
            case LAPLACE -> Math.sqrt(2);
            case STUDENT_T -> param > 2 ? Math.sqrt(param / (param - 2)) : Double.POSITIVE_INFINITY;
            case HUBER -> {
                double d = param;
                double e = Math.exp(-0.5 * d * d);
                yield Math.sqrt((core() + 4 * e / d + 4 * e / (d * d * d)) / Math.exp(logNormaliser()));
            }
        };
    }

    /** As written: {@code huber(0.001)}. */
    public String describe() {
        return kind.takesParameter() ? kind.word() + "(" + Fmt.num(param) + ")" : kind.word();
    }
}
