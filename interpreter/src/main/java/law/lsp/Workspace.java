package law.lsp;

import com.google.gson.JsonPrimitive;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The workspace side: the {@code law.check} command (its argument: the document's URI). */
final class Workspace implements WorkspaceService {
    private final LawServer server;

    Workspace(LawServer server) {
        this.server = server;
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (!LawServer.CHECK_COMMAND.equals(params.getCommand()) || params.getArguments() == null
                || params.getArguments().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Object arg = params.getArguments().get(0);
        String uri = arg instanceof JsonPrimitive p ? p.getAsString() : String.valueOf(arg).replace("\"", "");
        return CompletableFuture.supplyAsync(() -> server.check(uri));
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    }
}
