package law.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import law.diag.SourceFile;
import law.fmt.Diff;
import law.fmt.Formatter;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/** Formatting edits (from {@code law fmt}, line by line) and the did-you-mean quick fixes. */
final class Edits {
    private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean '([^']+)'\\?");

    private Edits() {
    }

    /**
     * The edits formatting a document, or only the lines {@code [fromLine, toLine]} (0-based) when
     * {@code range} is given; none when the text has syntax errors.
     */
    static List<TextEdit> format(Document doc, Range range) {
        SourceFile s = doc.source();
        Formatter.Result r = Formatter.format(s);
        List<TextEdit> out = new ArrayList<>();
        if (!r.ok()) {
            return out;
        }
        String text = doc.text();
        int lines = Diff.lines(text).size();
        boolean touchedEnd = false;
        for (Diff.Change c : Diff.changes(text, r.text())) {
            int last = Math.max(c.from(), c.to() - 1);
            if (range != null && (last < range.getStart().getLine() || c.from() > range.getEnd().getLine())) {
                continue;
            }
            int from = c.from() < lines ? s.lineStart(c.from() + 1) : text.length();
            int to = c.to() < lines ? s.lineStart(c.to() + 1) : text.length();
            StringBuilder repl = new StringBuilder();
            c.lines().forEach(l -> repl.append(l).append('\n'));
            if (from == text.length() && !text.isEmpty() && !text.endsWith("\n")) {
                repl.insert(0, '\n').setLength(repl.length() - 1);
            }
            touchedEnd |= to == text.length();
            out.add(new TextEdit(Positions.range(s, from, to), repl.toString()));
        }
        if (!touchedEnd && !text.isEmpty() && !text.endsWith("\n") && (range == null || range.getEnd().getLine() >= lines - 1)) {
            out.add(new TextEdit(Positions.range(s, text.length(), text.length()), "\n"));
        }
        return out;
    }

    /** The suggestion of a diagnostic's {@code help: did you mean 'x'?}, or {@code null}. */
    static String suggestion(String help) {
        if (help == null) {
            return null;
        }
        Matcher m = DID_YOU_MEAN.matcher(help);
        return m.find() ? m.group(1) : null;
    }

    /** A quick fix for each did-you-mean diagnostic among those the client sent. */
    static List<CodeAction> fixes(Document doc, List<Diagnostic> diagnostics) {
        List<CodeAction> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            Object data = d.getData();
            String suggestion = data == null ? suggestion(d.getMessage()) : suggestion("did you mean '"
                    + (data instanceof com.google.gson.JsonPrimitive p ? p.getAsString() : data.toString().replace("\"", ""))
                    + "'?");
            if (suggestion == null) {
                continue;
            }
            SourceFile s = doc.source();
            String old = s.text().substring(Positions.offset(s, d.getRange().getStart()),
                    Positions.offset(s, d.getRange().getEnd()));
            String replacement = old.startsWith("`") ? "`" + suggestion + "`" : Names.quoted(suggestion);
            CodeAction fix = new CodeAction("Replace '" + old.replace("`", "") + "' with '" + suggestion + "'");
            fix.setKind(CodeActionKind.QuickFix);
            fix.setDiagnostics(List.of(d));
            fix.setIsPreferred(true);
            fix.setEdit(new WorkspaceEdit(java.util.Map.of(doc.uri(), List.of(new TextEdit(d.getRange(), replacement)))));
            out.add(fix);
        }
        return out;
    }
}
