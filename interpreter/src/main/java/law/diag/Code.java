package law.diag;

/**
 * The catalogue of diagnostic codes. A code is stable: once published it keeps its meaning, so
 * users can search for it and tests assert on it rather than on message text. The catalogue is
 * documented in {@code docs/errors.md}.
 */
public enum Code {
    // L00xx: the tool itself and its inputs
    /** A bug in law itself. */
    INTERNAL("L0001", "internal error"),
    /** A spec file or module file that does not exist. */
    FILE_NOT_FOUND("L0002", "file not found"),
    /** A spec file that cannot be read as UTF-8 text. */
    FILE_UNREADABLE("L0003", "file cannot be read"),
    /** A statement the interpreter parses but does not carry out yet. */
    NOT_SUPPORTED("L0004", "not supported"),
    /** A statement stopped by the user (Ctrl-C in the REPL). */
    CANCELLED("L0005", "cancelled"),
    /**
     * A command line that law cannot carry out: an unknown option or command, a bad option value,
     * a {@code --data NAME=PATH} for a dataset the spec does not define. Exit code 2.
     */
    USAGE("L0006", "invalid command line"),
    /**
     * A REPL {@code :command} that cannot be carried out: unknown or ambiguous, a missing or extra
     * argument, an argument it cannot use, or (in piped input) one that needs the prompt.
     */
    COMMAND("L0007", "invalid REPL command"),

    // L01xx: syntax
    /** A token that cannot stand where it stands. */
    UNEXPECTED_TOKEN("L0101", "unexpected token"),
    /** An opening bracket without its closing partner. */
    UNCLOSED_BRACKET("L0102", "unclosed bracket"),
    /** A string without its closing quote. */
    UNTERMINATED_STRING("L0103", "unterminated string"),
    /** A character that is not part of the language. */
    STRAY_CHARACTER("L0104", "stray character"),
    /** A number literal that does not denote a finite number. */
    BAD_NUMBER("L0105", "invalid number"),
    /** The input ended in the middle of a statement. */
    UNEXPECTED_END("L0106", "unexpected end of input"),
    /** An expression nested deeper than the parser allows. */
    TOO_DEEP("L0107", "expression too deeply nested"),

    // L02xx: names and declarations
    /** A name that is not defined. */
    UNKNOWN_NAME("L0201", "unknown name"),
    /** A call of something that is neither a builtin nor a law. */
    UNKNOWN_FUNCTION("L0202", "unknown function"),
    /** A call with the wrong number of arguments. */
    ARITY("L0203", "wrong number of arguments"),
    /** A name defined twice in one file. */
    DUPLICATE("L0204", "duplicate definition"),
    /** A parameter name that the law does not have. */
    UNKNOWN_PARAMETER("L0205", "unknown parameter"),
    /** A law name that is not defined. */
    UNKNOWN_LAW("L0206", "unknown law"),
    /** A dataset name that is not defined. */
    UNKNOWN_DATA("L0207", "unknown dataset"),
    /** A {@code use} of a module that does not exist. */
    UNKNOWN_MODULE("L0208", "unknown module"),
    /** Files that {@code use} each other in a cycle. */
    CYCLIC_USE("L0209", "cyclic use"),
    /** A field ({@code x.field}) that the value does not have. */
    UNKNOWN_FIELD("L0210", "unknown field"),
    /** A parameter domain that no value satisfies, or that contradicts another. */
    BAD_DOMAIN("L0211", "invalid parameter domain"),
    /** A name used as something it is not (a dataset called like a law, ...). */
    WRONG_KIND("L0212", "wrong kind of name"),
    /** A law variable and a parameter or two variables with one name. */
    NAME_CLASH("L0213", "name clash"),
    /** An option that the statement does not know, or a bad option value. */
    BAD_OPTION("L0214", "invalid option"),

    // L03xx: values
    /** An operation on a value of the wrong type (text in arithmetic, ...). */
    TYPE("L0301", "type mismatch"),
    /** A result that is not a finite number (division by zero, log of a negative number, ...). */
    NOT_FINITE("L0302", "not a finite number"),
    /** A law evaluated while some of its parameters have no value. */
    UNBOUND_PARAMETER("L0303", "parameter has no value"),
    /** A range that is empty or has a bad step. */
    BAD_RANGE("L0304", "invalid range"),
    /** An expression that must be a constant number but depends on unknowns. */
    NOT_CONSTANT("L0305", "not a constant"),

    // L04xx: data (the same codes as law.data.DataError)
    /** A data file that does not exist. */
    DATA_NOT_FOUND("L0401", "data file not found"),
    /** A data file that is not readable text. */
    DATA_UNREADABLE("L0402", "data file cannot be read"),
    /** A CSV or JSON file that does not parse. */
    DATA_MALFORMED("L0403", "malformed data file"),
    /** A data file without a header or rows. */
    DATA_EMPTY("L0404", "empty data"),
    /** A row with more or fewer cells than the header. */
    DATA_RAGGED("L0405", "ragged row"),
    /** Two columns with one name. */
    DATA_DUPLICATE_COLUMN("L0406", "duplicate column"),
    /** A column that the data does not have. */
    DATA_MISSING_COLUMN("L0407", "no such column"),
    /** A cell that is not a number where a number is needed. */
    DATA_NON_NUMERIC("L0408", "non-numeric cell"),
    /** A NaN or infinite cell under the policy {@code nan = error}. */
    DATA_NON_FINITE("L0409", "NaN or infinite cell"),
    /** A derived value that is not finite (log of a non-positive value, ...). */
    DATA_NON_FINITE_DERIVED("L0410", "derived value is not finite"),
    /** A numeric column used as text. */
    DATA_TEXT_EXPECTED("L0411", "numeric column used as text"),
    /** A data operation that cannot be carried out (dropping more rows than exist, ...). */
    DATA_INVALID("L0412", "invalid data operation"),

    // L05xx: expectations
    /** An {@code expect} whose value is outside its tolerance. */
    EXPECT_FAILED("L0501", "expectation failed"),

    // L06xx: fitting
    /** A fit with more free parameters than data points. */
    FIT_TOO_FEW_POINTS("L0601", "more parameters than points"),
    /** A law that is not a finite number at every start. */
    FIT_NOT_FINITE("L0602", "law not finite at the start"),
    /** A prediction or target that is zero or negative under log residuals. */
    FIT_NON_POSITIVE("L0603", "non-positive value under log residuals"),
    /** Parameters that the data cannot determine. */
    FIT_NOT_IDENTIFIABLE("L0604", "parameter not identifiable"),
    /** A fit that stopped at its iteration limit (a warning; the result is kept). */
    FIT_ITERATION_LIMIT("L0605", "fit stopped at the iteration limit"),
    /** A data value used by a fit that is not a finite number. */
    FIT_BAD_DATA("L0606", "data value not finite"),
    /** A weight that is negative or not finite. */
    FIT_BAD_WEIGHT("L0607", "invalid weight"),
    /** An uncertainty that could not be computed (a warning). */
    FIT_NO_UNCERTAINTY("L0608", "uncertainty not available"),

    /** The best start stopped where no step decreases the objective, yet its gradient is not small. */
    FIT_STALLED("L0609", "fit stalled off a stationary point"),
    /** A fit given both a {@code loss} and a {@code likelihood}: a likelihood fit has no separate loss. */
    FIT_LOSS_AND_LIKELIHOOD("L0610", "loss and likelihood together"),

    // L065x: fits by group and the IsoFLOP method
    /** Warning: one group of a fit by group failed; its row holds NaN and the other groups stand. */
    GROUP_FIT_FAILED("L0650", "a group's fit failed"),
    /** Warning: an IsoFLOP budget whose profile minimum lies at the edge of its sampled sizes. */
    ISOFLOP_EDGE("L0651", "IsoFLOP minimum at the edge"),
    /** Warning: an IsoFLOP budget with too few points (or sizes) for its profile. */
    ISOFLOP_TOO_FEW("L0652", "IsoFLOP budget with too few points"),
    /** Warning: an IsoFLOP budget whose profile has no interior minimum (opens downwards). */
    ISOFLOP_NO_MINIMUM("L0653", "IsoFLOP profile without a minimum"),
    /** Warning: exponents a + b far from 1 although C = 6ND should make them sum to 1. */
    ISOFLOP_EXPONENT_SUM("L0654", "IsoFLOP exponents do not sum to 1"),
    /** Fewer than two usable budgets: no power law can be fitted through the minima. */
    ISOFLOP_TOO_FEW_BUDGETS("L0655", "too few IsoFLOP budgets"),

    // L066x: bootstrap summaries
    /** Warning: a bootstrap standard deviation dominated by a few wild replicates (SD far above the robust spread). */
    BOOTSTRAP_WILD("L0660", "bootstrap dominated by wild replicates"),

    // L07xx: queries (minimize, optimal, solve, table, predict)
    /** A query names a variable that its law, objective or constraints do not have. */
    UNKNOWN_VARIABLE("L0701", "unknown query variable"),
    /** No point satisfies the constraints of an optimisation. */
    INFEASIBLE("L0702", "infeasible constraints"),
    /** A {@code solve} whose relation has no root in the searched domain. */
    NO_ROOT("L0703", "no root"),
    /** An optimum that runs off to infinity (or zero, for a positive variable). */
    UNBOUNDED("L0704", "unbounded optimum"),
    /** Warning: the optimum sits on a bound or an active inequality. */
    AT_BOUND("L0705", "optimum on a bound"),
    /** Warning: a query on a fitted law outside the range of the data it was fitted on. */
    EXTRAPOLATION("L0706", "extrapolation"),
    /** The optimiser stopped without meeting its tolerance. */
    NOT_CONVERGED("L0707", "optimisation did not converge"),
    /** Warning: a {@code solve} found several roots and reports the first. */
    SEVERAL_ROOTS("L0708", "several roots"),
    /** An {@code optimal ... at VAR} where no declared constraint mentions VAR. */
    NO_CONSTRAINT("L0709", "no constraint for variable"),
    /** A table's output file that cannot be written. */
    OUTPUT_FAILED("L0710", "cannot write output"),
    /** Warning: a confidence interval that cannot be computed (no covariance, failed replicates). */
    NO_INTERVAL("L0711", "no confidence interval"),
    /** Warning: {@code compare ... holdout} rows that were part of a compared fit's data. */
    HOLDOUT_SEEN("L0712", "held-out rows were fitted"),
    /** Warning: a variable of {@code minimize} that the objective and the relations do not depend on. */
    FLAT_OBJECTIVE("L0713", "objective does not depend on a variable"),

    // L072x: rollouts (backtests of a fit on a ladder of runs)
    /** A {@code rollout} of a law that no ungrouped fit statement of the session made (a saved fit, a group). */
    ROLLOUT_NOT_A_FIT("L0720", "rollout of a law that cannot be refitted"),
    /** A {@code rollout} whose ordering column has no more distinct values than {@code min_rungs}. */
    ROLLOUT_TOO_FEW_RUNGS("L0721", "too few rungs for a rollout"),
    /** Warning: a rollout's refit on a prefix of the rungs failed, so the next rungs are not predicted from it. */
    ROLLOUT_REFIT_FAILED("L0722", "a rollout's refit failed"),
    /** Warning: a rollout's refit cannot determine some parameters from its prefix, so its predictions are marked. */
    ROLLOUT_UNDETERMINED("L0723", "a rollout's refit cannot determine its parameters"),

    // L08xx: plots and exports
    /** A {@code plot} item that is not a law, {@code residuals}, {@code frontier} or {@code isoflop}. */
    PLOT_KIND("L0801", "unknown plot kind"),
    /** An output file whose extension the statement cannot write. */
    OUTPUT_FORMAT("L0802", "unsupported output format"),
    /** A plot or export output that cannot be written (no directory, no permission, ...). */
    OUTPUT_UNWRITABLE("L0803", "cannot write output file"),
    /** An output path that names a file the session reads (a data file or a spec). */
    OUTPUT_IS_INPUT("L0804", "output would overwrite an input"),
    /** A plot that has nothing to draw or lacks what it needs (data, a target column, a fit). */
    PLOT_INCOMPLETE("L0805", "incomplete plot"),
    /** An {@code export} of a value that the chosen format cannot hold. */
    EXPORT_KIND("L0806", "cannot export this value"),
    /** A saved fit ({@code use "fit.json"}) that is malformed or of an unknown schema. */
    SAVED_FIT("L0807", "invalid saved fit"),

    // L09xx: the sandbox and resource limits
    /** A path outside the spec's directory and the allowed directories. */
    PATH_OUTSIDE("L0901", "path outside the allowed directories"),
    /** Work larger than a resource limit (fit starts, bootstrap replicates), refused before it starts. */
    LIMIT("L0902", "resource limit exceeded");

    private final String id;
    private final String title;

    Code(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The code with a given identifier, or {@link #INTERNAL} when there is none. */
    public static Code byId(String id) {
        for (Code c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return INTERNAL;
    }

    /** The stable identifier, e.g. {@code L0201}. */
    public String id() {
        return id;
    }

    /** A short title for the catalogue. */
    public String title() {
        return title;
    }
}
