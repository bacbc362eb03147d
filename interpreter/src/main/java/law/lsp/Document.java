package law.lsp;

import java.nio.file.Path;
import java.util.List;
import law.diag.SourceFile;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * An open document: its URI, version and text. Immutable; an edit gives a new document.
 *
 * @param uri     the document's URI
 * @param version the client's version number
 * @param text    the full text
 */
record Document(String uri, int version, String text) {

    /** The file the document is, or {@code null} for one that has no file (untitled, stdlib). */
    Path path() {
        return Uris.path(uri);
    }

    /** The document as a source: named by its path when it has one. */
    SourceFile source() {
        Path p = path();
        return new SourceFile(p != null ? p.toString() : uri, p, text);
    }

    /** The document after the client's changes (whole text or ranges, applied in order). */
    Document edit(int newVersion, List<TextDocumentContentChangeEvent> changes) {
        String t = text;
        for (TextDocumentContentChangeEvent c : changes) {
            if (c.getRange() == null) {
                t = c.getText();
            } else {
                SourceFile s = SourceFile.of(uri, t);
                int from = Positions.offset(s, c.getRange().getStart());
                int to = Positions.offset(s, c.getRange().getEnd());
                t = t.substring(0, from) + c.getText() + t.substring(Math.max(from, to));
            }
        }
        return new Document(uri, newVersion, t);
    }
}
