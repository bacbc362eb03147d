package law.fmt;

import java.util.List;
import law.ast.Program;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.diag.Span;
import law.syntax.Lexeme;
import law.syntax.Lexemes;
import law.syntax.SpecParser;

/**
 * {@code law fmt}: one canonical layout for {@code .law} files. Only whitespace changes: the line
 * breaks, {@code ;}s, comments and {@code ##} documentation stay where they are written. Every result is checked to parse to the same syntax tree as the input;
 * a file with syntax errors, or one the formatter could not keep equal, is left as it is.
 */
public final class Formatter {

    /**
     * What formatting a source gave.
     *
     * @param text        the formatted text, or {@code null} when the source was left as it is
     * @param diagnostics why it was left as it is (syntax errors), possibly empty
     */
    public record Result(String text, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        /** True when the source could be formatted. */
        public boolean ok() {
            return text != null;
        }
    }

    private Formatter() {
    }

    /** Formats a source. */
    public static Result format(SourceFile source) {
        Diagnostics diagnostics = new Diagnostics();
        Program before = SpecParser.parse(source, diagnostics);
        if (diagnostics.hasErrors()) {
            return new Result(null, diagnostics.all().stream().filter(Diagnostic::isError).toList());
        }
        List<Lexeme> lexemes = Lexemes.parse(source.text());
        if (lexemes == null) {
            return refused(source, "the parser and the formatter disagree about this file");
        }
        String text = Layout.print(Lines.of(source, lexemes));
        if (text.equals(source.text())) { // already canonical: the same text has the same tree
            return new Result(text, List.of());
        }
        Diagnostics again = new Diagnostics();
        Program after = SpecParser.parse(new SourceFile(source.name(), source.path(), text), again);
        String diff = again.hasErrors() ? "program" : SameTree.difference(before.statements(), after.statements(),
                "statements");
        if (diff != null) {
            return refused(source, "formatting would change what this file means (at " + diff + ")");
        }
        return new Result(text, List.of());
    }

    /** Formats a text that comes from no file (an editor buffer, standard input). */
    public static Result format(String name, String text) {
        return format(SourceFile.of(name, text));
    }

    private static Result refused(SourceFile source, String why) {
        return new Result(null, List.of(Diagnostic.error(Code.INTERNAL, new Span(source, 0, 0), why + "; it was left as it is")
                .withHelp("this is a bug in law fmt; please report it with the file")));
    }
}
