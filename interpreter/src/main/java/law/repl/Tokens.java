package law.repl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import law.grammar.LawLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/**
 * The REPL's only view of the grammar: the text of an entry as coarse tokens, for highlighting,
 * completion and deciding whether an entry is finished. Never throws on half-typed input (the
 * lexer ends with a catch-all token).
 */
final class Tokens {

    /** Coarse token kinds. */
    enum Kind {
        KEYWORD, NAME, NUMBER, STRING, UNTERMINATED, COMMENT, DOC, OPEN, CLOSE, OPERATOR, COMMA, NEWLINE, ERROR
    }

    /**
     * One token.
     *
     * @param kind  its kind
     * @param start offset of its first character
     * @param end   offset after its last character
     * @param text  its text
     */
    record Tok(Kind kind, int start, int end, String text) {
    }

    /** The language's keywords, sorted. */
    static final Set<String> KEYWORDS = keywords();

    private Tokens() {
    }

    /** The tokens of a text, comments included, newlines and {@code ;} as {@link Kind#NEWLINE}. */
    static List<Tok> lex(String text) {
        LawLexer lexer = new LawLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Tok> out = new ArrayList<>();
        int last = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            comments(text, last, t.getStartIndex(), out);
            last = t.getStopIndex() + 1;
            out.add(new Tok(kind(t), t.getStartIndex(), last, t.getText()));
        }
        comments(text, last, text.length(), out);
        return out;
    }

    /** Comments are skipped by the lexer; they are the only thing in a gap that starts with '#'. */
    private static void comments(String text, int from, int to, List<Tok> out) {
        int hash = text.indexOf('#', from);
        if (hash >= 0 && hash < to) {
            out.add(new Tok(Kind.COMMENT, hash, to, text.substring(hash, to)));
        }
    }

    private static Kind kind(Token t) {
        int type = t.getType();
        if (t.getChannel() == 2) {
            return Kind.DOC;
        }
        return switch (type) {
            case LawLexer.NUMBER -> Kind.NUMBER;
            case LawLexer.STRING -> Kind.STRING;
            case LawLexer.UNTERMINATED_STRING -> Kind.UNTERMINATED;
            case LawLexer.ID, LawLexer.QUOTED_ID -> Kind.NAME;
            case LawLexer.LPAREN, LawLexer.LBRACK, LawLexer.LBRACE -> Kind.OPEN;
            case LawLexer.RPAREN, LawLexer.RBRACK, LawLexer.RBRACE -> Kind.CLOSE;
            case LawLexer.COMMA -> Kind.COMMA;
            case LawLexer.NL -> Kind.NEWLINE;
            case LawLexer.ERROR_CHAR -> Kind.ERROR;
            default -> KEYWORDS.contains(t.getText()) ? Kind.KEYWORD : Kind.OPERATOR;
        };
    }

    /**
     * The brackets that are not balanced: closers that close nothing or the wrong bracket, and
     * openers still open at the end. Half-open intervals ({@code [0, 2)}) count as balanced.
     */
    static List<Tok> unbalanced(List<Tok> tokens) {
        List<Tok> bad = new ArrayList<>();
        Deque<Tok> open = new ArrayDeque<>();
        for (Tok t : tokens) {
            if (t.kind() == Kind.OPEN) {
                open.push(t);
            } else if (t.kind() == Kind.CLOSE) {
                if (open.isEmpty() || !pairs(open.peek().text(), t.text())) {
                    bad.add(t);
                } else {
                    open.pop();
                }
            }
        }
        bad.addAll(open);
        return bad;
    }

    private static boolean pairs(String open, String close) {
        return open.equals("{") ? close.equals("}") : !close.equals("}") && !open.equals("{");
    }

    /**
     * What an entry still needs before it can run, or {@code null} when it is finished: a closing
     * bracket while one is open, more after a trailing operator or comma, a declaration after a
     * lone {@code ##} documentation comment. A closer that closes nothing finishes the entry, so
     * the parser can report it.
     */
    static String missing(String text) {
        List<Tok> tokens = lex(text);
        Deque<Tok> open = new ArrayDeque<>();
        Tok lastCode = null;
        boolean doc = false;
        for (Tok t : tokens) {
            switch (t.kind()) {
                case OPEN -> open.push(t);
                case CLOSE -> {
                    if (open.isEmpty()) {
                        return null;
                    }
                    open.pop();
                }
                case DOC -> doc = true;
                default -> { }
            }
            if (t.kind() != Kind.COMMENT && t.kind() != Kind.DOC && t.kind() != Kind.NEWLINE) {
                lastCode = t;
                doc = false;
            } else if (t.kind() == Kind.NEWLINE && t.text().equals(";")) {
                lastCode = null;
            }
        }
        if (!open.isEmpty()) {
            String o = open.peek().text();
            return o.equals("(") ? ")" : o.equals("[") ? "]" : "}";
        }
        if (lastCode != null && continues(lastCode)) {
            return "more after '" + lastCode.text() + "'";
        }
        return doc ? "a declaration after the ## comment" : null;
    }

    /** True when a statement cannot end with this token. */
    private static boolean continues(Tok t) {
        return switch (t.kind()) {
            case COMMA -> true;
            case OPERATOR -> !t.text().equals("%") && !t.text().equals(".");
            case KEYWORD -> Set.of("with", "and", "or", "not", "by", "log", "in", "for", "at", "on", "over",
                    "subject", "to", "where", "holdout").contains(t.text());
            default -> false;
        };
    }

    /** True when the text has a token other than comments and whitespace. */
    static boolean hasCode(String text) {
        return lex(text).stream().anyMatch(t -> t.kind() != Kind.COMMENT && t.kind() != Kind.DOC
                && t.kind() != Kind.NEWLINE);
    }

    private static Set<String> keywords() {
        Set<String> out = new TreeSet<>();
        Vocabulary v = LawLexer.VOCABULARY;
        for (int i = 0; i <= v.getMaxTokenType(); i++) {
            String lit = v.getLiteralName(i);
            if (lit != null && lit.matches("'[a-z_]+'")) {
                out.add(lit.substring(1, lit.length() - 1));
            }
        }
        return out;
    }
}
