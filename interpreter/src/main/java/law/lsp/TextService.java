package law.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The document requests, each answered from the check of the document's current version. */
final class TextService implements TextDocumentService {
    private final LawServer server;

    TextService(LawServer server) {
        this.server = server;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams p) {
        var d = p.getTextDocument();
        server.opened(new Document(d.getUri(), d.getVersion(), d.getText()));
    }

    @Override
    public void didChange(DidChangeTextDocumentParams p) {
        Document old = server.document(p.getTextDocument().getUri());
        if (old != null) {
            server.opened(old.edit(p.getTextDocument().getVersion(), p.getContentChanges()));
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams p) {
        server.closed(p.getTextDocument().getUri());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams p) {
    }

    /** Answers from the check of a document's current version; {@code empty} when it is not open. */
    private <T> CompletableFuture<T> with(String uri, T empty, Function<Analysis, T> f) {
        return server.analysis(uri).thenApply(a -> a == null ? empty : f.apply(a));
    }

    private static int offset(Analysis a, Position p) {
        return Positions.offset(a.source(), p);
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams p) {
        String uri = p.getTextDocument().getUri();
        return with(uri, null, a -> Hovers.at(a, offset(a, p.getPosition()), server.run(uri)));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams p) {
        return with(p.getTextDocument().getUri(), Either.forLeft(List.of()), a -> Either.forLeft(
                Completions.at(a, offset(a, p.getPosition()), server.options().allowedPaths())));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams p) {
        return with(p.getTextDocument().getUri(), Either.forLeft(List.of()), a -> Either.forLeft(
                new Navigation(server.uris()).definition(a, offset(a, p.getPosition()))));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams p) {
        boolean decl = p.getContext() == null || p.getContext().isIncludeDeclaration();
        return with(p.getTextDocument().getUri(), List.of(), a -> new Navigation(server.uris())
                .references(a, offset(a, p.getPosition()), server.all(), decl));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams p) {
        return with(p.getTextDocument().getUri(), List.of(), a -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            Navigation.outline(a).forEach(s -> out.add(Either.forRight(s)));
            return out;
        });
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams p) {
        return with(p.getTextDocument().getUri(), null, a -> {
            int at = offset(a, p.getPosition());
            Occurrence o = Occurrence.at(Occurrence.all(a.program()), at);
            if (o == null || new Navigation(server.uris()).rename(a, at, o.ident().text()) == null) {
                return null;
            }
            return Either3.forFirst(Positions.range(o.ident().span()));
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams p) {
        return with(p.getTextDocument().getUri(), null, a -> {
            WorkspaceEdit e = new Navigation(server.uris()).rename(a, offset(a, p.getPosition()), p.getNewName());
            if (e == null) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest,
                        "only a name defined in this file can be renamed here", null));
            }
            return e;
        });
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams p) {
        Document d = server.document(p.getTextDocument().getUri());
        return CompletableFuture.completedFuture(d == null ? List.of() : Edits.format(d, null));
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams p) {
        Document d = server.document(p.getTextDocument().getUri());
        return CompletableFuture.completedFuture(d == null ? List.of() : Edits.format(d, p.getRange()));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams p) {
        Document d = server.document(p.getTextDocument().getUri());
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        if (d != null && p.getContext() != null && p.getContext().getDiagnostics() != null) {
            Edits.fixes(d, p.getContext().getDiagnostics()).forEach(f -> out.add(Either.forRight(f)));
        }
        return CompletableFuture.completedFuture(out);
    }
}
