package law.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import law.eval.Options;
import law.lsp.LawServer;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The language server's latency: time from an edit ({@code didChange}) to its diagnostics
 * ({@code publishDiagnostics}) on the largest example, median and 95th percentile, with the
 * debounce given (default 150 ms, as {@code law lsp}) and the check alone (debounce 0).
 * Not a test; run it on a quiet machine:
 * <pre>
 * mvn -q -pl interpreter -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=law.bench.LspLatencyBench [-Dexec.args="examples/chinchilla_replication.law 40"]
 * </pre>
 */
public final class LspLatencyBench {
    private LspLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path spec = Path.of(args.length > 0 ? args[0] : "examples/chinchilla_replication.law").toAbsolutePath();
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path shared = Path.of(System.getProperty("law.shared", "../shared")).toAbsolutePath();
        for (long debounce : new long[] {0, 150}) {
            List<Double> ms = measure(spec, edits, debounce, shared);
            Collections.sort(ms);
            System.out.printf("%s, %d edits, debounce %d ms: median %.0f ms, p95 %.0f ms (edit to diagnostics)%n",
                    spec.getFileName(), ms.size(), debounce, ms.get(ms.size() / 2),
                    ms.get((int) Math.ceil(0.95 * ms.size()) - 1));
        }
        System.exit(0);
    }

    private static List<Double> measure(Path spec, int edits, long debounce, Path shared) throws Exception {
        BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
        LawServer server = new LawServer(Options.defaults().withAllowedPaths(List.of(shared)), debounce);
        server.connect(new LanguageClient() {
            public void telemetryEvent(Object o) { }
            public void publishDiagnostics(PublishDiagnosticsParams p) { published.add(p); }
            public void showMessage(MessageParams p) { }
            public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
                return CompletableFuture.completedFuture(null);
            }
            public void logMessage(MessageParams p) { }
        });
        server.initialize(new InitializeParams()).get();
        String uri = spec.toUri().toString();
        String text = Files.readString(spec);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "law", 0, text)));
        published.poll(60, TimeUnit.SECONDS);
        List<Double> out = new ArrayList<>();
        int line = (int) text.lines().count() - 1;
        for (int i = 1; i <= edits + 5; i++) {
            String edit = i % 2 == 1 ? "# edit " + i + "\n" : "";
            Range at = new Range(new Position(line, 0), new Position(line, 0));
            long t0 = System.nanoTime();
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, i), List.of(new TextDocumentContentChangeEvent(at, edit))));
            PublishDiagnosticsParams p;
            do {
                p = published.poll(60, TimeUnit.SECONDS);
            } while (p != null && p.getVersion() != i);
            if (i > 5) {
                out.add((System.nanoTime() - t0) / 1e6);
            }
        }
        server.shutdown().get();
        return out;
    }
}
