package law.fmt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import law.syntax.Lexeme;

/**
 * Lines up the {@code =} of consecutive one-item lines in a block, as in
 * <pre>
 * fit epoch = chinchilla(N, D) ~ L in runs {
 *   residual  = log
 *   bootstrap = 1000
 * }
 * </pre>
 * A blank line, or an item of another form ({@code A > 0}, {@code drop 5 largest L}), ends a
 * run; comment lines and the continuation lines of a long item do not.
 */
final class Alignment {
    private Alignment() {
    }

    /** The spaces to add after the first token of each line (0 for most lines). */
    static int[] padding(List<Line> lines) {
        int[] pad = new int[lines.size()];
        Deque<List<Integer>> runs = new ArrayDeque<>();
        Deque<Boolean> blocks = new ArrayDeque<>();
        runs.push(new ArrayList<>());
        blocks.push(false);
        boolean continues = false;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.commentOnly()) {
                continue;
            }
            boolean itemStart = blocks.peek() && !continues && line.first().kind() != Lexeme.Kind.CLOSE
                    && line.verbatim() == null;
            if (itemStart && (line.blankBefore() > 0 || !alignable(line))) {
                close(runs.peek(), lines, pad);
            }
            if (itemStart && alignable(line)) {
                runs.peek().add(i);
            }
            for (Lexeme t : line.code()) {
                if (t.kind() == Lexeme.Kind.OPEN) {
                    blocks.push(Layout.isBlock(t));
                    runs.push(new ArrayList<>());
                } else if (t.kind() == Lexeme.Kind.CLOSE && blocks.size() > 1) {
                    blocks.pop();
                    close(runs.pop(), lines, pad);
                }
            }
            continues = Layout.continues(line.last());
        }
        close(runs.peek(), lines, pad);
        return pad;
    }

    /** {@code NAME = ...} holding one item (a separator comma may end it). */
    private static boolean alignable(Line line) {
        List<Lexeme> code = line.code();
        if (code.size() < 3 || !code.get(1).text().equals("=")) {
            return false;
        }
        Lexeme.Kind k = code.get(0).kind();
        if (k != Lexeme.Kind.NAME && k != Lexeme.Kind.KEYWORD) {
            return false;
        }
        for (int j = 2; j < code.size() - 1; j++) {
            if (code.get(j).role() == Lexeme.Role.SEPARATOR || code.get(j).kind() == Lexeme.Kind.SEMICOLON) {
                return false;
            }
        }
        return true;
    }

    private static void close(List<Integer> run, List<Line> lines, int[] pad) {
        if (run.size() > 1) {
            int width = 0;
            for (int i : run) {
                width = Math.max(width, Layout.width(lines.get(i).first().text()));
            }
            for (int i : run) {
                pad[i] = width - Layout.width(lines.get(i).first().text());
            }
        }
        run.clear();
    }
}
