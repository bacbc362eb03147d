package law.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.ast.Program;
import law.ast.Stmt;
import law.diag.Diagnostic;
import law.session.Session;

/**
 * {@code --data NAME=PATH} for piped input ({@code law --data train=x.csv < in}), which has no spec
 * to check the names against before it runs: each entry's datasets are checked as it arrives (a
 * NAME defined by an inline table or {@code simulate(...)} is refused there, as in a file), and a
 * NAME that no entry of the whole input defined is an error {@code L0006} at the end, with the
 * datasets it did define. A typo in NAME would otherwise leave every statement running on the data
 * the input names itself, silently.
 */
final class PipedData {
    private final Common common;
    private final Session session;
    private final Map<String, Stmt.Data> defined = new LinkedHashMap<>();
    /** Some entry used a module that could not be read, so it may have defined any name. */
    private boolean unsure;

    private PipedData(Common common, Session session) {
        this.common = common;
        this.session = session;
    }

    /** Watches the entries {@code session} runs for the {@code --data} names of {@code common}. */
    static PipedData watch(Session session, Common common) {
        PipedData p = new PipedData(common, session);
        if (!common.data.isEmpty()) {
            session.before(p::entry);
        }
        return p;
    }

    private List<Diagnostic> entry(Program program) {
        Map<String, Stmt.Data> datasets = Overrides.datasets(program, session.options().allowedPaths());
        List<Diagnostic> out = new ArrayList<>();
        if (datasets == null) {
            unsure = true;
            return out;
        }
        datasets.forEach((name, d) -> {
            defined.put(name, d);
            String problem = common.data.containsKey(name) ? Overrides.notFromFile(d) : null;
            if (problem != null) {
                out.add(Overrides.error(common.argv, name, problem, datasets));
            }
        });
        return out;
    }

    /** Errors {@code L0006} for the {@code --data} names that nothing the session ran defined, reported to it. */
    List<Diagnostic> unused() {
        List<Diagnostic> out = new ArrayList<>();
        for (String name : common.data.keySet()) {
            if (!unsure && !defined.containsKey(name)) {
                Diagnostic d = Overrides.error(common.argv, name, "no statement of the input defines a dataset '"
                        + name + "', so it was not used", defined, "the input");
                session.report(d);
                out.add(d);
            }
        }
        return out;
    }
}
