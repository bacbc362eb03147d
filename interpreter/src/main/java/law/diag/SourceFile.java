package law.diag;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one spec (a file, a REPL entry or an {@code -e} argument) with a line index, so
 * spans can be turned into line and column numbers and the offending line can be quoted.
 */
public final class SourceFile {
    private final String name;
    private final Path path;
    private final String text;
    private final int[] lineStarts;
    /** Line numbers of this text start after this many lines (an entry in the middle of piped input). */
    private final int linesBefore;

    /**
     * @param name how diagnostics name the source, e.g. {@code paper.law} or {@code <repl>}
     * @param path the file on disk, or {@code null} for text that has no file
     * @param text the full text
     */
    public SourceFile(String name, Path path, String text) {
        this(name, path, text, 1);
    }

    private SourceFile(String name, Path path, String text, int firstLine) {
        this.name = name;
        this.path = path;
        this.text = text;
        this.lineStarts = indexLines(text);
        this.linesBefore = firstLine - 1;
    }

    /** Creates a source that does not live in a file (REPL input, {@code -e}). */
    public static SourceFile of(String name, String text) {
        return new SourceFile(name, null, text);
    }

    /** A source without a file whose first line is line {@code firstLine} of a larger input (piped stdin). */
    public static SourceFile of(String name, String text, int firstLine) {
        return new SourceFile(name, null, text, Math.max(1, firstLine));
    }

    /** How diagnostics name this source. */
    public String name() {
        return name;
    }

    /** The file on disk, or {@code null}. */
    public Path path() {
        return path;
    }

    /** The full text. */
    public String text() {
        return text;
    }

    /** The directory relative paths in this source resolve against (the working directory if none). */
    public Path baseDir() {
        Path parent = path == null ? null : path.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }

    /** The number of lines. */
    public int lineCount() {
        return lineStarts.length;
    }

    /** The 1-based line of a character offset. */
    public int lineOf(int offset) {
        return index(offset) + 1 + linesBefore;
    }

    private int index(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** The 1-based column of a character offset (counted in code points). */
    public int columnOf(int offset) {
        int start = lineStarts[index(offset)];
        int end = Math.min(Math.max(offset, start), text.length());
        return text.codePointCount(start, end) + 1;
    }

    /** The character offset where a 1-based line starts. */
    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line - linesBefore, lineStarts.length) - 1)];
    }

    /** The text of a 1-based line, without its line terminator. */
    public String line(int number) {
        int line = number - linesBefore;
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return name;
    }

    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }
}
