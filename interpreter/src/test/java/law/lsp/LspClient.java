package law.lsp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import law.eval.Options;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A language client for tests: it speaks JSON-RPC over a loopback socket to a {@link LawServer} running in
 * the same process, and keeps the diagnostics the server publishes.
 */
final class LspClient implements LanguageClient, AutoCloseable {
    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final BlockingQueue<MessageParams> messages = new LinkedBlockingQueue<>();
    final LanguageServer server;
    private final Socket clientSide;
    private final Socket serverSide;

    /**
     * Connects over a loopback socket. (Not over {@code PipedInputStream}s: a pipe breaks for its
     * reader once the thread that last wrote to it has ended, as the thread that runs a
     * {@code law.check} command does.)
     */
    LspClient(Options options, long debounce) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            clientSide = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            serverSide = listener.accept();
        }
        LawServer impl = new LawServer(options, debounce);
        Launcher<LanguageClient> s = LSPLauncher.createServerLauncher(impl, serverSide.getInputStream(),
                serverSide.getOutputStream());
        impl.connect(s.getRemoteProxy());
        s.startListening();
        Launcher<LanguageServer> c = LSPLauncher.createClientLauncher(this, clientSide.getInputStream(),
                clientSide.getOutputStream());
        c.startListening();
        server = c.getRemoteProxy();
    }

    /** The next diagnostics published for {@code uri} (waiting at most 60 s). */
    PublishDiagnosticsParams next(String uri) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            PublishDiagnosticsParams p = diagnostics.poll(1, TimeUnit.SECONDS);
            if (p != null && p.getUri().equals(uri)) {
                return p;
            }
        }
        throw new AssertionError("no diagnostics for " + uri);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams p) {
        diagnostics.add(p);
    }

    @Override
    public void showMessage(MessageParams p) {
        messages.add(p);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams p) {
    }

    @Override
    public void close() throws IOException {
        clientSide.close();
        serverSide.close();
    }
}
