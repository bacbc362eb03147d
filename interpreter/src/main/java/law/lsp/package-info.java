/**
 * The language server ({@code law lsp}, Eclipse LSP4J over standard input and output): diagnostics
 * as you type from a check-mode {@code Session} ({@code law.eval.Options#check()}), hover,
 * completion, definitions and references (into used files and the stdlib), outline, rename,
 * formatting by {@code law.fmt} and did-you-mean fixes. Paths obey the same sandbox as the command
 * line: a document's own folder, the workspace folders and {@code --allow-path}.
 */
package law.lsp;
