package law.fmt;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Line differences between a text and its formatted form (java-diff-utils). */
public final class Diff {

    /**
     * Lines {@code [from, to)} of the old text (0-based) are replaced by {@code lines}.
     *
     * @param from  the first replaced line
     * @param to    one past the last replaced line ({@code from} for an insertion)
     * @param lines the new lines
     */
    public record Change(int from, int to, List<String> lines) {
        public Change {
            lines = List.copyOf(lines);
        }
    }

    private Diff() {
    }

    /** The changes that turn {@code before} into {@code after}, in order. */
    public static List<Change> changes(String before, String after) {
        Patch<String> patch = DiffUtils.diff(lines(before), lines(after));
        List<Change> out = new ArrayList<>();
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int from = d.getSource().getPosition();
            out.add(new Change(from, from + d.getSource().size(), d.getTarget().getLines()));
        }
        return out;
    }

    /** A unified diff ({@code --- a/NAME}, {@code +++ b/NAME}), empty when the texts are equal. */
    public static String unified(String name, String before, String after) {
        List<String> a = lines(before);
        Patch<String> patch = DiffUtils.diff(a, lines(after));
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        String n = name.replaceFirst("^/+", "");
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("a/" + n, "b/" + n, a, patch, 3)) + "\n";
    }

    /** The lines of a text, without their terminators; a final newline ends the last line. */
    public static List<String> lines(String text) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return t.isEmpty() && text.isEmpty() ? List.of() : Arrays.asList(t.split("\r?\n|\r", -1));
    }
}
