package law.appendix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import law.ast.Expr;
import law.ast.Stmt;
import law.diag.Span;
import law.eval.Entry;
import law.eval.Env;
import law.eval.Ledger;
import law.eval.Value;
import law.isoflop.IsoflopResult;
import law.model.Law;
import law.report.Version;
import law.session.Outcome;
import law.session.Session;

/**
 * Builds the appendix of a file from the session that ran it: one section per fit (per group of
 * a grouped fit) from the session's {@link Ledger}, one per IsoFLOP analysis from its
 * definitions, in the order the file states them, and the queries on fitted laws that no fit of
 * the file made (saved fits loaded with {@code use}).
 */
public final class Appendices {
    private Appendices() {
    }

    /** The appendix of {@code file}, which {@code session} ran with {@code outcome}. */
    public static Appendix of(String file, Session session, Outcome outcome) {
        Sources sources = new Sources();
        Env env = session.env();
        List<Ledger.Extent> extents = session.ledger().facts(Ledger.Extent.class);
        List<Placed> placed = new ArrayList<>();
        Set<String> fitted = new HashSet<>();
        for (Ledger.Fit f : session.ledger().facts(Ledger.Fit.class)) {
            if (FitItems.handles(f)) {
                fitted.add(f.name());
                placed.add(new Placed(f.span(), fit(f, sources, env, extents)));
            }
        }
        for (Entry e : env.entries()) {
            if (e.value() instanceof IsoflopResult r) {
                placed.add(new Placed(e.span(), isoflop(e, r, sources, env)));
            }
        }
        placed.sort(Comparator.comparingInt(p -> p.span() == null ? Integer.MAX_VALUE : p.span().start()));
        List<Appendix.Section> sections = new ArrayList<>(placed.stream().map(Placed::section).toList());
        List<Ledger.Extent> others = extents.stream().filter(x -> !fitted.contains(x.law())).toList();
        if (!others.isEmpty()) {
            sections.add(new Appendix.Section("queries", "other", "queries on fitted laws not fitted in this file",
                    List.of(Extrapolations.item(others))));
        }
        return new Appendix(file, Version.get(), sections, outcome.diagnostics());
    }

    private record Placed(Span span, Appendix.Section section) {
    }

    private static Appendix.Section fit(Ledger.Fit f, Sources sources, Env env, List<Ledger.Extent> extents) {
        Stmt.Fit stmt = sources.statement(f.span(), Stmt.Fit.class);
        Law law = null;
        if (stmt != null && stmt.model() instanceof Expr.Call call) {
            law = lawNamed(env, call.callee().text());
        }
        if (law == null) {
            law = lawNamed(env, f.name());
        }
        String dataName = stmt == null ? ((law.fit.FitResult) f.result()).dataName() : stmt.data().text();
        DataItems data = new DataItems(sources, dataName, env.get(dataName));
        List<Ledger.Extent> mine = f.group().isEmpty() ? extents.stream().filter(x -> x.law().equals(f.name())).toList()
                : List.of();
        return new FitItems(f, stmt, law, data).section(mine, env.constraints());
    }

    private static Law lawNamed(Env env, String name) {
        Entry e = env.get(name);
        return e != null && e.value() instanceof Value.LawRef ref ? ref.law() : null;
    }

    private static Appendix.Section isoflop(Entry e, IsoflopResult r, Sources sources, Env env) {
        Stmt.Isoflop stmt = sources.statement(e.span(), Stmt.Isoflop.class);
        String dataName = stmt == null ? "" : stmt.data().text();
        return new IsoflopItems(e.name(), r, stmt, new DataItems(sources, dataName, env.get(dataName))).section();
    }
}
