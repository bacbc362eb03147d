package law.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.Parser;

/**
 * Tells JLine when an entry is finished and where the word at the cursor is. An entry with an open
 * bracket or block, a trailing operator or comma, or only a {@code ##} comment is unfinished: JLine
 * then asks for another line under the secondary prompt and stores the whole entry as one history
 * item. A line starting with {@code :} is a command and always finished.
 */
final class EntryParser implements Parser {

    @Override
    public CompletingParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !isCommand(line)) {
            String missing = Tokens.missing(line);
            if (missing != null) {
                throw new EOFError(-1, -1, "the entry is not finished", missing);
            }
        }
        Spot spot = Spot.at(line, cursor);
        return new Word(line, cursor, spot);
    }

    /** True when the text is a REPL command rather than statements. */
    static boolean isCommand(String text) {
        return text.stripLeading().startsWith(":");
    }

    /** The parsed line: one word, the one at the cursor. */
    record Word(String line, int cursor, Spot spot) implements CompletingParsedLine {
        @Override
        public String word() {
            return line.substring(spot.start(), Math.max(spot.start(), spot.end()));
        }

        @Override
        public int wordCursor() {
            return Math.max(0, Math.min(cursor - spot.start(), word().length()));
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word());
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}
