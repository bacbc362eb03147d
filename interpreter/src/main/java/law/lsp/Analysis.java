package law.lsp;

import java.util.List;
import law.ast.Program;
import law.diag.Diagnostic;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.eval.Env;
import law.eval.Options;
import law.session.Outcome;
import law.session.Session;
import law.syntax.SpecParser;

/**
 * What checking one version of a document found: its syntax tree (empty when it has syntax
 * errors), the diagnostics of a check-mode run, and the definitions that run made.
 *
 * @param document    the document checked
 * @param source      its text as a source
 * @param program     its statements
 * @param diagnostics every diagnostic of the run (those in used files too)
 * @param env         the definitions after the run (fits are pending: not computed)
 * @param millis      how long the check took
 */
record Analysis(Document document, SourceFile source, Program program, List<Diagnostic> diagnostics, Env env,
                double millis) {

    /**
     * Checks a document in check mode with the given options (which must have {@code check} set).
     * Text with syntax errors runs nothing, so its definitions come from the statements above the
     * first error (what completion and hover can still use while a line is half typed).
     */
    static Analysis of(Document doc, Options options) {
        long t0 = System.nanoTime();
        SourceFile source = doc.source();
        Session session = new Session(options);
        Outcome o = session.run(source);
        Diagnostics syntax = new Diagnostics();
        Program program = SpecParser.parse(source, syntax);
        Env env = session.env();
        if (syntax.hasErrors()) {
            int first = syntax.all().stream().filter(Diagnostic::isError).mapToInt(d -> d.span().start()).min().orElse(0);
            int cut = source.lineStart(source.lineOf(first));
            Session before = new Session(options);
            before.run(new SourceFile(source.name(), source.path(), doc.text().substring(0, cut)));
            env = before.env();
            program = SpecParser.parse(new SourceFile(source.name(), source.path(), doc.text().substring(0, cut)),
                    new Diagnostics());
            program = new Program(source, program.statements());
        }
        return new Analysis(doc, source, program, o.diagnostics(), env, (System.nanoTime() - t0) / 1e6);
    }
}
