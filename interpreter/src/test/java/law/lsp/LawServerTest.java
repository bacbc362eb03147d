package law.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import law.SharedData;
import law.eval.Options;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The language server spoken to over JSON-RPC, as an editor would (a test waiting over 2 minutes fails). */
@Timeout(120)
class LawServerTest {
    @TempDir
    Path dir;
    private LspClient client;

    @BeforeEach
    void start() throws Exception {
        client = new LspClient(Options.defaults().withAllowedPaths(List.of(SharedData.root())), 20);
        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "ws")));
        JsonObject opts = new JsonObject();
        opts.addProperty("virtualDocuments", true);
        init.setInitializationOptions(opts);
        InitializeResult r = client.server.initialize(init).get();
        assertTrue(r.getCapabilities().getHoverProvider().getLeft());
        assertEquals("law", r.getServerInfo().getName());
        client.server.initialized(new InitializedParams());
    }

    @AfterEach
    void stop() throws Exception {
        client.server.shutdown().get();
        client.close();
    }

    private String open(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        String uri = p.toUri().toString();
        client.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "law", 1, text)));
        return uri;
    }

    private static String csv() {
        return SharedData.file("chinchilla/svg_extracted_data.csv").toString().replace("\\", "/");
    }

    @Test
    void publishesDiagnosticsWithRangeCodeAndHelpAndFixesThem() throws Exception {
        String uri = open("spec.law", "law f(N) = A / N^alhpa {\n  A > 0\n  alpha > 0\n}\n");
        PublishDiagnosticsParams p = client.next(uri);
        assertFalse(p.getDiagnostics().isEmpty(), p.toString());
        Diagnostic d = p.getDiagnostics().get(0);
        assertEquals("L0201", d.getCode().getLeft());
        assertEquals(new Range(new Position(0, 17), new Position(0, 22)), d.getRange());
        assertTrue(d.getMessage().startsWith("unknown name 'alhpa'\nhelp: did you mean 'alpha'?"), d.getMessage());

        List<CodeAction> fixes = client.server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(uri), d.getRange(), new CodeActionContext(List.of(d)))).get()
                .stream().map(e -> e.getRight()).toList();
        assertEquals(1, fixes.size());
        assertEquals("Replace 'alhpa' with 'alpha'", fixes.get(0).getTitle());
        TextEdit edit = fixes.get(0).getEdit().getChanges().get(uri).get(0);
        assertEquals("alpha", edit.getNewText());
        assertEquals(d.getRange(), edit.getRange());

        VersionedTextDocumentIdentifier v = new VersionedTextDocumentIdentifier(uri, 2);
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(v,
                List.of(new TextDocumentContentChangeEvent(d.getRange(), "alpha"))));
        PublishDiagnosticsParams after = client.next(uri);
        assertEquals(List.of(), after.getDiagnostics(), "the edit fixed it");
        assertEquals(2, after.getVersion());
    }

    @Test
    void syntaxErrorsAndDataErrorsToo() throws Exception {
        String uri = open("bad.law", "let x = (1 +\n");
        Diagnostic d = client.next(uri).getDiagnostics().get(0);
        assertEquals("L0102", d.getCode().getLeft());
        String data = open("data.law", "data runs = csv(\"" + csv() + "\") {\n  N = `Model Sise`\n}\n");
        Diagnostic missing = client.next(data).getDiagnostics().get(0);
        assertEquals("L0407", missing.getCode().getLeft());
        assertEquals(1, missing.getRange().getStart().getLine());
        assertTrue(missing.getMessage().contains("did you mean 'Model Size'?"), missing.getMessage());
        CodeAction fix = client.server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(data), missing.getRange(), new CodeActionContext(List.of(missing)))).get()
                .get(0).getRight();
        assertEquals("`Model Size`", fix.getEdit().getChanges().get(data).get(0).getNewText());
    }

    @Test
    void hoverShowsALawsDocFormulaAndParameters() throws Exception {
        String uri = open("h.law", "use chinchilla\nlet l = epoch2024(70B, 1.4T)\n");
        client.next(uri);
        Hover h = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(1, 10))).get();
        String text = h.getContents().getRight().getValue();
        assertTrue(text.contains("Besiroglu"), text);
        assertTrue(text.contains("alpha"), text);
        assertTrue(text.contains("0.3478"), text);
        Hover data = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(1, 5))).get();
        assertTrue(data.getContents().getRight().getValue().contains("let l = 1.97"), data.getContents().getRight().getValue());
    }

    @Test
    void completesColumnsOfARealCsvFromItsHeader() throws Exception {
        String text = "data runs = csv(\"" + csv() + "\") {\n  N = \n}\n";
        String uri = open("c.law", text);
        client.next(uri);
        List<CompletionItem> items = complete(uri, new Position(1, 6));
        CompletionItem size = items.stream().filter(i -> i.getLabel().equals("Model Size")).findFirst().orElseThrow(
                () -> new AssertionError(items.stream().map(CompletionItem::getLabel).toList().toString()));
        assertEquals("`Model Size`", size.getInsertText());
        assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("loss")));
        assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("Training FLOP")));
    }

    @Test
    void completesModulesOptionsParametersAndFields() throws Exception {
        String text = "use chin\nlaw h = epoch2024 with {  }\nfit e = chinchilla(N, D) ~ L in d {\n  \n}\nprint epoch2024.\n";
        String uri = open("o.law", text.replace("use chin", "use chinchilla"));
        client.next(uri);
        assertTrue(labels(complete(uri, new Position(0, 8))).contains("chinchilla"));
        assertTrue(labels(complete(uri, new Position(1, 25))).contains("alpha"));
        assertTrue(labels(complete(uri, new Position(3, 2))).containsAll(List.of("bootstrap", "loss", "start")));
        assertTrue(labels(complete(uri, new Position(5, 16))).contains("beta"));
    }

    private List<CompletionItem> complete(String uri, Position at) throws Exception {
        return client.server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), at))
                .get().getLeft();
    }

    private static List<String> labels(List<CompletionItem> items) {
        return items.stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void definitionReferencesRenameAndOutline() throws Exception {
        Files.writeString(dir.resolve("lib.law"), "## A power law.\nlaw power(N) = A / N^alpha { A > 0, alpha > 0 }\n");
        String uri = open("main.law", "use \"lib.law\"\nuse chinchilla\nlaw p2 = power with { A = 2, alpha = 0.5 }\n"
                + "print p2(10), p2(100)\nprint hoffmann2022(1B, 20B)\n");
        client.next(uri);
        var docs = client.server.getTextDocumentService();
        Location lib = docs.definition(new DefinitionParams(new TextDocumentIdentifier(uri), new Position(2, 11))).get()
                .getLeft().get(0);
        assertEquals(dir.resolve("lib.law").toUri().toString(), lib.getUri());
        assertEquals(new Range(new Position(1, 4), new Position(1, 9)), lib.getRange());
        Location std = docs.definition(new DefinitionParams(new TextDocumentIdentifier(uri), new Position(4, 8))).get()
                .getLeft().get(0);
        assertEquals("law-stdlib:/chinchilla.law", std.getUri());
        JsonObject req = new JsonObject();
        req.addProperty("uri", std.getUri());
        List<? extends Location> refs = docs.references(new ReferenceParams(new TextDocumentIdentifier(uri),
                new Position(3, 7), new ReferenceContext(true))).get();
        assertEquals(3, refs.size(), refs.toString());
        WorkspaceEdit rename = docs.rename(new RenameParams(new TextDocumentIdentifier(uri), new Position(2, 5), "half")).get();
        assertEquals(3, rename.getChanges().get(uri).size());
        List<DocumentSymbol> outline = docs.documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))).get()
                .stream().map(e -> e.getRight()).toList();
        assertEquals("p2", outline.get(0).getName());
    }

    @Test
    void formatsTheDocument() throws Exception {
        String uri = open("f.law", "law f(N)=A/N^alpha{A>0\nalpha>0}\nlet x=1");
        client.next(uri);
        List<? extends TextEdit> edits = client.server.getTextDocumentService().formatting(new DocumentFormattingParams(
                new TextDocumentIdentifier(uri), new FormattingOptions(2, true))).get();
        String text = apply("law f(N)=A/N^alpha{A>0\nalpha>0}\nlet x=1", edits);
        assertEquals("law f(N) = A / N^alpha { A > 0\n  alpha > 0 }\nlet x = 1\n", text);
    }

    @Test
    void aFitIsNotRunAsYouTypeButAfterACheck() throws Exception {
        String text = "data d = table {\n  x, y\n  1, 2.1\n  2, 3.9\n  3, 6.2\n  4, 7.9\n}\n"
                + "law line(x) = k * x + m { k, m }\nfit f = line(x) ~ y in d { residual = linear }\nprint f.k\n";
        String uri = open("fit.law", text);
        assertEquals(List.of(), client.next(uri).getDiagnostics());
        var docs = client.server.getTextDocumentService();
        Position onFit = new Position(9, 6);
        String before = docs.hover(new HoverParams(new TextDocumentIdentifier(uri), onFit)).get().getContents().getRight().getValue();
        assertTrue(before.contains("law check"), before);
        client.server.getWorkspaceService().executeCommand(new org.eclipse.lsp4j.ExecuteCommandParams(LawServer.CHECK_COMMAND,
                List.of(uri))).get();
        String after = docs.hover(new HoverParams(new TextDocumentIdentifier(uri), onFit)).get().getContents().getRight().getValue();
        assertTrue(after.contains("k") && after.contains("from the `law check` run"), after);
        assertFalse(after.contains("stale"), after);
    }

    /** Applies edits (non-overlapping, any order) to a text. */
    static String apply(String text, List<? extends TextEdit> edits) {
        law.diag.SourceFile s = law.diag.SourceFile.of("t", text);
        List<? extends TextEdit> sorted = edits.stream().sorted((a, b) -> Integer.compare(
                Positions.offset(s, b.getRange().getStart()), Positions.offset(s, a.getRange().getStart()))).toList();
        String out = text;
        for (TextEdit e : sorted) {
            int from = Positions.offset(s, e.getRange().getStart());
            int to = Positions.offset(s, e.getRange().getEnd());
            out = out.substring(0, from) + e.getNewText() + out.substring(to);
        }
        assertNotNull(out);
        return out;
    }
}
