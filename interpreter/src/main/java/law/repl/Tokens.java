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
        for (int i = from; i < to; i++) { // only the gap: a search to the end of the text would be quadratic
            if (text.charAt(i) == '#') {
                out.add(new Tok(Kind.COMMENT, i, to, text.substring(i, to)));
                return;
            }
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
     * What an entry still needs before it can run, or {@code null} when it is finished (see
     * {@link EntryState}).
     */
    static String missing(String text) {
        return EntryState.of(text).missing();
    }

    /** True when the text has a token other than comments and whitespace. */
    static boolean hasCode(String text) {
        return EntryState.of(text).hasCode();
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
