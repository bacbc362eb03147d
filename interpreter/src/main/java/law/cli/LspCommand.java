package law.cli;

import java.util.concurrent.Callable;
import law.lsp.LawServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code law lsp}: the language server over standard input and output (JSON-RPC). Specs may read
 * under their own folder, the workspace folders and {@code --allow-path} directories.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Run the language server on standard input and output (for editors).")
final class LspCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Common common = new Common();

    @Option(names = "--debounce", paramLabel = "MS", description = "Check this long after the last edit (default: ${DEFAULT-VALUE}).")
    long debounce = 150;

    @Override
    public Integer call() throws Exception {
        LawServer server = new LawServer(common.options(), Math.max(0, debounce));
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, System.in, System.out);
        server.connect(launcher.getRemoteProxy());
        launcher.startListening().get();
        return 0;
    }
}
