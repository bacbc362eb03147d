package law.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import law.ast.Program;
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Diagnostics;
import law.diag.SourceFile;
import law.diag.Span;
import law.grammar.LawLexer;
import law.grammar.LawParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * The syntax stage: text in, AST out, problems reported as diagnostics. Lexical problems (stray
 * characters, unterminated strings) and bracket problems are found in a first pass over the
 * tokens, because they derail everything after them; the parser runs only when that pass is
 * clean, and the AST is built only from a tree without errors.
 */
public final class SpecParser {
    /** How deeply brackets may nest; deeper input is refused rather than risking the stack. */
    public static final int MAX_NESTING = 200;

    /** How many lexical errors are reported before giving up on a file. */
    public static final int MAX_ERRORS = 20;

    private SpecParser() {
    }

    /**
     * Parses a source. Returns the statements that could be built (none when there were syntax
     * errors); the problems go to {@code diagnostics}.
     */
    public static Program parse(SourceFile source, Diagnostics diagnostics) {
        LawLexer lexer = new LawLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        int mark = diagnostics.size();
        checkTokens(source, tokens.getTokens(), diagnostics);
        if (diagnostics.hasErrorsSince(mark)) {
            return new Program(source, List.of());
        }
        SyntaxErrors errors = new SyntaxErrors(source, diagnostics, blocks(source, tokens.getTokens()));
        try {
            LawParser.ProgramContext tree = TwoStage.program(tokens, errors);
            if (errors.count() > 0) {
                return new Program(source, List.of());
            }
            List<Stmt> statements = new AstBuilder(source, tokens, diagnostics).program(tree);
            return new Program(source, statements);
        } catch (StackOverflowError e) {
            diagnostics.error(Code.TOO_DEEP, longestLine(source, tokens.getTokens()),
                    "this expression is too long or nested too deeply to read",
                    "split the expression with let definitions");
            return new Program(source, List.of());
        }
    }

    /** The start of the line with the most tokens: where a parse too deep for the stack most likely is. */
    private static Span longestLine(SourceFile source, List<Token> tokens) {
        Map<Integer, Integer> counts = new HashMap<>();
        Map<Integer, Token> first = new HashMap<>();
        int best = -1;
        for (Token t : tokens) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                int n = counts.merge(t.getLine(), 1, Integer::sum);
                first.putIfAbsent(t.getLine(), t);
                if (best < 0 || n > counts.get(best)) {
                    best = t.getLine();
                }
            }
        }
        Token t = best < 0 ? null : first.get(best);
        return t == null ? new Span(source, 0, 0) : new Span(source, t.getStartIndex(), t.getStopIndex() + 1);
    }

    /** The top-level brace blocks as {first line, end offset}. */
    private static List<int[]> blocks(SourceFile source, List<Token> tokens) {
        List<int[]> out = new java.util.ArrayList<>();
        int depth = 0;
        int firstLine = 0;
        for (Token t : tokens) {
            if (t.getType() == LawLexer.LBRACE && depth++ == 0) {
                firstLine = t.getLine();
            } else if (t.getType() == LawLexer.RBRACE && depth > 0 && --depth == 0) {
                out.add(new int[] {firstLine, t.getStopIndex() + 1});
            }
        }
        return out;
    }

    private static void checkTokens(SourceFile source, List<Token> tokens, Diagnostics diagnostics) {
        Deque<Token> open = new ArrayDeque<>();
        boolean tooDeep = false;
        Token previous = null;
        int mark = diagnostics.size();
        int warnings = 0;
        for (Token t : tokens) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (diagnostics.size() - mark - warnings >= MAX_ERRORS) {
                diagnostics.error(Code.STRAY_CHARACTER, new Span(source, t.getStartIndex(), t.getStopIndex() + 1),
                        "too many errors; stopping here", "is this a .law file?");
                return;
            }
            Span at = new Span(source, t.getStartIndex(), t.getStopIndex() + 1);
            // not inside a block, whose lines are items or table rows (a row may start with -34.8)
            boolean inBlock = !open.isEmpty() && open.peek().getType() == LawLexer.LBRACE;
            if (previous != null && previous.getType() == LawLexer.NL && t.getType() == LawLexer.MINUS
                    && t.getCharPositionInLine() > 0 && !inBlock && previousLineContinues(tokens, previous)) {
                warnings++;
                diagnostics.report(law.diag.Diagnostic.warning(Code.UNEXPECTED_TOKEN, at,
                        "this line starts a new statement with '-'")
                        .withHelp("to continue the statement above, end its line with '-' instead"));
            }
            if ((previous == null || previous.getType() == LawLexer.NL) && startsNoStatement(t.getType())) {
                diagnostics.error(Code.UNEXPECTED_TOKEN, at, "a line cannot start with '" + t.getText() + "'",
                        "a newline ends a statement: to continue one, end the previous line with '" + t.getText() + "'");
            }
            previous = t;
            switch (t.getType()) {
                case LawLexer.ERROR_CHAR -> diagnostics.error(Code.STRAY_CHARACTER, at,
                        "the character '" + printable(t.getText()) + "' has no meaning here", strayHelp(t.getText()));
                case LawLexer.UNTERMINATED_STRING -> diagnostics.error(Code.UNTERMINATED_STRING, at,
                        "this string is not closed", "add a closing \" on the same line");
                case LawLexer.LPAREN, LawLexer.LBRACK, LawLexer.LBRACE -> {
                    open.push(t);
                    if (open.size() > MAX_NESTING && !tooDeep) {
                        tooDeep = true;
                        diagnostics.error(Code.TOO_DEEP, at, "brackets are nested more than " + MAX_NESTING
                                + " deep", "split the expression with let definitions");
                    }
                }
                case LawLexer.RPAREN, LawLexer.RBRACK, LawLexer.RBRACE -> {
                    if (open.isEmpty()) {
                        diagnostics.error(Code.UNCLOSED_BRACKET, at, "'" + t.getText() + "' closes nothing",
                                "remove it, or add the opening bracket it belongs to");
                    } else if (!matches(open.peek().getType(), t.getType())
                            && !isIntervalClose(open.peek().getType(), t.getType())) {
                        Token o = open.pop();
                        diagnostics.error(Code.UNCLOSED_BRACKET, at, "'" + t.getText() + "' does not match the '"
                                + o.getText() + "' on line " + source.lineOf(o.getStartIndex()),
                                "close '" + o.getText() + "' with '" + closer(o.getType()) + "'");
                    } else {
                        open.pop();
                    }
                }
                default -> { }
            }
        }
        while (!open.isEmpty()) {
            Token o = open.removeLast();
            diagnostics.error(Code.UNCLOSED_BRACKET, new Span(source, o.getStartIndex(), o.getStopIndex() + 1),
                    "this '" + o.getText() + "' is never closed", "add '" + closer(o.getType()) + "'");
            open.clear();
        }
    }

    /**
     * Whether the statement before a newline ended in something a subtraction could continue (a
     * number, a name or a closing bracket), so an indented line starting with '-' was probably
     * meant to continue it.
     */
    private static boolean previousLineContinues(List<Token> tokens, Token newline) {
        for (int i = newline.getTokenIndex() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            return type == LawLexer.NUMBER || type == LawLexer.ID || type == LawLexer.QUOTED_ID
                    || type == LawLexer.RPAREN || type == LawLexer.RBRACK;
        }
        return false;
    }

    /** Binary operators that cannot begin a statement, so a line starting with one is a broken continuation. */
    private static boolean startsNoStatement(int type) {
        return type == LawLexer.PLUS || type == LawLexer.STAR || type == LawLexer.SLASH || type == LawLexer.CARET;
    }

    private static boolean matches(int open, int close) {
        return (open == LawLexer.LPAREN && close == LawLexer.RPAREN)
                || (open == LawLexer.LBRACK && close == LawLexer.RBRACK)
                || (open == LawLexer.LBRACE && close == LawLexer.RBRACE);
    }

    /** Half-open intervals {@code [0, 2)} and {@code (0, 2]} mix bracket kinds on purpose. */
    private static boolean isIntervalClose(int open, int close) {
        return (open == LawLexer.LBRACK && close == LawLexer.RPAREN)
                || (open == LawLexer.LPAREN && close == LawLexer.RBRACK);
    }

    private static String closer(int open) {
        return open == LawLexer.LPAREN ? ")" : open == LawLexer.LBRACK ? "]" : "}";
    }

    private static String printable(String s) {
        return s.codePoints().allMatch(c -> c >= 32 && c != 127) ? s : String.format("\\u%04x", (int) s.charAt(0));
    }

    private static String strayHelp(String text) {
        return switch (text) {
            case "'" -> "strings use double quotes, column names with spaces use back quotes: `Model Size`";
            case "&" -> "write 'and' for both conditions";
            case "|" -> "write 'or' for either condition";
            case "!" -> "write 'not' to negate a condition, or '!=' for 'not equal'";
            default -> null;
        };
    }
}
