package law.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import law.diag.Code;
import law.diag.Diagnostic;

/**
 * The warnings of a grouped fit's groups, gathered so that the user learns every group each one
 * concerns. A statement reports a code once at its place (a table does not repeat a warning per
 * row), so reported group by group only the first group's L0605 (iteration limit), L0609, L0608 or
 * L0650 reached the user. Here each code gives one warning, as {@code compare ... by} counts its
 * groups without a score: {@code 3 of the 12 groups: the best start stopped at the iteration limit
 * (1000); ...} with a note {@code groups lang=de; lang=fr; lang=it}; where the groups' messages
 * differ (an L0650's reason, an L0608's parameters) the warning gives the code's title and a note
 * per distinct message names its groups. One group's warning is reported as it was. A rollout's
 * refits, one per prefix of the rungs, gather theirs the same way ({@code 2 of the 4 refits: ...}).
 */
public final class GroupWarnings implements Consumer<Diagnostic> {
    /** Per code, in order of first appearance: per distinct message (without the group's label), its groups. */
    private final Map<Code, Map<String, List<String>>> byCode = new LinkedHashMap<>();
    /** Per code, its first warning (span, help and notes). */
    private final Map<Code, Diagnostic> first = new LinkedHashMap<>();
    private final String noun;
    private String group = "";
    private String label = "";

    /** Warnings of a grouped fit's groups. */
    public GroupWarnings() {
        this("group");
    }

    /** Warnings of fits each of which is a {@code noun} ("refit"): the word the merged warnings count. */
    public GroupWarnings(String noun) {
        this.noun = noun;
    }

    /** The group whose fit runs next: its key as written ({@code lang=de}) and the label its warnings start with. */
    public void group(String key, String prefix) {
        group = key;
        label = prefix;
    }

    @Override
    public void accept(Diagnostic d) {
        String message = d.message().startsWith(label) ? d.message().substring(label.length()) : d.message();
        first.putIfAbsent(d.code(), d);
        byCode.computeIfAbsent(d.code(), c -> new LinkedHashMap<>())
                .computeIfAbsent(message, m -> new ArrayList<>()).add(group);
    }

    /** Reports one warning per code to {@code out}, {@code groups} being the number of groups fitted. */
    public void flush(int groups, Consumer<Diagnostic> out) {
        byCode.forEach((code, messages) -> out.accept(merged(first.get(code), messages, groups, noun)));
        byCode.clear();
        first.clear();
    }

    /**
     * One group's warning as it was; several groups' as {@code N of the M groups: MESSAGE} with a
     * note naming them, or, where their messages differ, {@code N of the M groups: TITLE} with a note
     * per distinct message naming its groups. Group keys may hold commas, so they are joined by "; ".
     */
    private static Diagnostic merged(Diagnostic d, Map<String, List<String>> messages, int groups, String noun) {
        List<Map.Entry<String, List<String>>> all = new ArrayList<>(messages.entrySet());
        int count = all.stream().mapToInt(e -> e.getValue().size()).sum();
        if (count == 1) {
            return d;
        }
        boolean same = all.size() == 1;
        String message = count + " of the " + groups + " " + noun + "s: " + (same ? all.get(0).getKey() : d.code().title());
        Diagnostic out = new Diagnostic(d.severity(), d.code(), d.span(), message, d.help(), List.of());
        for (Map.Entry<String, List<String>> e : all) {
            String which = noun + (e.getValue().size() == 1 ? " " : "s ") + String.join("; ", e.getValue());
            out = out.withNote(same ? which : which + ": " + e.getKey());
        }
        return out;
    }
}
