package law.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import law.appendix.Appendices;
import law.appendix.Appendix;
import law.appendix.Render;
import law.session.ExitCode;
import law.session.Outcome;
import law.session.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code law report FILE}: runs the file like {@code law check} and prints the appendix of its fits
 * and IsoFLOP analyses (see {@link law.appendix}). Diagnostics go to standard error; the exit code
 * is the run's, so a report of a file whose expectations fail still prints and exits 1.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Run a .law file and print the appendix of its fits and IsoFLOP analyses: form, counting "
                + "conventions, data and dropped rows, loss, optimiser, starts, bounds, uncertainty, "
                + "extrapolation, data hashes.")
final class Report implements Callable<Integer> {
    @CommandLine.Mixin
    Main.Common common = new Main.Common();

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
        Main.Common common = top == null ? this.common : this.common.after(top.common);
        if (top != null && top.refusesEval("report")) {
            return ExitCode.USAGE;
        }
        Render.Format f = common.json ? Render.Format.JSON : switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "text", "txt" -> Render.Format.TEXT;
            case "markdown", "md" -> Render.Format.MARKDOWN;
            case "latex", "tex" -> Render.Format.LATEX;
            case "json" -> Render.Format.JSON;
            default -> null;
        };
        if (f == null) {
            Streams.err().println("error: --format is text, markdown or latex (or --json), not '" + format + "'");
            Streams.err().println("  = help: run 'law report --help' for usage");
            return ExitCode.USAGE;
        }
        Printer printer = new Printer(Streams.out(), Streams.err(), common.color(), false, false);
        Session session = new Session(common.options().withQuiet(true)).onDiagnostic(printer::diagnostic);
        Outcome o = session.runFile(file);
        if (o.exitCode() == ExitCode.NO_INPUT) {
            return o.exitCode();
        }
        Appendix appendix = Appendices.of(file.toString(), session, o);
        String text = Render.render(appendix, f);
        if (output == null) {
            Streams.out().print(law.diag.Escape.text(text)); // a spec's strings reach the terminal escaped
        } else {
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                Streams.err().println("error: cannot write " + output + ": " + e.getMessage());
                return ExitCode.CANT_CREATE;
            }
        }
        return o.exitCode();
    }
}
