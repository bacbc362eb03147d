package law.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import law.appendix.Appendices;
import law.appendix.Appendix;
import law.appendix.Render;
import law.report.Version;
import law.session.ExitCode;
import law.session.Outcome;
import law.session.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code law report FILE}: runs the file like {@code law check} and prints the appendix of its fits
 * and IsoFLOP analyses (see {@link law.appendix}). Diagnostics go to standard error, or under
 * {@code --json} into the one document it prints (also when the file is missing or the report
 * cannot be written); the exit code is the run's, so a report of a file whose expectations fail
 * still prints and exits 1.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Run a .law file and print the appendix of its fits and IsoFLOP analyses: form, counting "
                + "conventions, data and dropped rows, loss, optimiser, starts, bounds, uncertainty, "
                + "extrapolation, data hashes.")
final class Report implements Callable<Integer> {
    @CommandLine.Mixin
    Common common = new Common();

    @Parameters(arity = "1", paramLabel = "FILE", description = "The .law file to report on.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), markdown or latex; --json for JSON.")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the report to OUT instead of standard output.")
    Path output;

    @CommandLine.ParentCommand
    Main top;

    @Override
    public Integer call() {
        Common common = top == null ? this.common : this.common.after(top.common);
        if (top != null && top.refusesEval("report")) {
            return ExitCode.USAGE;
        }
        Integer refused = common.refused();
        if (refused != null) {
            return refused;
        }
        Render.Format f = common.json ? Render.Format.JSON : switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "text", "txt" -> Render.Format.TEXT;
            case "markdown", "md" -> Render.Format.MARKDOWN;
            case "latex", "tex" -> Render.Format.LATEX;
            case "json" -> Render.Format.JSON;
            default -> null;
        };
        if (f == null) {
            return UsageErrors.print(common.argv, common.argv.optionValue("--format", format, format.length()),
                    "--format is text, markdown or latex (or --json), not '" + format + "'",
                    "run 'law report --help' for usage");
        }
        boolean json = f == Render.Format.JSON;
        // under --json every diagnostic is in the document, none on stderr (as law --json run)
        Printer printer = new Printer(Streams.out(), Streams.err(), common.color(), json, false);
        Path folder = output == null ? null : output.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) { // found before the spec runs, not after
            Appendix none = new Appendix(file.toString(), Version.get(), List.of(), List.of());
            return unwritable(printer, common, json ? none : null, "its folder does not exist");
        }
        Session session = Overrides.guard(new Session(common.options().withQuiet(true)).onDiagnostic(printer::diagnostic),
                common);
        Outcome o = session.runFile(file, common.argv.find(file.toString()));
        if (!json && (o.exitCode() == ExitCode.NO_INPUT || o.exitCode() == ExitCode.USAGE)) {
            return o.exitCode(); // nothing ran: no appendix, the diagnostic is on stderr
        }
        Appendix appendix = Appendices.of(file.toString(), session, o);
        String text = Render.render(appendix, f);
        if (output == null) {
            print(text);
        } else {
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return unwritable(printer, common, json ? appendix : null, why(e));
            }
        }
        return o.exitCode();
    }

    /** Prints a report on standard output, a spec's strings escaped for the terminal. */
    private static void print(String text) {
        Streams.out().print(law.diag.Escape.text(text));
    }

    /**
     * Error {@code L0803} at the {@code -o} argument: on stderr, or under {@code --json} in
     * {@code appendix}'s document, printed on standard output instead of the file; returns exit 73.
     */
    private int unwritable(Printer printer, Common common, Appendix appendix, String why) {
        law.diag.Diagnostic d = law.diag.Diagnostic.error(law.diag.Code.OUTPUT_UNWRITABLE,
                common.argv.find(output.toString()), "cannot write the report to " + output + ": " + why);
        if (appendix != null) {
            print(Render.render(appendix.with(d), Render.Format.JSON));
        } else {
            printer.diagnostic(d);
        }
        return ExitCode.CANT_CREATE;
    }

    private static String why(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : String.valueOf(e.getMessage());
    }
}
