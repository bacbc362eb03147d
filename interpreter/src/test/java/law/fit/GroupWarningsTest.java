package law.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import law.diag.Code;
import law.diag.Diagnostic;
import law.session.Session;
import org.junit.jupiter.api.Test;

/**
 * A grouped fit's warnings name every group they concern ({@link GroupWarnings}): a statement
 * reports a code once at its place, so group by group only the first group's reached the user.
 */
class GroupWarningsTest {
    private static Diagnostic limit(String group) {
        return Diagnostic.warning(Code.FIT_ITERATION_LIMIT, null, "group " + group + ": the best start stopped at the "
                + "iteration limit (1000); the result may not be an optimum").withHelp("raise max_iterations");
    }

    private static List<Diagnostic> merged(String... groupAndMessage) {
        GroupWarnings w = new GroupWarnings();
        for (int i = 0; i < groupAndMessage.length; i += 2) {
            String g = groupAndMessage[i];
            w.group(g, "group " + g + ": ");
            w.accept(groupAndMessage[i + 1] == null ? limit(g) : Diagnostic.warning(Code.FIT_NO_UNCERTAINTY, null,
                    "group " + g + ": " + groupAndMessage[i + 1]));
        }
        List<Diagnostic> out = new ArrayList<>();
        w.flush(12, out::add);
        return out;
    }

    @Test
    void severalGroupsWithOneMessageGiveOneWarningNamingThemAll() {
        List<Diagnostic> out = merged("lang=de, size=1", null, "lang=fr", null, "lang=it", null);
        assertEquals(1, out.size());
        Diagnostic d = out.get(0);
        assertEquals("3 of the 12 groups: the best start stopped at the iteration limit (1000); the result may not be "
                + "an optimum", d.message());
        assertEquals(List.of("groups lang=de, size=1; lang=fr; lang=it"), d.notes());
        assertEquals("raise max_iterations", d.help());
    }

    @Test
    void differentMessagesUnderOneCodeBecomeANoteEach() {
        List<Diagnostic> out = merged("a", "no standard errors: beta", "b", null, "c", "no standard errors: alpha",
                "d", "no standard errors: beta");
        assertEquals(2, out.size());
        assertEquals("group b: the best start stopped at the iteration limit (1000); the result may not be an optimum",
                out.get(1).message(), "one group's warning reads as it did");
        Diagnostic d = out.get(0);
        assertEquals(Code.FIT_NO_UNCERTAINTY, d.code());
        assertEquals("3 of the 12 groups: " + Code.FIT_NO_UNCERTAINTY.title(), d.message());
        assertEquals(List.of("groups a; d: no standard errors: beta", "group c: no standard errors: alpha"), d.notes());
    }

    @Test
    void aGroupedFitNamesEveryGroupAtTheIterationLimit() {
        // Three groups that cannot converge in 2 iterations from a start far from their optimum.
        Session s = FitFixtures.session(1);
        var o = FitFixtures.run(s, "law p(x) = A * x^alpha { A > 0, alpha }\n"
                + "data d = table {\n  g, x, y\n  1, 1, 2\n  1, 2, 2.6\n  1, 4, 3.5\n  1, 8, 4.4\n"
                + "  2, 1, 3\n  2, 2, 3.9\n  2, 4, 5.1\n  2, 8, 6.7\n  3, 1, 1\n  3, 2, 1.3\n  3, 4, 1.7\n  3, 8, 2.2\n}\n"
                + "fit f = p(x) ~ y in d by g { start = {A = 1e3, alpha = -2}, max_iterations = 2 }\n");
        List<Diagnostic> limits = o.diagnostics().stream().filter(d -> d.code() == Code.FIT_ITERATION_LIMIT).toList();
        assertEquals(1, limits.size(), o.diagnostics().toString());
        assertEquals("3 of the 3 groups: the best start stopped at the iteration limit (2); the result may not be an "
                + "optimum", limits.get(0).message());
        assertEquals(List.of("groups g=1; g=2; g=3"), limits.get(0).notes());
    }
}
