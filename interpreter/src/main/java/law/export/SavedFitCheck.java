package law.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import law.model.Domain;
import law.model.Param;
import law.report.Fmt;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * What a saved fit must satisfy to be used: every parameter value inside its domain, a covariance
 * that is finite, symmetric and positive semi-definite, bootstrap replicates inside the domains,
 * standard errors that agree with the covariance, and a {@code content_hash} that says whether the
 * file was changed after law wrote it. A hand-edited value outside its domain or a covariance of
 * -1e6 would otherwise answer queries with nonsense intervals.
 */
final class SavedFitCheck {
    /** The document field holding the hash of everything else. */
    static final String HASH = "content_hash";
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private SavedFitCheck() {
    }

    /** Thrown with the sentence that says what is wrong; the reader turns it into L0807. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String what) {
            super(what, null, false, false);
        }
    }

    /** {@code "sha256:..."} of the document without its {@code content_hash}, as compact JSON. */
    static String hash(JsonNode doc) {
        ObjectNode copy = ((ObjectNode) doc).deepCopy();
        copy.remove(HASH);
        try {
            byte[] bytes = COMPACT.writeValueAsString(copy).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("hashing a JSON tree cannot fail", e);
        }
    }

    /** Null when the document's hash matches, else why it does not (missing, or changed). */
    static String hashProblem(JsonNode doc) {
        JsonNode h = doc.get(HASH);
        if (h == null || !h.isTextual()) {
            return "has no \"" + HASH + "\", so changes made to it after it was written cannot be detected";
        }
        return h.asText().equals(hash(doc)) ? null
                : "was changed after law wrote it (its \"" + HASH + "\" does not match its content)";
    }

    /** Every parameter value lies in its domain (its ends included: a fit may stop on a bound). */
    static void values(List<Param> params, Map<String, Double> values) throws Invalid {
        for (Param p : params) {
            double x = values.get(p.name());
            if (Double.isNaN(x) || !closure(p.domain(), x)) {
                throw new Invalid(p.name() + " = " + Fmt.num(x) + " is outside its domain " + p.name() + " "
                        + p.domain().describe());
            }
        }
    }

    private static boolean closure(Domain d, double x) {
        return x >= d.lo() && x <= d.hi();
    }

    /** A covariance: finite, symmetric, with a non-negative diagonal and no negative eigenvalue. */
    static void covariance(double[][] c, List<String> names) throws Invalid {
        covariance(c, names, "covariance");
    }

    /**
     * A correlation matrix (kept where the covariance has no double): a covariance with a unit
     * diagonal.
     */
    static void correlation(double[][] r, List<String> names) throws Invalid {
        covariance(r, names, "correlation");
        for (int j = 0; j < r.length; j++) {
            if (Math.abs(r[j][j] - 1) > 1e-12) {
                throw new Invalid("\"correlation\" has " + Fmt.num(r[j][j]) + " for " + names.get(j) + " with itself, "
                        + "not 1");
            }
        }
    }

    /** {@code c}, the field {@code key} of the file, is a covariance. */
    private static void covariance(double[][] c, List<String> names, String key) throws Invalid {
        String q = "\"" + key + "\"";
        int m = c.length;
        double[] sd = new double[m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                if (!Double.isFinite(c[j][k])) {
                    throw new Invalid(q + " holds " + Fmt.num(c[j][k]) + " (row " + (j + 1) + ", column "
                            + (k + 1) + "); a covariance is finite");
                }
            }
            if (c[j][j] < 0) {
                throw new Invalid("the variance of " + names.get(j) + " in " + q + " is negative ("
                        + Fmt.num(c[j][j]) + ")");
            }
            sd[j] = Math.sqrt(c[j][j]);
        }
        double[][] r = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                double scale = sd[j] * sd[k];
                if (Math.abs(c[j][k] - c[k][j]) > 1e-9 * Math.max(scale, Double.MIN_NORMAL)) {
                    throw new Invalid(q + " is not symmetric (row " + (j + 1) + ", column " + (k + 1) + ")");
                }
                if (scale == 0 && c[j][k] != 0) {
                    throw new Invalid(q + " has a covariance of " + names.get(j) + " and " + names.get(k)
                            + " although one of them has variance 0");
                }
                r[j][k] = scale == 0 ? (j == k ? 1 : 0) : (c[j][k] + c[k][j]) / 2 / scale;
            }
        }
        double[] ev = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(r)).getEigenvalues();
        for (double e : ev) {
            if (e < -1e-8) {
                throw new Invalid(q + " is not positive semi-definite (its correlation matrix has the "
                        + "eigenvalue " + Fmt.num(e, 4) + "), so it is not a covariance");
            }
        }
    }

    /**
     * The standard errors in {@code parameter_fields} are the square roots of the covariance's
     * diagonal; without a covariance (none, or a variance with no double) each is positive or nan.
     */
    static void standardErrors(double[][] c, List<String> names, Map<String, Map<String, Double>> fields)
            throws Invalid {
        for (int j = 0; j < names.size(); j++) {
            Double se = fields.get(names.get(j)).get("se");
            if (c == null) { // no covariance to check against: a variance with no double (near 1e300), or none at all
                if (se != null && !Double.isNaN(se) && !(se > 0 && Double.isFinite(se))) {
                    throw new Invalid("\"parameter_fields." + names.get(j) + ".se\" is " + Fmt.num(se)
                            + ", not a positive number");
                }
                continue;
            }
            double want = Math.sqrt(c[j][j]);
            boolean same = se == null || (Double.isNaN(se) && Double.isNaN(want))
                    || Math.abs(se - want) <= 1e-9 * Math.max(Math.abs(want), Double.MIN_NORMAL);
            if (!same) {
                throw new Invalid("\"parameter_fields." + names.get(j) + ".se\" is " + Fmt.num(se)
                        + " but the covariance gives " + Fmt.num(want));
            }
        }
    }

    /** Each replicate's values lie in the domains (a failed replicate is all NaN). */
    static void bootstrap(double[][] boot, List<String> names, Map<String, Param> params) throws Invalid {
        for (int b = 0; b < boot.length; b++) {
            for (int j = 0; j < names.size(); j++) {
                double x = boot[b][j];
                Param p = params.get(names.get(j));
                if (!Double.isNaN(x) && !closure(p.domain(), x)) {
                    throw new Invalid("bootstrap replicate " + (b + 1) + " has " + names.get(j) + " = " + Fmt.num(x)
                            + ", outside its domain " + names.get(j) + " " + p.domain().describe());
                }
            }
        }
    }

    /** A variable range is a finite interval, min no larger than max. */
    static void range(String var, double[] r) throws Invalid {
        if (!(Double.isFinite(r[0]) && Double.isFinite(r[1]) && r[0] <= r[1])) {
            throw new Invalid("\"variable_ranges." + var + "\" must be [min, max] with min <= max, not ["
                    + Fmt.num(r[0]) + ", " + Fmt.num(r[1]) + "]");
        }
    }
}
