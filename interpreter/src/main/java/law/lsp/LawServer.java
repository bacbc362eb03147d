package law.lsp;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import law.eval.Modules;
import law.eval.Options;
import law.report.Version;
import law.session.Outcome;
import law.session.Session;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The {@code law lsp} server: open documents are checked in check mode (debounced), their
 * diagnostics published, and requests answered from the latest check. The command
 * {@code law.check} runs a document for real (fits included) so hovers can show fitted values.
 */
public final class LawServer implements LanguageServer, LanguageClientAware {
    /** The command that runs a document as {@code law check} does. */
    public static final String CHECK_COMMAND = "law.check";

    private final Options base;
    private final long delay;
    private final Map<String, Document> docs = new ConcurrentHashMap<>();
    private final Map<String, Analysis> analyses = new ConcurrentHashMap<>();
    private final Map<String, Hovers.Run> runs = new ConcurrentHashMap<>();
    private final List<Path> roots = new ArrayList<>();
    private final TextService text = new TextService(this);
    private final Checker checker;
    private volatile LanguageClient client;
    private volatile Uris uris = new Uris(true, null);

    /**
     * A server whose checks use {@code options} (their allowed paths, data overrides and limits;
     * check mode is set here) and start {@code delayMillis} after the last edit.
     */
    public LawServer(Options options, long delayMillis) {
        this.base = options.withCheck(true).withQuiet(true).withThreads(1);
        this.delay = delayMillis;
        this.checker = new Checker(doc -> Analysis.of(doc, options()), this::publish, delay);
    }

    /** The options of a check: the session's, plus the workspace folders as allowed paths. */
    Options options() {
        List<Path> allowed = new ArrayList<>(base.allowedPaths());
        synchronized (roots) {
            allowed.addAll(roots);
        }
        return base.withAllowedPaths(allowed);
    }

    @Override
    public void connect(LanguageClient c) {
        this.client = c;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        addRoots(params);
        boolean virtual = params.getInitializationOptions() instanceof JsonObject o && o.has("virtualDocuments")
                && o.get("virtualDocuments").getAsBoolean();
        String home = System.getenv("XDG_CACHE_HOME");
        Path cache = home != null ? Path.of(home, "law") : Path.of(System.getProperty("user.home"), ".cache", "law");
        uris = new Uris(virtual, cache);
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(), new ServerInfo("law", Version.get())));
    }

    /** The workspace folders (or the root) the client opened, where used files and data may be read. */
    private void addRoots(InitializeParams params) {
        synchronized (roots) {
            if (params.getWorkspaceFolders() != null) {
                for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                    Path p = Uris.path(f.getUri());
                    if (p != null) {
                        roots.add(p);
                    }
                }
            } else if (params.getRootUri() != null && Uris.path(params.getRootUri()) != null) {
                roots.add(Uris.path(params.getRootUri()));
            }
        }
    }

    /** What the server offers: incremental sync, hover, completion, navigation, rename, formatting, fixes, check. */
    private static ServerCapabilities capabilities() {
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        caps.setHoverProvider(true);
        caps.setCompletionProvider(new CompletionOptions(false, List.of(".", " ", "(", "{", ",")));
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setRenameProvider(new RenameOptions(true));
        caps.setDocumentFormattingProvider(true);
        caps.setDocumentRangeFormattingProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(CHECK_COMMAND)));
        return caps;
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        checker.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        checker.shutdown();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return text;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new Workspace(this);
    }

    /** {@code law/stdlib}: the text of a stdlib module's read-only document ({@code law-stdlib:/NAME.law}). */
    @JsonRequest("law/stdlib")
    public CompletableFuture<String> stdlib(JsonObject params) {
        String uri = params.has("uri") ? params.get("uri").getAsString() : "";
        String module = uris.module(uri);
        law.diag.SourceFile s = module == null ? null : Modules.stdlib(module);
        return CompletableFuture.completedFuture(s == null ? null : s.text());
    }

    // ------------------------------------------------------------------ state shared with the services

    Uris uris() {
        return uris;
    }

    void opened(Document d) {
        docs.put(d.uri(), d);
        checker.changed(d);
    }

    Document document(String uri) {
        return docs.get(uri);
    }

    void closed(String uri) {
        docs.remove(uri);
        analyses.remove(uri);
        runs.remove(uri);
        checker.closed(uri);
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    /** The check of a document's current version (started now if it was waiting). */
    CompletableFuture<Analysis> analysis(String uri) {
        return checker.latest(uri);
    }

    /** The latest check of every open document. */
    List<Analysis> all() {
        return new ArrayList<>(analyses.values());
    }

    Hovers.Run run(String uri) {
        return runs.get(uri);
    }

    private void publish(Analysis a) {
        analyses.put(a.document().uri(), a);
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(a.document().uri(), Reports.of(a), a.document().version()));
        }
    }

    /** Runs a document as {@code law check} does and keeps its definitions for hovers. */
    Object check(String uri) {
        Document d = docs.get(uri);
        if (d == null) {
            return null;
        }
        Options full = options().withCheck(false).withThreads(Runtime.getRuntime().availableProcessors());
        Session session = new Session(full);
        Outcome o = session.run(d.source());
        runs.put(uri, new Hovers.Run(d.text(), session.env(), LocalTime.now()));
        String summary = "law check " + (d.path() == null ? uri : d.path().getFileName()) + ": " + o.passed()
                + " expectation" + (o.passed() == 1 ? "" : "s") + " held, " + o.failed() + " failed"
                + (o.hasErrors() ? ", with errors" : "");
        LanguageClient c = client;
        if (c != null) {
            c.showMessage(new MessageParams(o.exitCode() == 0 ? MessageType.Info : MessageType.Warning, summary));
        }
        return summary;
    }
}
