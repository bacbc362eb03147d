package law.fmt;

import java.util.List;

/**
 * Puts the comments back on the formatted lines. A comment line takes the indentation of the
 * code around it; a trailing comment keeps its input column when the code leaves at least two
 * spaces before it, and trailing comments that shared a column in consecutive lines keep sharing
 * one (the column moves right as far as the longest line of the run needs).
 */
final class Comments {
    private static final int GAP = 2;

    private Comments() {
    }

    /**
     * The final text: each line's code (or indentation, for a comment line), its comment, and the
     * blank lines before it.
     */
    static String place(List<Line> lines, List<String> code, List<Integer> blank) {
        int[] column = columns(lines, code, blank);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            out.append("\n".repeat(blank.get(i)));
            if (line.verbatim() != null) {
                out.append(line.verbatim()).append('\n');
                continue;
            }
            String text = code.get(i);
            if (line.comment() != null) {
                String comment = line.comment().text().stripTrailing();
                text = line.commentOnly() ? text + comment
                        : text + " ".repeat(column[i] - Layout.width(text)) + comment;
            }
            out.append(text.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The column of each trailing comment (unused for other lines). */
    private static int[] columns(List<Line> lines, List<String> code, List<Integer> blank) {
        int[] column = new int[lines.size()];
        int i = 0;
        while (i < lines.size()) {
            if (!trailing(lines.get(i))) {
                i++;
                continue;
            }
            int want = lines.get(i).commentColumn();
            int end = i;
            int col = want;
            while (end < lines.size() && trailing(lines.get(end)) && lines.get(end).commentColumn() == want
                    && (end == i || blank.get(end) == 0)) {
                col = Math.max(col, Layout.width(code.get(end)) + GAP);
                end++;
            }
            for (int k = i; k < end; k++) {
                column[k] = col;
            }
            i = end;
        }
        return column;
    }

    private static boolean trailing(Line line) {
        return line.comment() != null && !line.commentOnly() && line.verbatim() == null;
    }
}
