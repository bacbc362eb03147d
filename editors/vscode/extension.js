// The law extension: starts `law lsp` (the setting law.path, else `law` on the PATH) and shows the
// stdlib's modules as read-only documents (law-stdlib:/NAME.law).
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('law');
  const command = config.get('path') || 'law';
  const args = ['lsp'];
  for (const dir of config.get('allowPaths') || []) {
    args.push('--allow-path', dir);
  }
  const serverOptions = { command, args };
  const clientOptions = {
    documentSelector: [{ language: 'law' }],
    initializationOptions: { virtualDocuments: true },
  };
  client = new LanguageClient('law', 'law', serverOptions, clientOptions);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider('law-stdlib', {
    provideTextDocumentContent: (uri) => client.sendRequest('law/stdlib', { uri: uri.toString() }),
  }));
  context.subscriptions.push(vscode.commands.registerCommand('law.runCheck', () => {
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === 'law') {
      return client.sendRequest('workspace/executeCommand', {
        command: 'law.check', arguments: [editor.document.uri.toString()],
      });
    }
    return undefined;
  }));
  client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
