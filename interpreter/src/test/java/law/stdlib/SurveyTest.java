package law.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import law.eval.Entry;
import law.eval.Modules;
import law.eval.Value;
import org.junit.jupiter.api.Test;

/** The survey's map in stdlib/taxonomy.txt is complete and names only what the modules define. */
class SurveyTest {

    @Test
    void everyNameOfEveryModuleIsOnTheMap() {
        Set<String> mapped = new HashSet<>();
        Survey.rows().forEach(r -> r.names().forEach(n -> mapped.add(r.module() + "." + n)));
        List<String> missing = new ArrayList<>();
        for (StdlibDoc.Item i : StdlibDoc.items()) {
            if (!mapped.contains(i.module() + "." + i.entry().name())) {
                missing.add(i.module() + "." + i.entry().name());
            }
        }
        assertEquals(List.of(), missing, "add these names to a line of stdlib/taxonomy.txt");
    }

    @Test
    void theMapNamesOnlyWhatItsModulesDefine() {
        Set<String> defined = new HashSet<>();
        StdlibDoc.items().forEach(i -> defined.add(i.module() + "." + i.entry().name()));
        List<String> unknown = new ArrayList<>();
        for (Survey.Row r : Survey.rows()) {
            assertTrue(Modules.stdlibModules().contains(r.module()), "no module " + r.module() + " for " + r.study());
            r.names().stream().filter(n -> !defined.contains(r.module() + "." + n))
                    .forEach(n -> unknown.add(r.module() + "." + n));
        }
        assertEquals(List.of(), unknown, "stdlib/taxonomy.txt names what its module does not define");
    }

    @Test
    void everyBranchOfTheSurveyHasStudies() {
        for (String b : Survey.BRANCHES) {
            assertFalse(Survey.rows().stream().noneMatch(r -> r.branch().equals(b)), "branch " + b + " is empty");
        }
        String md = Survey.markdown();
        assertTrue(md.contains("eq. 15 (garbled: do not copy)"), md);
        assertTrue(md.contains("| Yun et al. 2024"), md);
    }

    @Test
    void rulesAreDocumentedWithVerificationAndSource() {
        int rules = 0;
        for (StdlibDoc.Item i : StdlibDoc.items()) {
            Entry e = i.entry();
            if (StdlibDoc.isRule(e)) {
                rules++;
                assertTrue(e.doc() != null && e.doc().contains("Verification [")
                        && e.doc().contains("arXiv:"), e.name() + ": a rule needs its source and verification tag");
                assertTrue(((Value.Text) e.value()).text().length() > 20, e.name());
                assertTrue(StdlibDoc.text(i).contains("qualitative: the paper states a rule"), StdlibDoc.text(i));
            }
        }
        assertTrue(rules >= 10, "rules: " + rules);
    }
}
