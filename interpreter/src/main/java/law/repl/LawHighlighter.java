package law.repl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours an entry as it is typed: keywords, numbers, strings, comments and commands, and shows a
 * bracket that closes nothing, closes the wrong bracket or is still open in the error style.
 */
final class LawHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.WHITE)
            .background(AttributedStyle.RED);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (EntryParser.isCommand(buffer)) {
            int end = buffer.indexOf(' ');
            end = end < 0 ? buffer.length() : end;
            out.styled(COMMAND, buffer.substring(0, end)).append(buffer.substring(end));
            return out.toAttributedString();
        }
        List<Tokens.Tok> tokens = Tokens.lex(buffer);
        Set<Tokens.Tok> bad = new HashSet<>(Tokens.unbalanced(tokens));
        int at = 0;
        for (Tokens.Tok t : tokens) {
            out.append(buffer.substring(at, t.start()));
            out.styled(bad.contains(t) ? ERROR : style(t.kind()), t.text());
            at = t.end();
        }
        out.append(buffer.substring(at));
        return out.toAttributedString();
    }

    private static AttributedStyle style(Tokens.Kind kind) {
        return switch (kind) {
            case KEYWORD -> KEYWORD;
            case NUMBER -> NUMBER;
            case STRING, UNTERMINATED -> STRING;
            case COMMENT, DOC -> COMMENT;
            case ERROR -> ERROR;
            default -> AttributedStyle.DEFAULT;
        };
    }
}
