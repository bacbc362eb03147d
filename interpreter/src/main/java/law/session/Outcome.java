package law.session;

import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.eval.Result;

/**
 * What running some statements produced: results, diagnostics, and the exit status they imply.
 *
 * @param results     what the statements printed, in order
 * @param diagnostics every error, warning and note, in order
 * @param passed      expectations that held
 * @param failed      expectations that failed
 */
public record Outcome(List<Result> results, List<Diagnostic> diagnostics, int passed, int failed) {

    public Outcome {
        results = List.copyOf(results);
        diagnostics = List.copyOf(diagnostics);
    }

    /** This outcome with {@code more} diagnostics after its own (found once its statements had run). */
    public Outcome with(List<Diagnostic> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
        all.addAll(more);
        return new Outcome(results, all, passed, failed);
    }

    /** True when some diagnostic is an error other than a failed expectation. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.isError() && d.code() != Code.EXPECT_FAILED);
    }

    /** The process exit code this outcome implies (see {@link ExitCode}). */
    public int exitCode() {
        if (diagnostics.stream().anyMatch(d -> d.isError() && d.code() == Code.INTERNAL)) {
            return ExitCode.INTERNAL;
        }
        if (diagnostics.stream().anyMatch(d -> d.isError() && d.code() == Code.USAGE)) {
            return ExitCode.USAGE;
        }
        if (diagnostics.stream().anyMatch(d -> d.isError() && ExitCode.isMissingInput(d.code()))) {
            return ExitCode.NO_INPUT;
        }
        if (hasErrors()) {
            return ExitCode.SPEC_ERROR;
        }
        return failed > 0 ? ExitCode.EXPECT_FAILED : ExitCode.OK;
    }
}
