package law.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import law.grammar.LawLexer;
import law.grammar.LawParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Every token of a text, comments and {@code ;} included, for tools that care about layout (the
 * formatter, the language server). {@link #lex} never fails; {@link #parse} also tells what part
 * each token plays, from the parse tree.
 */
public final class Lexemes {
    /** The language's keywords (hard and soft), sorted. */
    public static final Set<String> KEYWORDS = keywords();

    private Lexemes() {
    }

    /** The tokens of a text, in order, with {@link Lexeme.Role#NONE} roles. */
    public static List<Lexeme> lex(String text) {
        LawLexer lexer = new LawLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        return build(text, tokens.getTokens(), Map.of());
    }

    /**
     * The tokens of a source with their roles, or {@code null} when the text does not parse
     * (roles come from the parse tree, which exists only for text without syntax errors).
     */
    public static List<Lexeme> parse(String text) {
        LawLexer lexer = new LawLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        for (Token t : tokens.getTokens()) {
            if (t.getType() == LawLexer.ERROR_CHAR || t.getType() == LawLexer.UNTERMINATED_STRING) {
                return null;
            }
        }
        int[] errors = new int[1];
        ParseTree tree;
        try {
            tree = TwoStage.program(tokens, new org.antlr.v4.runtime.BaseErrorListener() {
                @Override
                public void syntaxError(org.antlr.v4.runtime.Recognizer<?, ?> r, Object o, int line, int col,
                                        String msg, org.antlr.v4.runtime.RecognitionException e) {
                    errors[0]++;
                }
            });
        } catch (StackOverflowError e) {
            return null;
        }
        if (errors[0] > 0) {
            return null;
        }
        Map<Integer, Lexeme.Role> roles = new HashMap<>();
        Map<Integer, Boolean> names = new HashMap<>();
        walk(tree, roles, names);
        return markNames(build(text, tokens.getTokens(), roles), tokens.getTokens(), names);
    }

    private static List<Lexeme> markNames(List<Lexeme> lexemes, List<Token> tokens, Map<Integer, Boolean> names) {
        Map<Integer, Boolean> byStart = new HashMap<>();
        for (Token t : tokens) {
            if (names.containsKey(t.getTokenIndex())) {
                byStart.put(t.getStartIndex(), true);
            }
        }
        List<Lexeme> out = new ArrayList<>(lexemes.size());
        for (Lexeme l : lexemes) {
            out.add(l.kind() == Lexeme.Kind.KEYWORD && byStart.containsKey(l.start())
                    ? new Lexeme(Lexeme.Kind.NAME, l.text(), l.start(), l.end(), l.role()) : l);
        }
        return out;
    }

    /** Records the role of each terminal from the rule it belongs to, and which tokens are names. */
    private static void walk(ParseTree node, Map<Integer, Lexeme.Role> roles, Map<Integer, Boolean> names) {
        for (int i = 0; i < node.getChildCount(); i++) {
            ParseTree child = node.getChild(i);
            if (child instanceof TerminalNode t) {
                Lexeme.Role r = role(node, t.getSymbol());
                if (r != Lexeme.Role.NONE) {
                    roles.put(t.getSymbol().getTokenIndex(), r);
                }
                if (node instanceof LawParser.NameContext) {
                    names.put(t.getSymbol().getTokenIndex(), true);
                }
            } else {
                walk(child, roles, names);
            }
        }
    }

    private static Lexeme.Role role(ParseTree parent, Token t) {
        int type = t.getType();
        boolean sign = type == LawLexer.MINUS || type == LawLexer.PLUS;
        boolean paren = type == LawLexer.LPAREN || type == LawLexer.RPAREN;
        if (sign && (parent instanceof LawParser.UnaryExprContext || parent instanceof LawParser.CellContext)) {
            return Lexeme.Role.UNARY;
        }
        if (paren && (parent instanceof LawParser.CallExprContext || parent instanceof LawParser.CallSourceContext
                || parent instanceof LawParser.LawFormContext)) {
            return Lexeme.Role.CALL;
        }
        if ((type == LawLexer.LBRACE || type == LawLexer.RBRACE) && parent instanceof LawParser.RecordExprContext) {
            return Lexeme.Role.RECORD;
        }
        if (type == LawLexer.COMMA && parent instanceof LawParser.SepContext) {
            return Lexeme.Role.SEPARATOR;
        }
        return Lexeme.Role.NONE;
    }

    private static List<Lexeme> build(String text, List<Token> tokens, Map<Integer, Lexeme.Role> roles) {
        List<Lexeme> out = new ArrayList<>();
        int last = 0;
        for (Token t : tokens) {
            if (t.getType() == Token.EOF) {
                break;
            }
            gap(text, last, t.getStartIndex(), out);
            last = t.getStopIndex() + 1;
            if (t.getType() == LawLexer.NL && !";".equals(t.getText())) {
                continue;
            }
            out.add(new Lexeme(kind(t), t.getText(), t.getStartIndex(), last,
                    roles.getOrDefault(t.getTokenIndex(), Lexeme.Role.NONE)));
        }
        gap(text, last, text.length(), out);
        return out;
    }

    /**
     * What the lexer skipped between two tokens: whitespace, comments (to the end of their line)
     * and the newlines and {@code ;} it dropped inside brackets or after an operator.
     */
    private static void gap(String text, int from, int to, List<Lexeme> out) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '#') {
                int e = i;
                while (e < to && text.charAt(e) != '\n' && text.charAt(e) != '\r') {
                    e++;
                }
                out.add(new Lexeme(Lexeme.Kind.COMMENT, text.substring(i, e), i, e, Lexeme.Role.NONE));
                i = e;
            } else {
                if (c == ';') {
                    out.add(new Lexeme(Lexeme.Kind.SEMICOLON, ";", i, i + 1, Lexeme.Role.NONE));
                }
                i++;
            }
        }
    }

    private static Lexeme.Kind kind(Token t) {
        if (t.getChannel() == 2) {
            return Lexeme.Kind.DOC;
        }
        return switch (t.getType()) {
            case LawLexer.NUMBER -> Lexeme.Kind.NUMBER;
            case LawLexer.STRING -> Lexeme.Kind.STRING;
            case LawLexer.UNTERMINATED_STRING, LawLexer.ERROR_CHAR -> Lexeme.Kind.ERROR;
            case LawLexer.ID, LawLexer.QUOTED_ID -> Lexeme.Kind.NAME;
            case LawLexer.LPAREN, LawLexer.LBRACK, LawLexer.LBRACE -> Lexeme.Kind.OPEN;
            case LawLexer.RPAREN, LawLexer.RBRACK, LawLexer.RBRACE -> Lexeme.Kind.CLOSE;
            case LawLexer.COMMA -> Lexeme.Kind.COMMA;
            case LawLexer.NL -> Lexeme.Kind.SEMICOLON;
            default -> KEYWORDS.contains(t.getText()) ? Lexeme.Kind.KEYWORD : Lexeme.Kind.OPERATOR;
        };
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
        return java.util.Collections.unmodifiableSet(out);
    }
}
