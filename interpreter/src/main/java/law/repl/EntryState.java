package law.repl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Whether an entry is finished, built up line by line: each line is lexed once, so reading an
 * entry of n lines costs O(n), not the O(n^2) of lexing the whole entry again at every line
 * (10,000 lines of {@code (} piped into the REPL). An entry still needs more while a bracket or
 * block is open, after a trailing operator, comma or continuing keyword, and after a lone
 * {@code ##} documentation comment; a closer that closes nothing finishes it, so the parser can
 * report it. A line that ends inside a string (a backslash before the newline) is lexed again
 * with the next line, so the answer is always the one lexing the whole text at once would give.
 */
final class EntryState {
    private static final Set<String> CONTINUING_WORDS = Set.of("with", "and", "or", "not", "by", "log", "in",
            "for", "at", "on", "over", "subject", "to", "where", "holdout");
    private final Deque<String> open = new ArrayDeque<>();
    private final StringBuilder pending = new StringBuilder();
    private Tokens.Tok lastCode;
    private boolean doc;
    private boolean code;
    private boolean strayCloser;

    /** The state after the whole of {@code text}. */
    static EntryState of(String text) {
        EntryState s = new EntryState();
        s.steps(Tokens.lex(text));
        return s;
    }

    /** Adds one line (without its terminator). */
    void add(String line) {
        pending.append(line).append('\n');
        List<Tokens.Tok> tokens = Tokens.lex(pending.toString());
        if (!tokens.isEmpty() && endsInsideString(tokens.get(tokens.size() - 1), pending.length())) {
            return;
        }
        pending.setLength(0);
        steps(tokens);
    }

    private static boolean endsInsideString(Tokens.Tok t, int length) {
        return (t.kind() == Tokens.Kind.STRING || t.kind() == Tokens.Kind.UNTERMINATED) && t.end() == length
                && t.text().endsWith("\n");
    }

    private void steps(List<Tokens.Tok> tokens) {
        for (Tokens.Tok t : tokens) {
            if (strayCloser) {
                return;
            }
            step(t);
        }
    }

    private void step(Tokens.Tok t) {
        switch (t.kind()) {
            case OPEN -> open.push(t.text());
            case CLOSE -> {
                if (open.isEmpty()) {
                    strayCloser = true;
                    return;
                }
                open.pop();
            }
            case DOC -> doc = true;
            default -> { }
        }
        if (t.kind() != Tokens.Kind.COMMENT && t.kind() != Tokens.Kind.DOC && t.kind() != Tokens.Kind.NEWLINE) {
            lastCode = t;
            doc = false;
            code = true;
        } else if (t.kind() == Tokens.Kind.NEWLINE && t.text().equals(";")) {
            lastCode = null;
        }
    }

    /**
     * What the entry still needs before it can run ({@code ")"}, {@code "more after '+'"}, ...), or
     * {@code null} when it is finished.
     */
    String missing() {
        if (strayCloser) {
            return null;
        }
        if (!open.isEmpty()) {
            String o = open.peek();
            return o.equals("(") ? ")" : o.equals("[") ? "]" : "}";
        }
        if (!pending.isEmpty()) {
            EntryState now = copy();
            now.steps(Tokens.lex(pending.toString()));
            return now.missing();
        }
        if (lastCode != null && continues(lastCode)) {
            return "more after '" + lastCode.text() + "'";
        }
        return doc ? "a declaration after the ## comment" : null;
    }

    private EntryState copy() {
        EntryState c = new EntryState();
        c.open.addAll(open);
        c.lastCode = lastCode;
        c.doc = doc;
        c.code = code;
        c.strayCloser = strayCloser;
        return c;
    }

    /** True when the entry has a token other than comments and whitespace. */
    boolean hasCode() {
        return code || strayCloser || !pending.isEmpty();
    }

    /** True when a statement cannot end with this token. */
    private static boolean continues(Tokens.Tok t) {
        return switch (t.kind()) {
            case COMMA -> true;
            case OPERATOR -> !t.text().equals("%") && !t.text().equals(".");
            case KEYWORD -> CONTINUING_WORDS.contains(t.text());
            default -> false;
        };
    }
}
