package law.repl;

import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.SourceFile;
import law.diag.Span;

/**
 * A {@code :command} as typed, with where its word and argument stand in the source (the entry at
 * the prompt, or its line of piped input), so a problem with it is a diagnostic with a caret.
 *
 * @param source the line the command was typed on
 * @param word   the command's name as typed, without the colon ({@code sh} for {@code :sh})
 * @param arg    everything after the word, stripped ({@code ""} when nothing follows)
 * @param wordAt the colon and the word
 * @param argAt  the argument, or the word when there is none
 */
record Typed(SourceFile source, String word, String arg, Span wordAt, Span argAt) {
    /** Reads the command in {@code source}, whose first character that is not a space is the colon. */
    static Typed of(SourceFile source) {
        String t = source.text();
        int colon = t.indexOf(':');
        int end = skip(t, colon + 1, false);
        int from = skip(t, end, true);
        int to = t.length();
        while (to > from && Character.isWhitespace(t.charAt(to - 1))) {
            to--;
        }
        Span word = new Span(source, colon, end);
        return new Typed(source, t.substring(colon + 1, end), t.substring(from, to), word,
                from < to ? new Span(source, from, to) : word);
    }

    /** The first index from {@code i} whose character is not (or, {@code spaces} false, is) whitespace. */
    private static int skip(String t, int i, boolean spaces) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i)) == spaces) {
            i++;
        }
        return i;
    }

    /** The whole command, word and argument. */
    Span whole() {
        return wordAt.to(argAt);
    }

    /** An error {@code L0007} at {@code at} (a span of this command). */
    Diagnostic error(Span at, String message, String help) {
        return Diagnostic.error(Code.COMMAND, at, message).withHelp(help);
    }
}
