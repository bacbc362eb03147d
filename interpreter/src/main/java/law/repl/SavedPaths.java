package law.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import law.ast.DataSource;
import law.ast.Expr;
import law.ast.Stmt;
import law.diag.Span;

/**
 * The file paths written in a statement ({@code csv("...")}, {@code json("...")}, {@code use "..."}
 * and the {@code -> "..."} outputs of {@code table}, {@code plot} and {@code export}) and how to
 * write them again relative to another directory, so a saved session reads the same files from
 * wherever it is saved.
 */
final class SavedPaths {
    private SavedPaths() {
    }

    /**
     * A path literal of a statement.
     *
     * @param start offset of its opening quote in the statement's saved text
     * @param end   offset after its closing quote
     * @param value the path as written
     * @param data  the dataset it is read into, or {@code null} (a {@code --data} override replaces it)
     */
    record Literal(int start, int end, String value, String data) {
    }

    /** One path as written and as it will be saved. */
    record Rewrite(String from, String to) {
    }

    /** The path literals of {@code s}, with offsets shifted by {@code shift} (the length of its doc comment). */
    static List<Literal> of(Stmt s, int shift) {
        int at = s.span().start() - shift;
        List<Literal> out = new ArrayList<>();
        if (s instanceof Stmt.Data d && d.source() instanceof DataSource.Call c
                && List.of("csv", "json").contains(c.kind().text()) && c.args().size() == 1
                && c.args().get(0).value() instanceof Expr.Str str) {
            out.add(literal(str.span(), at, str.value(), d.name().text()));
        } else if (s instanceof Stmt.Use u && u.path()) {
            String text = u.span().text();
            int open = text.indexOf('"');
            int close = text.lastIndexOf('"');
            if (open >= 0 && close > open) {
                out.add(new Literal(u.span().start() + open - at, u.span().start() + close + 1 - at, u.target(), null));
            }
        } else if (s instanceof Stmt.Table t && t.output() != null) {
            out.add(literal(t.outputSpan(), at, t.output(), null));
        } else if (s instanceof Stmt.Plot p) {
            out.add(literal(p.outputSpan(), at, p.output(), null));
        } else if (s instanceof Stmt.Export e) {
            out.add(literal(e.outputSpan(), at, e.output(), null));
        }
        return out;
    }

    private static Literal literal(Span sp, int at, String value, String data) {
        return new Literal(sp.start() - at, sp.end() - at, value, data);
    }

    /**
     * {@code file} written relative to {@code dir} with forward slashes; absolute when the two share
     * nothing but the root ({@code /tmp/x} from {@code /home/me}), where a relative path would only
     * climb to the root and back.
     */
    static String relative(Path file, Path dir) {
        if (file.getNameCount() == 0 || dir.getNameCount() == 0 || !file.getName(0).equals(dir.getName(0))) {
            return file.toString();
        }
        try {
            String r = dir.relativize(file).toString().replace('\\', '/');
            return r.isEmpty() ? "." : r;
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    /** A string literal of the language holding {@code value}. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
