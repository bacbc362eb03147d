package law.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import law.diag.Diagnostic;
import law.diag.Renderer;
import law.diag.SourceFile;
import law.eval.Failure;
import law.eval.Modules;
import law.fmt.Diff;
import law.fmt.Formatter;
import law.fmt.Sources;
import law.session.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code law fmt FILE...}: rewrites files in the canonical layout; {@code --check} only says
 * which would change (exit 1), {@code --diff} prints the changes, {@code -} formats standard input
 * to standard output. Exit codes: 0, 1 (with {@code --check} or {@code --diff}: a file would
 * change), 2 usage, 65 a file has syntax errors (it is left as it is), 66 a file is missing or
 * unreadable, 73 a file cannot be written, 70 the formatter could not keep a file's meaning (a bug; the file is left as it is).
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = "Rewrite .law files in the canonical layout (folders: every .law file in them; '-': stdin to stdout).")
final class FmtCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to format, or '-' for standard input.")
    List<Path> files;

    @Option(names = "--check", description = "Change nothing; list the files that would change and exit 1 if any would.")
    boolean check;

    @Option(names = "--diff", description = "Change nothing; print what would change as a unified diff (exit 1 if anything would).")
    boolean diff;

    @Option(names = "--color", negatable = true, description = "Colour diagnostics (default: when on a terminal).")
    Boolean color;

    @picocli.CommandLine.ParentCommand
    Main top;

    private Argv argv() {
        return top != null ? top.common.argv : new Argv();
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = Streams.out();
        Renderer renderer = new Renderer(color != null ? color : System.console() != null && System.getenv("NO_COLOR") == null);
        if (files.size() == 1 && files.get(0).toString().equals("-")) {
            byte[] bytes = System.in.readAllBytes();
            SourceFile source;
            try {
                source = Modules.decodeSpec(bytes, "<stdin>", null);
            } catch (Failure e) {
                Streams.err().print(renderer.render(e.diagnostic()));
                out.write(bytes, 0, bytes.length); // a filter gives back what it cannot format, byte for byte
                out.flush();
                return ExitCode.NO_INPUT;
            }
            return one(source, null, renderer, out);
        }
        int exit = ExitCode.OK;
        int changed = 0;
        List<Path> all = Sources.expand(files);
        for (Path f : all) {
            SourceFile source;
            try {
                source = Modules.readSpec(f, f.toString(), null);
            } catch (Failure e) {
                Streams.err().print(renderer.render(argv().placed(e.diagnostic(), f.toString())));
                exit = Main.worse(exit, ExitCode.NO_INPUT);
                continue;
            }
            int r;
            try {
                r = one(source, f, renderer, out);
            } catch (IOException e) {
                Streams.err().print(renderer.render(argv().placed(Diagnostic.error(
                        law.diag.Code.OUTPUT_UNWRITABLE, null, "cannot write " + f + ": " + e.getMessage()), f.toString())));
                exit = Main.worse(exit, ExitCode.CANT_CREATE);
                continue;
            }
            changed += r == ExitCode.EXPECT_FAILED ? 1 : 0;
            exit = Main.worse(exit, r);
        }
        if (check && changed > 0) {
            Streams.err().println(changed + " of " + all.size() + " file" + (all.size() == 1 ? "" : "s")
                    + " would be reformatted; run: law fmt " + String.join(" ", files.stream().map(Path::toString).toList()));
        }
        return exit;
    }

    /** Formats one source; returns 1 when it changed (or would), else another exit code. */
    private int one(SourceFile source, Path file, Renderer renderer, PrintStream out) throws IOException {
        Formatter.Result r = Formatter.format(source);
        if (!r.ok()) {
            for (Diagnostic d : r.diagnostics()) {
                Streams.err().print(renderer.render(d));
            }
            boolean internal = r.diagnostics().stream().anyMatch(d -> d.code() == law.diag.Code.INTERNAL);
            if (file == null) {
                out.print(source.text());
            }
            return internal ? ExitCode.INTERNAL : ExitCode.SPEC_ERROR;
        }
        boolean same = r.text().equals(source.text());
        if (diff) {
            out.print(Diff.unified(source.name(), source.text(), r.text()));
        } else if (check) {
            if (!same) {
                out.println(source.name());
            }
        } else if (file == null) {
            out.print(r.text());
        } else if (!same) {
            write(file, r.text());
        }
        return !same && (check || diff) ? ExitCode.EXPECT_FAILED : ExitCode.OK;
    }

    /** Replaces a file atomically, keeping its permissions. */
    private static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException | NoSuchFileException e) {
                // not a POSIX file system: the default permissions will do
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
