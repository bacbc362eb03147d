package law.syntax;

import java.util.ArrayList;
import java.util.List;
import law.diag.Code;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.diag.Span;
import law.grammar.LawLexer;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Translates the parser's complaints into plain-English diagnostics. ANTLR's own wording ("no
 * viable alternative", "mismatched input") never reaches the user: messages are built from the
 * offending token and the set of tokens that could have stood there. At most one error is
 * reported per line, so one mistake does not cascade.
 */
final class SyntaxErrors extends BaseErrorListener {
    private final SourceFile source;
    private final Diagnostics diagnostics;
    private final List<int[]> blocks;
    private int lastLine = -1;
    private int quietUntil = -1;
    private int count;

    /**
     * @param blocks the top-level {@code { }} blocks as {@code {first line, end offset}}: after an
     *               error in or on the first line of a block, the rest of the block stays quiet
     */
    SyntaxErrors(SourceFile source, Diagnostics diagnostics, List<int[]> blocks) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.blocks = blocks;
    }

    int count() {
        return count;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                            String antlrMessage, RecognitionException e) {
        Token t = (Token) offendingSymbol;
        if (line == lastLine || t.getStartIndex() < quietUntil) {
            return;
        }
        lastLine = line;
        count++;
        for (int[] b : blocks) {
            if (line >= b[0] && t.getStartIndex() < b[1]) {
                quietUntil = b[1];
            }
        }
        Vocabulary vocab = recognizer.getVocabulary();
        String wanted = null;
        if (!(e instanceof NoViableAltException nv) || nv.getStartToken() == t) {
            IntervalSet expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens()
                    : ((Parser) recognizer).getExpectedTokens();
            wanted = describeExpected(expected, vocab);
        }
        if (t.getType() == Token.EOF) {
            int end = Math.max(0, t.getStartIndex());
            var stream = ((Parser) recognizer).getTokenStream();
            for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
                Token before = stream.get(i);
                if (before.getChannel() == Token.DEFAULT_CHANNEL && before.getType() != LawLexer.NL) {
                    end = before.getStopIndex() + 1;
                    break;
                }
            }
            Span at = new Span(source, end, end);
            diagnostics.error(Code.UNEXPECTED_END, at, "the input ends in the middle of a statement",
                    wanted == null ? null : "expected " + wanted);
            return;
        }
        Span at = new Span(source, t.getStartIndex(), t.getStopIndex() + 1);
        if (t.getType() == LawLexer.ASSIGN && startsWithName((Parser) recognizer, t)) {
            diagnostics.error(Code.UNEXPECTED_TOKEN, at, "unexpected '='",
                    "to define a constant write 'let NAME = ...'; to compare, use '=' inside expect or where");
            return;
        }
        String message = t.getType() == LawLexer.NL && !";".equals(t.getText())
                ? "this line ends in the middle of a statement"
                : "unexpected " + describe(t, vocab);
        String keyword = misspelledKeyword((Parser) recognizer, t);
        diagnostics.error(Code.UNEXPECTED_TOKEN, at, message, keyword != null ? keyword
                : wanted == null ? null : "expected " + wanted);
    }

    /** The words that begin a statement. */
    static final List<String> STATEMENT_WORDS = List.of("law", "let", "constraint", "data", "fit", "isoflop", "use",
            "print", "minimize", "maximize", "optimal", "solve", "table", "predict", "compare", "expect", "plot",
            "export");

    /**
     * "did you mean 'print'?" when the offending token follows a lone name at the start of a
     * statement that is a misspelled statement keyword ({@code prnt epoch}).
     */
    private static String misspelledKeyword(Parser parser, Token t) {
        var stream = parser.getTokenStream();
        int i = t.getTokenIndex();
        Token first = null;
        for (int k = i - 1; k >= 0; k--) {
            Token b = stream.get(k);
            if (b.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (first != null) {
                if (b.getType() != LawLexer.NL) {
                    return null;
                }
                break;
            }
            first = b;
        }
        if (first == null || first.getType() != LawLexer.ID) {
            return null;
        }
        String near = law.diag.Suggest.closest(first.getText(), STATEMENT_WORDS);
        return near == null ? null : "did you mean '" + near + "'? ('" + first.getText()
                + "' is not a statement keyword)";
    }

    /** True when the offending token follows a lone name at the start of a statement. */
    private static boolean startsWithName(Parser parser, Token t) {
        var stream = parser.getTokenStream();
        int i = t.getTokenIndex();
        Token before = i >= 1 ? stream.get(i - 1) : null;
        Token first = i >= 2 ? stream.get(i - 2) : null;
        return before != null && (before.getType() == LawLexer.ID || before.getType() == LawLexer.QUOTED_ID)
                && (first == null || first.getType() == LawLexer.NL);
    }

    /** A short phrase for a token: {@code ')'}, {@code name 'x'}, {@code number 5}, {@code keyword 'for'}. */
    static String describe(Token t, Vocabulary vocab) {
        return switch (t.getType()) {
            case Token.EOF -> "end of input";
            case LawLexer.NL -> ";".equals(t.getText()) ? "';'" : "end of line";
            case LawLexer.NUMBER -> "number " + t.getText();
            case LawLexer.STRING -> "string " + t.getText();
            case LawLexer.ID, LawLexer.QUOTED_ID -> "name '" + t.getText() + "'";
            default -> {
                String literal = vocab.getLiteralName(t.getType());
                boolean word = literal != null && Character.isLetter(literal.charAt(1));
                yield (word ? "keyword " : "") + "'" + t.getText() + "'";
            }
        };
    }

    /** A phrase for what could have stood there, or {@code null} when nothing useful can be said. */
    static String describeExpected(IntervalSet expected, Vocabulary vocab) {
        if (expected == null || expected.isNil()) {
            return null;
        }
        if (expected.contains(LawLexer.NUMBER) && expected.contains(LawLexer.LPAREN)) {
            return "an expression";
        }
        List<String> words = new ArrayList<>();
        for (int closer : new int[] {LawLexer.RPAREN, LawLexer.RBRACK, LawLexer.RBRACE}) {
            if (expected.contains(closer)) {
                words.add(vocab.getLiteralName(closer));
            }
        }
        if (expected.contains(LawLexer.ID)) {
            words.add("a name");
        }
        for (int type : expected.toArray()) {
            if (words.size() >= 5) {
                break;
            }
            switch (type) {
                case LawLexer.ID, LawLexer.QUOTED_ID, LawLexer.RPAREN, LawLexer.RBRACK, LawLexer.RBRACE -> { }
                case LawLexer.NL -> words.add("end of line");
                case Token.EOF -> words.add("end of input");
                case LawLexer.STRING -> words.add("a string");
                case LawLexer.NUMBER -> words.add("a number");
                default -> {
                    if (words.contains("a name") && isSoftKeyword(type)) {
                        continue;
                    }
                    String literal = vocab.getLiteralName(type);
                    if (literal != null) {
                        words.add(literal);
                    }
                }
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static boolean isSoftKeyword(int type) {
        return switch (type) {
            case LawLexer.LOG, LawLexer.BY, LawLexer.AT, LawLexer.ON, LawLexer.OVER, LawLexer.TO, LawLexer.GROUP,
                 LawLexer.NAN, LawLexer.LARGEST, LawLexer.SMALLEST, LawLexer.CITE, LawLexer.DIFF, LawLexer.HOLDOUT -> true;
            default -> false;
        };
    }
}
